// Atoll-only: snapshot() / restore() of named stores (atoll-store/snapshot).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AtollError, atom, map, computed, batch } from 'atoll-store'
import { snapshot, restore } from 'atoll-store/snapshot'
import { assertAtollError } from './helpers.js'

let unique = 0
let named = prefix => `snap/${prefix}/${++unique}`

function cart() {
  let $open = atom(false, { name: named('open') })
  let $items = map({ apple: { count: 1 } }, { name: named('items') })
  return { $open, $items }
}

test('snapshot() is the JSON of the chosen stores, keyed by name', () => {
  let { $open, $items } = cart()
  $items.setKey('pear', { count: 2 })
  let text = snapshot([$open, $items.name])
  assert.equal(typeof text, 'string')
  assert.deepEqual(JSON.parse(text), {
    [$open.name]: false,
    [$items.name]: { apple: { count: 1 }, pear: { count: 2 } }
  })
  assert.deepEqual(Object.keys(JSON.parse(text)), [$open.name, $items.name])
  assert.equal(snapshot([$open, $open]), `{${JSON.stringify($open.name)}:false}`)
  assert.equal(snapshot([]), '{}')
})

test('restore(snapshot()) round-trips, after any changes', () => {
  let { $open, $items } = cart()
  let saved = snapshot([$open, $items])
  $open.set(true)
  $items.setKey('apple', undefined)
  $items.setKey('kiwi', { count: 9 })
  restore(saved)
  assert.equal($open.get(), false)
  assert.deepEqual($items.get(), { apple: { count: 1 } })
  assert.equal(snapshot([$open, $items]), saved)
  // A map restored keeps working key by key.
  $items.setKey('fig', { count: 3 })
  assert.deepEqual($items.get(), { apple: { count: 1 }, fig: { count: 3 } })
})

test('restore() writes every store in one batch', () => {
  let { $open, $items } = cart()
  let saved = JSON.stringify({ [$open.name]: true, [$items.name]: { melon: { count: 4 } } })
  let calls = []
  let listener = (value, oldValue) => calls.push([value, oldValue, $open.get(), $items.get()])
  $open.listen(listener)
  $items.listen(listener)
  restore(saved)
  assert.equal(calls.length, 1, 'one listener on two stores runs once')
  // When it runs, both stores already hold the restored state.
  assert.equal(calls[0][2], true)
  assert.deepEqual(calls[0][3], { melon: { count: 4 } })
})

test('restore() inside a batch joins it', () => {
  let { $open } = cart()
  let calls = 0
  $open.listen(() => calls++)
  batch(() => {
    restore(JSON.stringify({ [$open.name]: true }))
    $open.set(false)
    $open.set(true)
    assert.equal(calls, 0)
  })
  assert.equal(calls, 1)
})

test('restore(json, stores) limits the stores a snapshot may write', () => {
  let { $open, $items } = cart()
  restore(JSON.stringify({ [$open.name]: true }), [$open, $items])
  assert.equal($open.get(), true)
  restore(JSON.stringify({ [$open.name]: false }), [$open.name])
  assert.equal($open.get(), false)
})

// Every bad input: the right code, a message naming the problem, no store
// changed, and the stores keep working afterwards.
function assertRejected({ $open, $items }, fn, code, parts) {
  let before = [$open.get(), $items.get()]
  let calls = 0
  let unbind = $open.listen(() => calls++)
  let unbindItems = $items.listen(() => calls++)
  let error = assertAtollError(AtollError, fn, code, parts)
  assert.equal($open.get(), before[0])
  assert.equal($items.get(), before[1], 'the map keeps its very object')
  assert.equal(calls, 0, 'no listener ran')
  $open.set(!$open.get())
  $items.setKey('later', { count: 1 })
  assert.equal(calls, 2, 'stores keep working')
  assert.equal($items.get().later.count, 1)
  unbind()
  unbindItems()
  return error
}

test('restore() of text that is not JSON: ATOLL_BAD_SNAPSHOT with the parser message', () => {
  let stores = cart()
  let parserMessage
  try {
    JSON.parse('{"a": tru')
  } catch (e) {
    parserMessage = e.message
  }
  let error = assertRejected(stores, () => restore('{"a": tru'), 'ATOLL_BAD_SNAPSHOT', [
    'not JSON',
    parserMessage
  ])
  assert.ok(error.cause instanceof SyntaxError)
  assertRejected(stores, () => restore(42), 'ATOLL_BAD_SNAPSHOT', ['JSON text', 'number 42'])
})

test('restore() of JSON that is not an object: ATOLL_BAD_SNAPSHOT', () => {
  let stores = cart()
  assertRejected(stores, () => restore('[1, 2]'), 'ATOLL_BAD_SNAPSHOT', ['snapshot object', 'an array'])
  assertRejected(stores, () => restore('null'), 'ATOLL_BAD_SNAPSHOT', ['null'])
  assertRejected(stores, () => restore('"text"'), 'ATOLL_BAD_SNAPSHOT', ['the string "text"'])
})

test('restore() naming unknown stores: ATOLL_UNKNOWN_STORE names each, writes nothing', () => {
  let stores = cart()
  let text = JSON.stringify({
    [stores.$open.name]: true,
    'snap/missing/one': 1,
    'snap/missing/two': 2
  })
  assertRejected(stores, () => restore(text), 'ATOLL_UNKNOWN_STORE', [
    "'snap/missing/one'",
    "'snap/missing/two'"
  ])
})

test('restore() giving a map a non-object: ATOLL_NOT_PLAIN_OBJECT names the store', () => {
  let stores = cart()
  let text = JSON.stringify({ [stores.$open.name]: true, [stores.$items.name]: [1, 2] })
  assertRejected(stores, () => restore(text), 'ATOLL_NOT_PLAIN_OBJECT', [
    `'${stores.$items.name}'`,
    'is a map',
    'an array'
  ])
  let nullText = JSON.stringify({ [stores.$items.name]: null })
  assertRejected(stores, () => restore(nullText), 'ATOLL_NOT_PLAIN_OBJECT', ['null'])
})

test('restore() of a store outside the chosen stores: ATOLL_STORE_NOT_CHOSEN', () => {
  let stores = cart()
  let text = JSON.stringify({ [stores.$open.name]: true, [stores.$items.name]: {} })
  assertRejected(stores, () => restore(text, [stores.$open]), 'ATOLL_STORE_NOT_CHOSEN', [
    `'${stores.$items.name}'`
  ])
})

test('a computed store is refused by snapshot() and restore()', () => {
  let stores = cart()
  let $total = computed(stores.$items, items => Object.keys(items).length)
  let name = named('total')
  // computed() takes no name, so an unnamed computed is refused as unnamed;
  // a name given by hand reaches the computed check itself.
  assertAtollError(AtollError, () => snapshot([$total]), 'ATOLL_NOT_NAMED', [`#${$total.id}`])
  Object.assign($total, { name })
  assertAtollError(AtollError, () => snapshot([$total]), 'ATOLL_NOT_WRITABLE', [`'${name}'`, 'computed'])
})

test('snapshot() errors: not an array, unknown name, unnamed store, unserializable value', () => {
  let { $open } = cart()
  assertAtollError(AtollError, () => snapshot($open), 'ATOLL_NOT_A_STORE', ['array'])
  assertAtollError(AtollError, () => snapshot([{}]), 'ATOLL_NOT_A_STORE', ['item 0'])
  assertAtollError(AtollError, () => snapshot(['snap/nope']), 'ATOLL_UNKNOWN_STORE', ["'snap/nope'"])
  let $plain = atom(1)
  assertAtollError(AtollError, () => snapshot([$open, $plain]), 'ATOLL_NOT_NAMED', [`#${$plain.id}`])
  let $bad = map({ ok: 1 }, { name: named('bad') })
  $bad.setKey('fn', () => {})
  assertAtollError(AtollError, () => snapshot([$open, $bad]), 'ATOLL_NOT_SERIALIZABLE', [
    `'${$bad.name}'`,
    '$.fn'
  ])
  $bad.setKey('fn', undefined)
  assert.deepEqual(JSON.parse(snapshot([$bad])), { [$bad.name]: { ok: 1 } })
})

// Untrusted data: a snapshot given to restore() comes from outside.
const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'

test('stores named __proto__ and constructor, and keys named like Object.prototype members, round-trip', () => {
  let $proto = map({}, { name: '__proto__' })
  let $ctor = atom(null, { name: 'constructor' })
  let text = `{"__proto__":${PROTO_TEXT},"constructor":{"toString":${PROTO_TEXT}}}`
  restore(text)
  assert.deepEqual(Object.keys($proto.get()), ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
  assert.equal(Object.getPrototypeOf($proto.get()), Object.prototype)
  assert.deepEqual($ctor.get().toString.__proto__, { polluted: 1 })
  assert.equal({}.polluted, undefined)
  assert.equal(snapshot(['__proto__', 'constructor']), text)
  restore(text, [$proto, $ctor])
  assert.equal(snapshot([$proto, $ctor]), text)
  // Names that only exist on Object.prototype are unknown, not found there.
  assertAtollError(AtollError, () => restore('{"toString":1,"hasOwnProperty":2}'), 'ATOLL_UNKNOWN_STORE', [
    "'toString', 'hasOwnProperty'"
  ])
  assertAtollError(AtollError, () => snapshot(['toString']), 'ATOLL_UNKNOWN_STORE', ["'toString'"])
})

test('a lone surrogate: snapshot() throws with the path, restore() refuses it and writes nothing', () => {
  let { $open, $items } = cart()
  $items.setKey('apple', { name: 'x\ud800' })
  assertAtollError(AtollError, () => snapshot([$open, $items]), 'ATOLL_NOT_SERIALIZABLE', [
    `store '${$items.name}' cannot be written as JSON: a lone surrogate at $.apple.name`
  ])
  $items.set({ apple: { count: 1 } })
  let bad = [
    [
      `{"${$open.name}":true,"${$items.name}":{"apple":{"name":"x\\ud800"}}}`,
      'a lone surrogate at $.apple.name'
    ],
    [
      `{"${$open.name}":true,"${$items.name}":{"a\\ud800bc":1}}`,
      'a lone surrogate in the key at $["a\\ud800bc"]'
    ],
    [`{"${$open.name}":"\\udc00"}`, 'a lone surrogate at $']
  ]
  for (let [text, where] of bad) {
    assertAtollError(AtollError, () => restore(text), 'ATOLL_NOT_SERIALIZABLE', [where])
    assert.equal($open.get(), false, 'nothing written')
    assert.deepEqual($items.get(), { apple: { count: 1 } })
  }
})

test('20,000 levels of nesting: AtollErrors naming the store, and nothing restored', () => {
  let { $open, $items } = cart()
  let deep = []
  for (let i = 0; i < 20000; i++) deep = [deep]
  $items.setKey('deep', deep)
  assertAtollError(AtollError, () => snapshot([$open, $items]), 'ATOLL_NOT_SERIALIZABLE', [
    `'${$items.name}'`,
    'nesting deeper than 1000 levels at $.deep'
  ])
  $items.setKey('deep', undefined)
  let saved = snapshot([$open, $items])
  let text = `{"${$open.name}":true,"${$items.name}":{"deep":${'['.repeat(20000)}${']'.repeat(20000)}}}`
  assertAtollError(AtollError, () => restore(text), 'ATOLL_NOT_SERIALIZABLE', [
    `'${$items.name}'`,
    'deeper than 1000'
  ])
  assert.equal($open.get(), false)
  assert.equal(snapshot([$open, $items]), saved)
})
