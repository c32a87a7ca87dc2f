import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom } from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('atom has get/set/listen/subscribe/notify/off and value/init/lc/eq', () => {
  let $a = atom(1)
  for (let method of ['get', 'set', 'listen', 'subscribe', 'notify', 'off']) {
    assert.equal(typeof $a[method], 'function', method)
  }
  assert.equal($a.value, 1)
  assert.equal($a.init, 1)
  assert.equal($a.lc, 0)
  assert.equal($a.eq, Object.is)
})

test('atom() without an argument holds undefined', () => {
  let $a = atom()
  assert.equal($a.get(), undefined)
  assert.equal($a.init, undefined)
})

test('value follows writes; init never changes', () => {
  let $a = atom('a')
  $a.set('b')
  assert.equal($a.value, 'b')
  assert.equal($a.get(), 'b')
  assert.equal($a.init, 'a')
  $a.set('c')
  assert.equal($a.init, 'a')
  assert.equal($a.value, 'c')
})

test('lc counts listeners, a function added twice counts twice', () => {
  let $a = atom(0)
  let fn = () => {}
  let u1 = $a.listen(fn)
  assert.equal($a.lc, 1)
  let u2 = $a.listen(fn)
  assert.equal($a.lc, 2)
  let u3 = $a.listen(() => {})
  assert.equal($a.lc, 3)
  u1()
  assert.equal($a.lc, 2)
  u3()
  assert.equal($a.lc, 1)
  u2()
  assert.equal($a.lc, 0)
})

test('set of a different value writes and calls listeners with (value, oldValue)', () => {
  let $a = atom(1)
  let calls = []
  $a.listen((...args) => calls.push(args.slice(0, 2)))
  $a.set(2)
  $a.set(3)
  assert.deepEqual(calls, [
    [2, 1],
    [3, 2]
  ])
  assert.equal($a.get(), 3)
})

test('atom listeners get no changedKey', () => {
  let $a = atom(1)
  let keys = []
  $a.listen((v, o, key) => keys.push(key))
  $a.set(2)
  assert.deepEqual(keys, [undefined])
})

test('set of the same value does nothing', () => {
  let $a = atom('x')
  let calls = 0
  $a.listen(() => calls++)
  $a.set('x')
  assert.equal(calls, 0)
  let obj = { a: 1 }
  $a.set(obj)
  $a.set(obj)
  assert.equal(calls, 1)
  assert.equal($a.get(), obj)
})

test('eq default Object.is: NaN -> NaN is silent', () => {
  let $a = atom(NaN)
  let calls = 0
  $a.listen(() => calls++)
  $a.set(NaN)
  assert.equal(calls, 0)
})

test('eq default Object.is: 0 -> -0 notifies, and -0 -> 0', () => {
  let $a = atom(0)
  let calls = []
  $a.listen((v, o) => calls.push([v, o]))
  $a.set(-0)
  assert.equal(calls.length, 1)
  assert.ok(Object.is(calls[0][0], -0))
  assert.ok(Object.is(calls[0][1], 0))
  assert.ok(Object.is($a.get(), -0))
  $a.set(0)
  assert.equal(calls.length, 2)
  assert.ok(Object.is($a.get(), 0))
})

test('eq default is identity: a new object with equal content notifies', () => {
  let first = { a: 1 }
  let $a = atom(first)
  let calls = []
  $a.listen((v, o) => calls.push([v, o]))
  let second = { a: 1 }
  $a.set(second)
  assert.equal(calls.length, 1)
  assert.equal(calls[0][0], second)
  assert.equal(calls[0][1], first)
  assert.equal($a.get(), second)
})

test('eq is called as eq(oldValue, newValue)', () => {
  let $a = atom(1)
  let seen = []
  $a.eq = (x, y) => {
    seen.push([x, y])
    return false
  }
  $a.set(2)
  assert.deepEqual(seen, [[1, 2]])
})

test('eq is reassignable at any time', () => {
  let $a = atom({ id: 1, n: 0 })
  let calls = 0
  $a.listen(() => calls++)
  $a.eq = (x, y) => x.id === y.id
  $a.set({ id: 1, n: 5 })
  assert.equal(calls, 0)
  assert.deepEqual($a.get(), { id: 1, n: 0 })
  $a.set({ id: 2, n: 5 })
  assert.equal(calls, 1)
  $a.eq = Object.is
  $a.set({ id: 2, n: 5 })
  assert.equal(calls, 2)
  $a.eq = () => true
  $a.set(123)
  assert.equal(calls, 2)
  assert.deepEqual($a.get(), { id: 2, n: 5 })
})

test('notify() always notifies, even without a change', () => {
  let $a = atom(5)
  let values = []
  $a.listen(v => values.push(v))
  $a.notify()
  $a.notify()
  assert.deepEqual(values, [5, 5])
  assert.equal($a.get(), 5)
})

test('get() on a store without listeners leaves it without listeners', t => {
  fakeTimers(t)
  let $a = atom(3)
  assert.equal($a.get(), 3)
  assert.equal($a.lc, 0)
})

test('listen returns an unbind; no calls after unbind', () => {
  let $a = atom(0)
  let calls = []
  let unbind = $a.listen(v => calls.push(v))
  assert.equal(typeof unbind, 'function')
  $a.set(1)
  unbind()
  $a.set(2)
  assert.deepEqual(calls, [1])
  assert.equal($a.lc, 0)
})

test('listen does not call the listener at once', () => {
  let $a = atom(0)
  let calls = 0
  $a.listen(() => calls++)
  assert.equal(calls, 0)
})

test('the same function listened twice is called twice; unbind removes one occurrence', () => {
  let $a = atom(0)
  let calls = []
  let fn = (v, o) => calls.push([v, o])
  let unbind1 = $a.listen(fn)
  let unbind2 = $a.listen(fn)
  $a.set(1)
  assert.deepEqual(calls, [
    [1, 0],
    [1, 0]
  ])
  unbind1()
  $a.set(2)
  assert.deepEqual(calls, [
    [1, 0],
    [1, 0],
    [2, 1]
  ])
  unbind2()
  $a.set(3)
  assert.equal(calls.length, 3)
  assert.equal($a.lc, 0)
})

test('unbind removes the calls of that listener still queued', () => {
  let $a = atom(0)
  let calls = []
  let unbindL2
  $a.listen(v => {
    calls.push(['L1', v])
    unbindL2()
  })
  unbindL2 = $a.listen(v => calls.push(['L2', v]))
  $a.listen(v => calls.push(['L3', v]))
  $a.set(1)
  assert.deepEqual(calls, [
    ['L1', 1],
    ['L3', 1]
  ])
  assert.equal($a.lc, 2)
})

test('listeners run in the order they were added', () => {
  let $a = atom(0)
  let order = []
  $a.listen(() => order.push('a'))
  $a.listen(() => order.push('b'))
  $a.listen(() => order.push('c'))
  $a.set(1)
  assert.deepEqual(order, ['a', 'b', 'c'])
})

test('subscribe listens first, then calls fn at once with the value', () => {
  let $a = atom('v0')
  let calls = []
  let lcInside
  let unbind = $a.subscribe((value, ...rest) => {
    if (lcInside === undefined) lcInside = $a.lc
    calls.push([value, rest[0]])
  })
  // synchronous: the call is already recorded when subscribe returns
  assert.deepEqual(calls, [['v0', undefined]])
  assert.equal(lcInside, 1)
  $a.set('v1')
  assert.deepEqual(calls, [
    ['v0', undefined],
    ['v1', 'v0']
  ])
  assert.equal(typeof unbind, 'function')
  unbind()
  $a.set('v2')
  assert.equal(calls.length, 2)
  assert.equal($a.lc, 0)
})
