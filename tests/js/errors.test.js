// Atoll-only: bad input throws an AtollError that says what was wrong and
// where, and leaves prior state intact and later operations working.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as atoll from 'atoll-store'
import {
  atom,
  map,
  computed,
  batched,
  effect,
  batch,
  listenKeys,
  subscribeKeys,
  onMount,
  onStart,
  onStop,
  onSet,
  onNotify
} from 'atoll-store'
import { assertAtollError, fakeTimers, thrown } from './helpers.js'

const { AtollError } = atoll

test('AtollError is exported: a class extending Error, name AtollError, string code', () => {
  assert.equal(typeof AtollError, 'function')
  assert.ok(AtollError.prototype instanceof Error)
  let error = thrown(() => map(5))
  assert.ok(error instanceof AtollError)
  assert.ok(error instanceof Error)
  assert.equal(error.name, 'AtollError')
  assert.equal(typeof error.code, 'string')
  assert.equal(typeof error.message, 'string')
  assert.ok(error.message.length > 0)
})

const NOT_FUNCTIONS = [undefined, null, 42, 'fn', {}]

// [method name that the message must contain, call with a bad callback]
const CALLS = [
  ['listen', ($a, $m, bad) => $a.listen(bad)],
  ['subscribe', ($a, $m, bad) => $a.subscribe(bad)],
  ['listen', ($a, $m, bad) => $m.listen(bad)],
  ['onMount', ($a, $m, bad) => onMount($a, bad)],
  ['onStart', ($a, $m, bad) => onStart($a, bad)],
  ['onStop', ($a, $m, bad) => onStop($a, bad)],
  ['onSet', ($a, $m, bad) => onSet($a, bad)],
  ['onNotify', ($a, $m, bad) => onNotify($a, bad)],
  ['listenKeys', ($a, $m, bad) => listenKeys($m, ['k'], bad)],
  ['subscribeKeys', ($a, $m, bad) => subscribeKeys($m, ['k'], bad)],
  ['computed', ($a, $m, bad) => computed($a, bad)],
  ['batched', ($a, $m, bad) => batched([$a, $m], bad)],
  ['effect', ($a, $m, bad) => effect($a, bad)],
  ['batch', ($a, $m, bad) => batch(bad)]
]

for (let [method, call] of CALLS) {
  test(`${method} with a non-function throws ATOLL_NOT_A_FUNCTION naming ${method}; state intact`, t => {
    fakeTimers(t)
    let $a = atom(0)
    let $m = map({ k: 0 })
    let log = []
    $a.listen(v => log.push(['a', v]))
    $m.listen((v, o, k) => log.push(['m', k, v.k]))
    for (let bad of NOT_FUNCTIONS) {
      assertAtollError(AtollError, () => call($a, $m, bad), 'ATOLL_NOT_A_FUNCTION', [method])
      assert.equal($a.lc, 1, 'no listener was added to the atom')
      assert.equal($m.lc, 1, 'no listener was added to the map')
    }
    // later operations work, the existing listeners fire once each
    $a.set(1)
    $m.setKey('k', 2)
    assert.deepEqual(log, [
      ['a', 1],
      ['m', 'k', 2]
    ])
    assert.equal($a.get(), 1)
    // and the same API works with a real function
    let ok = []
    let unbind = call($a, $m, (...args) => {
      ok.push(args)
    })
    if (typeof unbind === 'function') unbind()
  })
}

test('map() with an initial value that is not a plain object throws ATOLL_NOT_PLAIN_OBJECT', () => {
  class Cart {
    items = []
  }
  for (let bad of [[], [1, 2], 5, 'str', null, true, new Cart(), new Map(), new Date(0)]) {
    assertAtollError(AtollError, () => map(bad), 'ATOLL_NOT_PLAIN_OBJECT', ['map'])
  }
  // later operations work
  let $m = map({ a: 1 })
  $m.setKey('b', 2)
  assert.deepEqual($m.get(), { a: 1, b: 2 })
  assert.deepEqual(map().get(), {})
})

test('map.set() of a non-plain-object throws ATOLL_NOT_PLAIN_OBJECT and keeps the old value', () => {
  class Point {
    x = 1
  }
  let $m = map({ a: 1 })
  let before = $m.get()
  let calls = []
  $m.listen((v, o, k) => calls.push([v, k]))
  for (let bad of [5, null, [], 'x', new Point(), new Set()]) {
    assertAtollError(AtollError, () => $m.set(bad), 'ATOLL_NOT_PLAIN_OBJECT', ['set'])
    assert.equal($m.get(), before)
  }
  assert.deepEqual(calls, [])
  // still a working map
  $m.setKey('b', 2)
  assert.deepEqual($m.get(), { a: 1, b: 2 })
  $m.set({ c: 3 })
  assert.deepEqual(calls, [
    [{ a: 1, b: 2 }, 'b'],
    [{ c: 3 }, undefined]
  ])
})

test('setKey called on something that is not a map throws ATOLL_NOT_A_MAP', () => {
  let $m = map({ a: 1 })
  let $a = atom(7)
  let mapBefore = $m.get()
  let calls = []
  $a.listen(v => calls.push(['a', v]))
  $m.listen((v, o, k) => calls.push(['m', k]))
  assertAtollError(AtollError, () => $m.setKey.call($a, 'k', 1), 'ATOLL_NOT_A_MAP', ['setKey'])
  assert.equal($a.get(), 7)
  assert.equal($m.get(), mapBefore)
  assert.deepEqual(calls, [])
  // both stores still work
  $a.set(8)
  $m.setKey('k', 1)
  assert.deepEqual(calls, [
    ['a', 8],
    ['m', 'k']
  ])
  assert.deepEqual($m.get(), { a: 1, k: 1 })
})

test('same name for stores of different kinds throws ATOLL_NAME_TAKEN', () => {
  let $n = atom('keep', { name: 'errors/taken' })
  let error = assertAtollError(AtollError, () => map({}, { name: 'errors/taken' }), 'ATOLL_NAME_TAKEN', [
    'errors/taken'
  ])
  assert.match(error.message, /atom/)
  assert.match(error.message, /map/)
  assert.equal($n.get(), 'keep')
  $n.set('still works')
  assert.equal(atom('', { name: 'errors/taken' }).get(), 'still works')
})

test('an AtollError inside a batch: the batch still flushes the earlier writes', () => {
  let $a = atom(0)
  let $m = map({})
  let calls = []
  $a.listen((v, o) => calls.push([v, o]))
  assertAtollError(
    AtollError,
    () =>
      batch(() => {
        $a.set(1)
        $m.set(5)
      }),
    'ATOLL_NOT_PLAIN_OBJECT'
  )
  assert.deepEqual(calls, [[1, 0]])
  assert.deepEqual($m.get(), {})
  batch(() => $a.set(2))
  assert.deepEqual(calls, [
    [1, 0],
    [2, 1]
  ])
})

test('an AtollError thrown inside a listener does not stop the others and is rethrown after the drain', () => {
  let $a = atom(0)
  let $b = atom(0)
  let log = []
  $a.listen(() => {
    log.push('L1')
    $b.listen(42)
  })
  $a.listen(() => log.push('L2'))
  assertAtollError(AtollError, () => $a.set(1), 'ATOLL_NOT_A_FUNCTION', ['listen'])
  assert.deepEqual(log, ['L1', 'L2'])
  assert.equal($b.lc, 0)
})

// Messages name the bad value in words: "undefined", never "undefined
// undefined"; a function by its name, never by its source.
test('error messages describe every kind of bad value readably', () => {
  let $m = map({})
  let got = value => thrown(() => $m.set(value)).message
  let cases = [
    [undefined, /got undefined$/],
    [null, /got null$/],
    [42, /got the number 42$/],
    [true, /got the boolean true$/],
    [10n, /got the BigInt 10n$/],
    [Symbol('s'), /got the symbol Symbol\(s\)$/],
    ['x', /got the string "x"$/],
    [[1], /got an array$/],
    [new Map(), /got an instance of Map$/],
    [
      function checkout() {
        return 'long source'
      },
      /got the function checkout$/
    ],
    [() => 'source', /got a function$/]
  ]
  for (let [value, says] of cases) {
    let message = got(value)
    assert.match(message, says)
    assert.doesNotMatch(message, /undefined undefined|source/)
  }
  assert.match(thrown(() => $m.listen(undefined)).message, /expects a function, got undefined$/)
})
