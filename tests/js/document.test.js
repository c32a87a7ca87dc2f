// Atoll-only: documentOf() gives a store's value as checked JSON text (plain
// JS). The JSON Patch functions of the same entry are in document-patch.test.js.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AtollError, atom, map, batch } from 'atoll-store'
import { documentOf } from 'atoll-store/document'
import { assertAtollError } from './helpers.js'

function assertDocument($store) {
  assert.equal(typeof documentOf, 'function', 'atoll-store/document must export documentOf')
  let text = documentOf($store)
  assert.equal(typeof text, 'string')
  assert.deepEqual(JSON.parse(text), $store.get())
}

test('documentOf gives the JSON of an atom, current after every write', () => {
  let $a = atom(0)
  assertDocument($a)
  let values = [
    1.5,
    -3,
    2 ** 53 - 1,
    1e300,
    5e-324,
    'plain',
    'héllo "quoted" \\ back\nslash \u2028 😀 \u0000',
    '',
    true,
    false,
    null,
    [],
    {},
    [1, [2, { a: 3 }], 'x', null, true],
    { a: { b: { c: [1, 2, { d: 'e' }] } }, 'key with space': 1, ключ: 'значение' }
  ]
  for (let value of values) {
    $a.set(value)
    assertDocument($a)
  }
})

test('documentOf follows set() on a named atom', () => {
  let $open = atom(false, { name: 'doc/cart/open' })
  assert.equal(JSON.parse(documentOf($open)), false)
  $open.set(true)
  assert.equal(JSON.parse(documentOf($open)), true)
})

test('documentOf of a map follows setKey, deletions and set()', () => {
  let $m = map({ a: 1, nested: { x: [1, 2] } })
  assertDocument($m)
  $m.setKey('b', { name: 'B', tags: ['t1'] })
  assertDocument($m)
  $m.setKey('a', 2)
  assertDocument($m)
  $m.setKey('a', undefined)
  assertDocument($m)
  assert.deepEqual(JSON.parse(documentOf($m)), { nested: { x: [1, 2] }, b: { name: 'B', tags: ['t1'] } })
  $m.setKey('missing', undefined)
  assertDocument($m)
  $m.set({ fresh: true })
  assertDocument($m)
  for (let i = 0; i < 100; i++) $m.setKey('k' + i, i)
  for (let i = 0; i < 100; i += 2) $m.setKey('k' + i, undefined)
  assertDocument($m)
})

test('documentOf is current inside and after a batch', () => {
  let $m = map({ count: 0 }, { name: 'doc/batched-map' })
  let $a = atom('a')
  batch(() => {
    $m.setKey('count', 1)
    assertDocument($m)
    $m.setKey('other', 'x')
    assertDocument($m)
    $m.setKey('other', undefined)
    assertDocument($m)
    $a.set('b')
    assertDocument($a)
    batch(() => {
      $m.setKey('count', 2)
      assertDocument($m)
    })
  })
  assertDocument($m)
  assertDocument($a)
  assert.deepEqual(JSON.parse(documentOf($m)), { count: 2 })
})

test('documentOf inside a listener sees the live value', () => {
  let $a = atom(0)
  let docs = []
  $a.listen(v => {
    docs.push(JSON.parse(documentOf($a)))
    if (v === 1) $a.set(2)
  })
  $a.set(1)
  assert.deepEqual(docs, [1, 2])
})

test('documentOf is unchanged by a rejected write', () => {
  let $m = map({ a: 1 })
  try {
    $m.set(5)
  } catch {}
  assertDocument($m)
  assert.deepEqual(JSON.parse(documentOf($m)), { a: 1 })
})

class Thing {
  constructor() {
    this.x = 1
  }
}

function cyclic() {
  let node = { name: 'loop' }
  node.self = node
  return node
}

const UNSERIALIZABLE = [
  ['a function', () => () => 1],
  ['a Map', () => new Map([['k', 1]])],
  ['a Set', () => new Set([1])],
  ['a class instance', () => new Thing()],
  ['a cycle', cyclic],
  ['a BigInt', () => 10n],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity]
]

for (let [label, make] of UNSERIALIZABLE) {
  test(`${label}: documentOf throws ATOLL_NOT_SERIALIZABLE naming the store and the path; memory works`, () => {
    let name = `doc/bad/${label.replace(/\W+/g, '-')}`
    let $a = atom({ ok: 1 }, { name })
    let seen = []
    $a.listen(v => seen.push(v))
    let bad = { ok: 1, outer: { inner: make() } }
    $a.set(bad) // works in memory
    assert.equal($a.get(), bad)
    assert.deepEqual(seen, [bad])
    assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE', [name, 'outer', 'inner'])
    // the store keeps working
    $a.set({ ok: 2 })
    assert.deepEqual(seen, [bad, { ok: 2 }])
    assertDocument($a)
  })
}

test('unnamed store: the message names it #<id>, with the path', () => {
  let $a = atom({ list: [1, { deep: 5n }] })
  let error = assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE', ['list', 'deep'])
  assert.match(error.message, /#\w+/)
  $a.set({ list: [1, { deep: 5 }] })
  assertDocument($a)
})

test('a bad value at the top level', () => {
  for (let value of [NaN, () => 1, 1n, new Map()]) {
    let $a = atom(value)
    assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE')
    assert.equal($a.get(), value)
  }
})

test('map with a bad value under a key, fixed by deleting it', () => {
  let $items = map({}, { name: 'cart/items' })
  $items.setKey('pear', { price: 3 })
  $items.setKey('apple', { price: 10n })
  let keys = []
  $items.listen((v, o, k) => keys.push(k))
  assertAtollError(AtollError, () => documentOf($items), 'ATOLL_NOT_SERIALIZABLE', [
    'cart/items',
    'apple',
    'price'
  ])
  assert.equal($items.get().apple.price, 10n)
  $items.setKey('plum', { price: 1 }) // in-memory writes still work
  assert.deepEqual(keys, ['plum'])
  $items.setKey('apple', undefined)
  assertDocument($items)
  assert.deepEqual(JSON.parse(documentOf($items)), { pear: { price: 3 }, plum: { price: 1 } })
})

// Untrusted data: what comes from outside must keep its exact shape. JSON.parse
// makes "__proto__" an own property; it must stay data, never a prototype.
const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'

test('keys named __proto__, constructor, toString, hasOwnProperty are data in the document', () => {
  let $m = map({}, { name: 'doc/proto-map' })
  $m.set(JSON.parse(PROTO_TEXT))
  assert.equal(documentOf($m), PROTO_TEXT)
  let $a = atom(null, { name: 'doc/proto-atom' })
  $a.set({ nested: JSON.parse(PROTO_TEXT) })
  assert.equal(documentOf($a), `{"nested":${PROTO_TEXT}}`)
  let back = JSON.parse(documentOf($a)).nested
  assert.deepEqual(Object.keys(back), ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
  assert.equal(Object.getPrototypeOf(back), Object.prototype)
  assert.equal({}.polluted, undefined)
})

test('a lone surrogate in a value: ATOLL_NOT_SERIALIZABLE with the path, never null', () => {
  let $a = atom('ok', { name: 'doc/lone-atom' })
  assert.equal(documentOf($a), '"ok"')
  for (let bad of ['x\ud800', '\udc00x', 'a\ud800\ud800\udc00']) {
    $a.set(bad)
    assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE', [
      "store 'doc/lone-atom' cannot be written as JSON: a lone surrogate at $"
    ])
    assert.equal($a.get(), bad, 'memory keeps the exact string')
  }
  // A surrogate pair is one character: it round-trips.
  $a.set('😀 \ud83d\ude00')
  assert.equal(JSON.parse(documentOf($a)), '😀 😀')

  let $items = map({}, { name: 'doc/lone-map' })
  $items.setKey('pear', { name: 'pear' })
  $items.setKey('apple', { name: 'x\ud800' })
  assertAtollError(AtollError, () => documentOf($items), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'doc/lone-map' cannot be written as JSON: a lone surrogate at $.apple.name"
  ])
  $items.setKey('apple', undefined)
  assert.equal(documentOf($items), '{"pear":{"name":"pear"}}')
})

test('a lone surrogate in a map key: ATOLL_NOT_SERIALIZABLE, never a changed key', () => {
  let $m = map({}, { name: 'doc/lone-key' })
  $m.setKey('ok', 1)
  $m.setKey('a\ud800bc', 2)
  assertAtollError(AtollError, () => documentOf($m), 'ATOLL_NOT_SERIALIZABLE', [
    'doc/lone-key',
    'a lone surrogate in the key at $["a\\ud800bc"]'
  ])
  $m.set({ ok: { 'k\udfff': 1 } })
  assertAtollError(AtollError, () => documentOf($m), 'ATOLL_NOT_SERIALIZABLE', [
    'a lone surrogate in the key at $.ok["k\\udfff"]'
  ])
  $m.set({ 'a\ud83d\ude00bc': 1 })
  assert.deepEqual(JSON.parse(documentOf($m)), { 'a😀bc': 1 })
})

test('an array hole would be written as null: refused with its path', () => {
  // eslint-disable-next-line no-sparse-arrays
  let $a = atom({ list: [1, , 3] }, { name: 'doc/hole' })
  assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE', [
    'empty array slot',
    '$.list[1]'
  ])
})

// `levels` arrays, one inside the other.
let nested = levels => {
  let value = 'leaf'
  for (let i = 0; i < levels; i++) value = [value]
  return value
}

test('20,000 levels of nesting: an AtollError naming the store, no RangeError, the document kept', () => {
  let $a = atom({ ok: 1 }, { name: 'doc/deep' })
  assert.equal(documentOf($a), '{"ok":1}')
  $a.set(nested(20000))
  let error = assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'doc/deep' cannot be written as JSON: nesting deeper than 1000 levels at $[0][0]"
  ])
  assert.ok(error.message.length < 400, 'the path is cut')
  let $m = map({ ok: 1 }, { name: 'doc/deep-map' })
  assert.equal(documentOf($m), '{"ok":1}')
  $m.setKey('deep', { list: nested(20000) })
  assertAtollError(AtollError, () => documentOf($m), 'ATOLL_NOT_SERIALIZABLE', [
    "'doc/deep-map'",
    '$.deep.list[0]'
  ])
  $m.setKey('deep', undefined)
  assert.equal(documentOf($m), '{"ok":1}')

  // The limit: 1000 levels, a map counting as one.
  $a.set(nested(1000))
  assert.deepEqual(JSON.parse(documentOf($a)), nested(1000))
  $a.set(nested(1001))
  assertAtollError(AtollError, () => documentOf($a), 'ATOLL_NOT_SERIALIZABLE', ['deeper than 1000'])
  $m.setKey('deep', nested(999))
  assert.deepEqual(JSON.parse(documentOf($m)).deep, nested(999))
  $m.setKey('deep', nested(1000))
  assertAtollError(AtollError, () => documentOf($m), 'ATOLL_NOT_SERIALIZABLE', ['deeper than 1000'])
})
