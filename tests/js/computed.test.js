import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, map, computed, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('computed over a single store', t => {
  fakeTimers(t)
  let $a = atom(2)
  let $c = computed($a, a => a * 10)
  assert.equal($c.get(), 20)
  $a.set(3)
  assert.equal($c.get(), 30)
})

test('computed over an array of stores gets their values in order', t => {
  fakeTimers(t)
  let $a = atom('a')
  let $b = atom('b')
  let $m = map({ k: 'c' })
  let seen = []
  let $c = computed([$a, $b, $m], (...args) => {
    seen.push(args)
    return args[0] + args[1] + args[2].k
  })
  assert.equal($c.get(), 'abc')
  assert.deepEqual(seen, [['a', 'b', { k: 'c' }]])
  $b.set('B')
  assert.equal($c.get(), 'aBc')
})

test('computed is lazy: no fn call without listeners until get()', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let calls = 0
  let $c = computed($a, a => {
    calls++
    return a + 1
  })
  assert.equal(calls, 0)
  $a.set(2)
  $a.set(3)
  assert.equal(calls, 0)
  assert.equal($a.lc, 0)
  assert.equal($c.get(), 4)
  assert.equal(calls, 1)
  timers.tick(STORE_UNMOUNT_DELAY + 1)
  assert.equal($a.lc, 0, 'after the unmount delay it no longer listens to its source')
  $a.set(10)
  $a.set(11)
  assert.equal(calls, 1)
  assert.equal($c.get(), 12)
  assert.equal(calls, 2)
})

test('computed get() twice without a change runs fn once', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let calls = 0
  let $c = computed($a, a => {
    calls++
    return a
  })
  $c.get()
  $c.get()
  assert.equal(calls, 1)
  timers.tick(STORE_UNMOUNT_DELAY + 1)
  atom(0).set(1) // an unrelated write
  $c.get()
  assert.equal(calls, 1)
})

test('computed listens to its sources only while it has listeners', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let $b = atom(2)
  let $c = computed([$a, $b], (a, b) => a + b)
  assert.equal($a.lc, 0)
  assert.equal($b.lc, 0)
  let unbind = $c.listen(() => {})
  assert.equal($c.lc, 1)
  assert.ok($a.lc >= 1)
  assert.ok($b.lc >= 1)
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY + 1)
  assert.equal($a.lc, 0)
  assert.equal($b.lc, 0)
})

test('computed with a listener recomputes on each source change and notifies (value, oldValue)', t => {
  fakeTimers(t)
  let $a = atom(1)
  let calls = 0
  let $c = computed($a, a => {
    calls++
    return a * 2
  })
  let seen = []
  $c.listen((v, o) => seen.push([v, o]))
  assert.equal(calls, 1)
  $a.set(2)
  $a.set(3)
  assert.equal(calls, 3)
  assert.deepEqual(seen, [
    [4, 2],
    [6, 4]
  ])
  assert.equal($c.get(), 6)
  assert.equal($c.value, 6)
})

test('computed subscribe gives the value at once', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $c = computed($a, a => a + 100)
  let seen = []
  $c.subscribe(v => seen.push(v))
  $a.set(2)
  assert.deepEqual(seen, [101, 102])
})

test('fn runs again only when an input changed', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $b = atom(1)
  let calls = 0
  let $c = computed([$a, $b], (a, b) => {
    calls++
    return a + b
  })
  $c.listen(() => {})
  assert.equal(calls, 1)
  $a.notify() // no change of value
  assert.equal(calls, 1)
  $a.set(1)
  assert.equal(calls, 1)
  $b.set(5)
  assert.equal(calls, 2)
  assert.equal($c.get(), 6)
})

test("the result goes through the computed store's own eq (default Object.is)", t => {
  fakeTimers(t)
  let $a = atom(0)
  let calls = 0
  let $parity = computed($a, a => {
    calls++
    return a % 2
  })
  let seen = []
  $parity.listen(v => seen.push(v))
  $a.set(2)
  assert.equal(calls, 2)
  assert.deepEqual(seen, [])
  $a.set(3)
  assert.deepEqual(seen, [1])
})

test('computed eq is reassignable', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $c = computed($a, a => ({ big: a > 10 }))
  let seen = []
  $c.listen(v => seen.push(v))
  $a.set(2) // new object with equal content: notifies by default
  assert.deepEqual(seen, [{ big: false }])
  $c.eq = (x, y) => x !== undefined && x.big === y.big
  $a.set(3)
  assert.equal(seen.length, 1)
  $a.set(30)
  assert.deepEqual(seen, [{ big: false }, { big: true }])
})

test('an unchanged intermediate result stops recomputation downstream', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $positive = computed($a, a => a > 0)
  let dCalls = 0
  let $d = computed($positive, p => {
    dCalls++
    return p ? 'yes' : 'no'
  })
  let seen = []
  $d.listen(v => seen.push(v))
  assert.equal(dCalls, 1)
  $a.set(2)
  $a.set(3)
  assert.equal(dCalls, 1)
  $a.set(-1)
  assert.equal(dCalls, 2)
  assert.deepEqual(seen, ['no'])
})

test('diamond: one change of A runs D once, D listener once, never a mixed state', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $b = computed($a, a => a * 2)
  let $c = computed($a, a => a * 3)
  let dArgs = []
  let $d = computed([$b, $c], (b, c) => {
    dArgs.push([b, c])
    return b + c
  })
  let seen = []
  $d.listen((v, o) => seen.push([v, o]))
  assert.deepEqual(dArgs, [[2, 3]])
  $a.set(2)
  assert.deepEqual(dArgs, [
    [2, 3],
    [4, 6]
  ])
  assert.deepEqual(seen, [[10, 5]])
  $a.set(3)
  assert.deepEqual(dArgs, [
    [2, 3],
    [4, 6],
    [6, 9]
  ])
  assert.deepEqual(seen, [
    [10, 5],
    [15, 10]
  ])
})

test('diamond: a listener of A reads the new value of D (listener added before D is listened)', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $b = computed($a, a => a + 1)
  let $c = computed($a, a => a * 10)
  let dCalls = 0
  let $d = computed([$b, $c], (b, c) => {
    dCalls++
    return `${b}|${c}`
  })
  let readByA = []
  $a.listen(() => readByA.push($d.get()))
  $d.listen(() => {})
  let before = dCalls
  $a.set(2)
  assert.deepEqual(readByA, ['3|20'])
  assert.equal(dCalls - before, 1)
})

test('diamond: a listener of A reads the new value of D (listener added after D is listened)', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $b = computed($a, a => a + 1)
  let $c = computed($a, a => a * 10)
  let dCalls = 0
  let $d = computed([$b, $c], (b, c) => {
    dCalls++
    return `${b}|${c}`
  })
  $d.listen(() => {})
  let readByA = []
  $a.listen(() => readByA.push($d.get()))
  let before = dCalls
  $a.set(2)
  $a.set(3)
  assert.deepEqual(readByA, ['3|20', '4|30'])
  assert.equal(dCalls - before, 2)
})

test('diamond without listeners: get() of D after a change of A is fresh', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $b = computed($a, a => a + 1)
  let $c = computed($a, a => a - 1)
  let $d = computed([$b, $c], (b, c) => b * c)
  assert.equal($d.get(), 0)
  $a.set(5)
  assert.equal($d.get(), 24)
})

test('layered graph: right values, each affected fn once per change, consistent inputs', t => {
  fakeTimers(t)
  let x = atom(1)
  let y = atom(2)
  let z = atom(3)
  let calls = {}
  let mk = (name, deps, fn) =>
    computed(deps, (...args) => {
      calls[name] = (calls[name] || 0) + 1
      return fn(...args)
    })
  // layer 1
  let p = mk('p', [x, y], (a, b) => a + b)
  let q = mk('q', [y, z], (a, b) => a * b)
  let r = mk('r', z, a => -a)
  // layer 2
  let s = mk('s', [p, q], (a, b) => a + b)
  let u = mk('u', [q, r], (a, b) => a + b)
  // layer 3, also reads a root directly
  let top = mk('top', [s, u, x], (a, b, c) => [a, b, c])
  let expect = () => {
    let [X, Y, Z] = [x.get(), y.get(), z.get()]
    let P = X + Y
    let Q = Y * Z
    let R = -Z
    return [P + Q, Q + R, X]
  }
  let seen = []
  top.listen(v => seen.push(v))
  assert.deepEqual(top.get(), expect())
  for (let k of Object.keys(calls)) calls[k] = 0

  x.set(10) // affects p, s, top
  assert.deepEqual(top.get(), expect())
  assert.deepEqual(calls, { p: 1, q: 0, r: 0, s: 1, u: 0, top: 1 })

  for (let k of Object.keys(calls)) calls[k] = 0
  z.set(4) // affects q, r, s, u, top
  assert.deepEqual(top.get(), expect())
  assert.deepEqual(calls, { p: 0, q: 1, r: 1, s: 1, u: 1, top: 1 })

  for (let k of Object.keys(calls)) calls[k] = 0
  y.set(7) // affects p, q, s, u, top
  assert.deepEqual(top.get(), expect())
  assert.deepEqual(calls, { p: 1, q: 1, r: 0, s: 1, u: 1, top: 1 })

  assert.deepEqual(seen, [
    [12 + 6, 6 - 3, 10],
    [12 + 8, 8 - 4, 10],
    [17 + 28, 28 - 4, 10]
  ])
})

test('computed from a computed that is also read directly', t => {
  fakeTimers(t)
  let $n = atom(1)
  let $double = computed($n, n => n * 2)
  let $sum = computed([$n, $double], (n, d) => n + d)
  let seen = []
  $sum.subscribe(v => seen.push(v))
  $n.set(2)
  $n.set(5)
  assert.deepEqual(seen, [3, 6, 15])
})
