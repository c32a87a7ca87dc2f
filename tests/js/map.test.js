import { test } from 'node:test'
import assert from 'node:assert/strict'
import { batch, map } from 'atoll-store'

test('map() defaults to an empty plain object', () => {
  let $m = map()
  assert.deepEqual($m.get(), {})
  assert.equal(Object.getPrototypeOf($m.get()), Object.prototype)
})

test('map is an atom with setKey and eqKey (default Object.is)', () => {
  let initial = { a: 1 }
  let $m = map(initial)
  for (let method of ['get', 'set', 'listen', 'subscribe', 'notify', 'off', 'setKey']) {
    assert.equal(typeof $m[method], 'function', method)
  }
  assert.equal($m.eqKey, Object.is)
  assert.equal($m.eq, Object.is)
  assert.deepEqual($m.value, { a: 1 })
  assert.equal($m.init, initial)
  assert.equal($m.lc, 0)
})

test('setKey adds a key: new object, listeners get (value, oldValue, key)', () => {
  let $m = map({ a: 1 })
  let before = $m.get()
  let calls = []
  $m.listen((v, o, k) => calls.push([v, o, k]))
  $m.setKey('b', 2)
  let after = $m.get()
  assert.notEqual(after, before)
  assert.deepEqual(after, { a: 1, b: 2 })
  assert.deepEqual(before, { a: 1 }, 'the old object is not mutated')
  assert.equal(calls.length, 1)
  assert.equal(calls[0][0], after)
  assert.equal(calls[0][1], before)
  assert.equal(calls[0][2], 'b')
})

test('setKey changes a key: new object, same notification shape', () => {
  let $m = map({ a: 1, b: 2 })
  let before = $m.get()
  let calls = []
  $m.listen((v, o, k) => calls.push([v, o, k]))
  $m.setKey('a', 10)
  assert.deepEqual($m.get(), { a: 10, b: 2 })
  assert.deepEqual(before, { a: 1, b: 2 })
  assert.deepEqual(calls, [[{ a: 10, b: 2 }, { a: 1, b: 2 }, 'a']])
})

test('setKey with an equal value (Object.is) does nothing', () => {
  let obj = { x: 1 }
  let $m = map({ a: 1, o: obj, n: NaN })
  let before = $m.get()
  let calls = 0
  $m.listen(() => calls++)
  $m.setKey('a', 1)
  $m.setKey('o', obj)
  $m.setKey('n', NaN)
  assert.equal(calls, 0)
  assert.equal($m.get(), before)
})

test('setKey with equal-content new object notifies (identity, not deep equality)', () => {
  let $m = map({ o: { x: 1 } })
  let calls = 0
  $m.listen(() => calls++)
  $m.setKey('o', { x: 1 })
  assert.equal(calls, 1)
})

test('setKey 0 -> -0 notifies', () => {
  let $m = map({ z: 0 })
  let calls = 0
  $m.listen(() => calls++)
  $m.setKey('z', -0)
  assert.equal(calls, 1)
  assert.ok(Object.is($m.get().z, -0))
})

test('unchanged keys keep their references across a change', () => {
  let item = { name: 'apple' }
  let list = [1, 2]
  let $m = map({ item, list, n: 1 })
  $m.setKey('n', 2)
  assert.equal($m.get().item, item)
  assert.equal($m.get().list, list)
  $m.setKey('extra', true)
  assert.equal($m.get().item, item)
  $m.setKey('n', undefined)
  assert.equal($m.get().item, item)
  assert.equal($m.get().list, list)
})

test('setKey(k, undefined) deletes an existing key and notifies', () => {
  let $m = map({ a: 1, b: 2 })
  let before = $m.get()
  let calls = []
  $m.listen((v, o, k) => calls.push([v, o, k]))
  $m.setKey('a', undefined)
  assert.equal('a' in $m.get(), false)
  assert.deepEqual(Object.keys($m.get()), ['b'])
  assert.notEqual($m.get(), before)
  assert.deepEqual(before, { a: 1, b: 2 })
  assert.deepEqual(calls, [[{ b: 2 }, { a: 1, b: 2 }, 'a']])
})

test('setKey(k, undefined) on a key holding undefined deletes it and notifies', () => {
  let $m = map({ a: undefined, b: 1 })
  let calls = []
  $m.listen((v, o, k) => calls.push(k))
  $m.setKey('a', undefined)
  assert.equal('a' in $m.get(), false)
  assert.deepEqual(calls, ['a'])
})

test('setKey(k, undefined) deletes and notifies even when eqKey says equal', () => {
  let $m = map({ a: 1 })
  $m.eqKey = () => true
  let calls = []
  $m.listen((v, o, k) => calls.push(k))
  $m.setKey('a', undefined)
  assert.deepEqual($m.get(), {})
  assert.deepEqual(calls, ['a'])
})

test('setKey(k, undefined) on a missing key does nothing', () => {
  let $m = map({ a: 1 })
  let before = $m.get()
  let calls = 0
  $m.listen(() => calls++)
  $m.setKey('missing', undefined)
  assert.equal(calls, 0)
  assert.equal($m.get(), before)
  assert.deepEqual($m.get(), { a: 1 })
})

test('set() on a map notifies with changedKey undefined', () => {
  let $m = map({ a: 1 })
  let calls = []
  $m.listen((...args) => calls.push(args))
  let next = { a: 2, b: 3 }
  $m.set(next)
  assert.equal($m.get(), next)
  assert.equal(calls.length, 1)
  assert.equal(calls[0][0], next)
  assert.deepEqual(calls[0][1], { a: 1 })
  assert.equal(calls[0][2], undefined)
})

test('set() on a map: same reference silent, equal-content new object notifies', () => {
  let $m = map({ a: 1 })
  let calls = 0
  $m.listen(() => calls++)
  $m.set($m.get())
  assert.equal(calls, 0)
  $m.set({ a: 1 })
  assert.equal(calls, 1)
})

test('eqKey is called as eqKey(oldValue, newValue) and is reassignable', () => {
  let $m = map({ p: { x: 1 } })
  let seen = []
  let calls = 0
  $m.listen(() => calls++)
  $m.eqKey = (x, y) => {
    seen.push([x, y])
    return JSON.stringify(x) === JSON.stringify(y)
  }
  let before = $m.get()
  $m.setKey('p', { x: 1 })
  assert.equal(calls, 0)
  assert.equal($m.get(), before)
  assert.deepEqual(seen[0], [{ x: 1 }, { x: 1 }])
  $m.setKey('p', { x: 2 })
  assert.equal(calls, 1)
  assert.deepEqual($m.get(), { p: { x: 2 } })
  $m.eqKey = Object.is
  $m.setKey('p', { x: 2 })
  assert.equal(calls, 2)
})

test('value is the current object after setKey', () => {
  let $m = map({})
  $m.setKey('k', 'v')
  assert.equal($m.value, $m.get())
  assert.deepEqual($m.value, { k: 'v' })
})

test('many setKey calls keep every key', () => {
  let $m = map()
  let expected = {}
  for (let i = 0; i < 200; i++) {
    $m.setKey('k' + i, i)
    expected['k' + i] = i
  }
  for (let i = 0; i < 200; i += 3) {
    $m.setKey('k' + i, undefined)
    delete expected['k' + i]
  }
  assert.deepEqual($m.get(), expected)
})

test('keys named like Object.prototype members become own properties, never the prototype', () => {
  let $m = map({})
  let changes = []
  $m.listen((value, oldValue, key) => changes.push(key))
  $m.setKey('__proto__', { isAdmin: true })
  $m.setKey('constructor', 'c')
  $m.setKey('toString', 't')
  let value = $m.get()
  assert.equal(Object.getPrototypeOf(value), Object.prototype)
  assert.equal(value.isAdmin, undefined)
  assert.deepEqual(Object.keys(value), ['__proto__', 'constructor', 'toString'])
  assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__').value, { isAdmin: true })
  assert.equal({}.isAdmin, undefined, 'Object.prototype is untouched')
  assert.deepEqual(changes, ['__proto__', 'constructor', 'toString'])
  // A missing 'toString' is not inherited: deleting it does nothing.
  let fresh = map({})
  fresh.listen(() => changes.push('fresh'))
  fresh.setKey('toString', undefined)
  assert.equal(changes.at(-1), 'toString')
  // Many changes at once (a rebuilt object) keep them own too.
  $m.setKey('a', 1)
  $m.setKey('__proto__', 2)
  assert.equal(Object.getPrototypeOf($m.get()), Object.prototype)
  assert.equal(Object.getOwnPropertyDescriptor($m.get(), '__proto__').value, 2)
  $m.setKey('__proto__', undefined)
  assert.equal(Object.hasOwn($m.get(), '__proto__'), false)
})

test('a batch of setKey builds the object once, when it is read', () => {
  let $m = map(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => ['k' + i, i])))
  let seen = []
  $m.listen((value, oldValue, key) => seen.push([value, oldValue, key]))
  let before = $m.get()
  batch(() => {
    for (let i = 0; i < 500; i++) $m.setKey('k' + i, -i)
    $m.setKey('k999', undefined)
    $m.setKey('new', 'n')
  })
  assert.equal(seen.length, 1)
  let [value, oldValue, key] = seen[0]
  assert.equal(oldValue, before, 'listeners get the value from before the batch')
  assert.equal(key, undefined)
  assert.equal(value.k1, -1)
  assert.equal(value.k600, 600)
  assert.equal('k999' in value, false)
  assert.deepEqual(Object.keys(value).slice(-2), ['k998', 'new'])
  assert.equal($m.get(), value, 'the same object until the next change')
})

test('setKey(k, undefined) on a missing key does nothing, whatever eqKey says', () => {
  let $m = map({ a: 1 })
  let calls = []
  $m.eqKey = () => false
  $m.listen((value, oldValue, key) => calls.push(key))
  $m.setKey('missing', undefined)
  assert.deepEqual(calls, [])
  assert.deepEqual(Object.keys($m.get()), ['a'])
  $m.setKey('a', undefined) // a present key is deleted, eqKey or not
  assert.deepEqual(calls, ['a'])
  assert.deepEqual($m.get(), {})
})
