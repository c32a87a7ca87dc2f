// Atoll-only: JSON Patch (RFC 6902) between store documents, done by the C++
// document module (atoll-store/document: createPatch, applyPatch).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import jsonpatch from 'fast-json-patch'
import { AtollError, atom, computed, deepMap, map } from 'atoll-store'
import { applyPatch, createPatch } from 'atoll-store/document'

// Awaits `promise`, requires an AtollError with `code` whose message has
// every one of `parts`; returns it.
async function rejectsWith(promise, code, parts = []) {
  let error
  await assert.rejects(promise, e => ((error = e), true))
  assert.ok(error instanceof AtollError, `expected an AtollError, got ${error && error.stack}`)
  assert.equal(error.code, code, error.message)
  for (let part of parts) {
    assert.ok(
      error.message.includes(part),
      `${JSON.stringify(error.message)} should mention ${JSON.stringify(part)}`
    )
  }
  return error
}

// Every listener call of the store: [value, changedKey].
let heard = $store => {
  let calls = []
  $store.listen((value, oldValue, changedKey) => calls.push([value, changedKey]))
  return calls
}

const CART_BEFORE = {
  items: [
    { id: 'mug', quantity: 1, price: { value: 12, currency: 'EUR' } },
    { id: 'cap', quantity: 2, price: { value: 20, currency: 'EUR' } }
  ],
  coupon: null,
  note: 'leave at the door'
}
const CART_AFTER = {
  items: [
    { id: 'mug', quantity: 3, price: { value: 12, currency: 'EUR' } },
    { id: 'lamp', quantity: 1, price: { value: 40, currency: 'EUR' } },
    { id: 'poster', quantity: 1, price: { value: 8, currency: 'EUR' } }
  ],
  coupon: 'MOON10',
  gift: true
}

test('createPatch gives RFC 6902 operations that turn one value into the other', async () => {
  assert.deepEqual(await createPatch({ a: 1 }, { a: 1 }), [])
  assert.deepEqual(await createPatch({ a: 1, b: 2 }, { b: 2, a: 1 }), [], 'key order is not content')
  assert.deepEqual(await createPatch({ a: 1, 'x/y': 2 }, { a: 2, '~': 3 }), [
    { op: 'replace', path: '/a', value: 2 },
    { op: 'remove', path: '/x~1y' },
    { op: 'add', path: '/~0', value: 3 }
  ])
  assert.deepEqual(
    await createPatch(undefined, 5),
    [{ op: 'replace', path: '', value: 5 }],
    'undefined is null'
  )
  // Stores are read as they are when createPatch is called.
  let $from = map({ open: false }, { name: 'patch/from' })
  let $to = atom({ open: true })
  let pending = createPatch($from, $to)
  $from.setKey('open', true)
  assert.deepEqual(await pending, [{ op: 'replace', path: '/open', value: true }])

  let pairs = [
    [CART_BEFORE, CART_AFTER],
    [CART_AFTER, CART_BEFORE],
    [[1, 2, 3, 4, 5], [5]],
    [{ deep: { er: { est: [1, { x: 'y' }] } } }, { deep: { er: { est: [1, { x: 'z' }, []] } } }],
    ['text', { now: 'an object' }]
  ]
  for (let [from, to] of pairs) {
    let patch = await createPatch(from, to)
    // Another implementation reads the same patch the same way.
    assert.deepEqual(jsonpatch.applyPatch(structuredClone(from), patch, true).newDocument, to)
    let $a = atom(structuredClone(from))
    await applyPatch($a, patch)
    assert.deepEqual($a.get(), to)
  }
})

test('createPatch of a value JSON cannot hold: ATOLL_NOT_SERIALIZABLE with the path', async () => {
  await rejectsWith(createPatch({ a: () => 1 }, {}), 'ATOLL_NOT_SERIALIZABLE', ['from', '$.a'])
  await rejectsWith(createPatch({}, { list: [1, 2n] }), 'ATOLL_NOT_SERIALIZABLE', ['to', '$.list[1]'])
  let $bad = atom({ when: new Date(0) }, { name: 'patch/bad-from' })
  await rejectsWith(createPatch($bad, {}), 'ATOLL_NOT_SERIALIZABLE', ["store 'patch/bad-from'", '$.when'])
})

test('applyPatch on a map: one setKey per written key, one notification, other keys keep their objects', async () => {
  let $cart = map(
    { mug: { quantity: 1 }, cap: { quantity: 2 }, lamp: { quantity: 1 } },
    { name: 'patch/cart' }
  )
  let before = $cart.get()
  let calls = heard($cart)
  await applyPatch($cart, [
    { op: 'replace', path: '/mug/quantity', value: 3 },
    { op: 'remove', path: '/lamp' },
    { op: 'add', path: '/poster', value: { quantity: 1 } },
    { op: 'test', path: '/cap/quantity', value: 2 }
  ])
  assert.deepEqual($cart.get(), { mug: { quantity: 3 }, cap: { quantity: 2 }, poster: { quantity: 1 } })
  assert.equal(calls.length, 1, 'one batch, one notification')
  assert.equal(calls[0][1], undefined, 'several keys: no changedKey')
  assert.equal($cart.get().cap, before.cap, 'a key the patch did not write keeps its object')

  // One key written: its setKey, with changedKey for listeners.
  await applyPatch($cart, [{ op: 'add', path: '/cap/color', value: 'red' }])
  assert.deepEqual(calls[1], [$cart.get(), 'cap'])
  assert.deepEqual($cart.get().cap, { quantity: 2, color: 'red' })

  // A move between keys writes both.
  await applyPatch($cart, [{ op: 'move', from: '/poster', path: '/print' }])
  assert.deepEqual(Object.keys($cart.get()), ['mug', 'cap', 'print'])
  assert.equal(calls.length, 3)

  // Only tests: nothing is written.
  await applyPatch($cart, [{ op: 'test', path: '/mug', value: { quantity: 3 } }])
  assert.equal(calls.length, 3)
})

test('applyPatch replacing a whole map: one set(); anything but an object is refused', async () => {
  let $m = map({ a: 1 }, { name: 'patch/whole-map' })
  let calls = heard($m)
  await applyPatch($m, [{ op: 'replace', path: '', value: { b: 2 } }])
  assert.deepEqual($m.get(), { b: 2 })
  assert.equal(calls.length, 1)
  await rejectsWith(applyPatch($m, [{ op: 'replace', path: '', value: [1] }]), 'ATOLL_NOT_PLAIN_OBJECT', [
    "store 'patch/whole-map'",
    'an array',
    'unchanged'
  ])
  assert.deepEqual($m.get(), { b: 2 })
  assert.equal(calls.length, 1)
})

test('applyPatch on an atom and a deepMap: one set() of the patched value', async () => {
  let $a = atom([1, 2, 3])
  let calls = heard($a)
  await applyPatch($a, [
    { op: 'add', path: '/-', value: 4 },
    { op: 'remove', path: '/0' }
  ])
  assert.deepEqual($a.get(), [2, 3, 4])
  assert.equal(calls.length, 1)
  await applyPatch($a, [{ op: 'test', path: '/0', value: 2 }])
  assert.equal(calls.length, 1, 'a patch of tests writes nothing')

  let $deep = deepMap({ form: { name: 'x', tags: ['a'] } })
  await applyPatch($deep, [{ op: 'add', path: '/form/tags/1', value: 'b' }])
  assert.deepEqual($deep.get(), { form: { name: 'x', tags: ['a', 'b'] } })
})

test('a failed test: ATOLL_PATCH_TEST_FAILED naming the store and the op; the store is unchanged', async () => {
  let $cart = map({ mug: { quantity: 1 } }, { name: 'patch/test-fails' })
  let before = $cart.get()
  let calls = heard($cart)
  let error = await rejectsWith(
    applyPatch($cart, [
      { op: 'replace', path: '/mug/quantity', value: 5 },
      { op: 'add', path: '/cap', value: { quantity: 1 } },
      { op: 'test', path: '/mug/quantity', value: 4 }
    ]),
    'ATOLL_PATCH_TEST_FAILED',
    ["store 'patch/test-fails'", 'op 2 (test)', '"/mug/quantity"', 'the store is unchanged']
  )
  assert.equal(error.op, 2)
  assert.equal($cart.get(), before, 'the same object: nothing was written')
  assert.deepEqual(calls, [])
})

test('bad patches: ATOLL_BAD_PATCH naming the store and the op, the store unchanged, later patches work', async () => {
  let $doc = atom({ a: { b: 1 }, list: [1, 2, 3] }, { name: 'patch/bad' })
  let before = $doc.get()
  let calls = heard($doc)
  let ok = { op: 'test', path: '/a/b', value: 1 }
  let cases = [
    [{ op: 'add', path: '/x' }, 'op 1 (add): "add" needs a "value"'],
    [{ op: 'frob', path: '/a' }, 'op 1 (frob): unknown op "frob"'],
    [{ path: '/a' }, 'op 1: it has no "op" string'],
    [{ op: 'remove' }, 'op 1 (remove): it has no "path" string'],
    [{ op: 'remove', path: 'a' }, 'op 1 (remove): "a" is not a JSON Pointer'],
    [{ op: 'remove', path: '/nope' }, 'op 1 (remove): "/nope" does not exist'],
    [{ op: 'replace', path: '/list/3', value: 0 }, '"/list/3" does not exist'],
    [{ op: 'replace', path: '/list/01', value: 0 }, '"/list/01" does not exist'],
    [{ op: 'add', path: '/list/9', value: 0 }, 'not an index of the array (0 to 3, or -)'],
    [{ op: 'add', path: '/a/b/c', value: 0 }, 'not an object or array'],
    [{ op: 'move', from: '/a', path: '/a/b/c' }, 'moved into itself'],
    [{ op: 'copy', path: '/x' }, 'needs a "from" string'],
    [{ op: 'remove', path: '' }, 'the whole document cannot be removed'],
    ['add', 'op 1: an operation must be an object'],
    [null, 'op 1: an operation must be an object']
  ]
  for (let [bad, says] of cases) {
    let error = await rejectsWith(applyPatch($doc, [ok, bad]), 'ATOLL_BAD_PATCH', [
      "store 'patch/bad'",
      says,
      'unchanged'
    ])
    assert.equal(error.op, 1)
  }
  // Not a patch at all; an op JSON cannot carry (it would be changed on the way).
  await rejectsWith(applyPatch($doc, { op: 'add' }), 'ATOLL_BAD_PATCH', ['array of operations', 'an object'])
  await rejectsWith(applyPatch($doc, 'x'), 'ATOLL_BAD_PATCH', ['array of operations'])
  await rejectsWith(applyPatch($doc, [ok, { op: 'add', path: '/f', value: () => 1 }]), 'ATOLL_BAD_PATCH', [
    'op 1 cannot be written as JSON: the function value at $.value'
  ])
  await rejectsWith(applyPatch($doc, [ok, { op: 'add', path: '/s', value: 'x\ud800' }]), 'ATOLL_BAD_PATCH', [
    'op 1 cannot be written as JSON: a lone surrogate at $.value'
  ])
  assert.equal($doc.get(), before)
  assert.deepEqual(calls, [])
  // The module was not hurt by any of it.
  await applyPatch($doc, [ok, { op: 'add', path: '/list/-', value: 4 }])
  assert.deepEqual($doc.get(), { a: { b: 1 }, list: [1, 2, 3, 4] })
})

test('not a store, a computed store, a value JSON cannot hold: AtollErrors, nothing written', async () => {
  await rejectsWith(applyPatch({}, []), 'ATOLL_NOT_A_STORE', ['applyPatch()'])
  await rejectsWith(
    applyPatch(
      computed(atom(1), n => n),
      []
    ),
    'ATOLL_NOT_WRITABLE',
    ['applyPatch()']
  )
  let $bad = map({ ok: 1, when: new Map() }, { name: 'patch/bad-value' })
  await rejectsWith(applyPatch($bad, [{ op: 'add', path: '/x', value: 1 }]), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'patch/bad-value'",
    '$.when'
  ])
  assert.equal(Object.hasOwn($bad.get(), 'x'), false)
})

test('a result nested deeper than JSON allows is refused, the store unchanged', async () => {
  let nested = levels => {
    let value = 'leaf'
    for (let i = 0; i < levels; i++) value = [value]
    return value
  }
  let $a = atom({ a: { b: 1 } }, { name: 'patch/too-deep' })
  await rejectsWith(applyPatch($a, [{ op: 'add', path: '/a/c', value: nested(999) }]), 'ATOLL_BAD_PATCH', [
    'the patched value cannot be written as JSON: nesting deeper than 1000 levels'
  ])
  assert.deepEqual($a.get(), { a: { b: 1 } })
})

// Untrusted data: a patch may come from another user. Keys named like
// Object.prototype members are data, and nothing reaches a prototype.
test('keys named __proto__ and constructor stay own keys; no prototype is touched', async () => {
  let $m = map({ a: 1 }, { name: 'patch/proto' })
  let calls = heard($m)
  await applyPatch($m, [{ op: 'add', path: '/__proto__', value: { polluted: 1 } }])
  assert.deepEqual(
    calls.map(([, key]) => key),
    ['__proto__']
  )
  let value = $m.get()
  assert.ok(Object.hasOwn(value, '__proto__'))
  assert.equal(Object.getPrototypeOf(value), Object.prototype)
  assert.deepEqual(value.__proto__, { polluted: 1 })
  assert.equal({}.polluted, undefined)

  await applyPatch($m, [
    { op: 'add', path: '/__proto__/more', value: 2 },
    { op: 'add', path: '/constructor', value: { prototype: { polluted: 2 } } }
  ])
  assert.deepEqual(Object.keys($m.get()), ['a', '__proto__', 'constructor'])
  assert.deepEqual($m.get().__proto__, { polluted: 1, more: 2 })
  assert.equal({}.polluted, undefined)
  assert.equal(typeof Object.prototype.constructor, 'function')

  // Where no own __proto__ exists, the path does not exist (the prototype is not a member).
  let $a = atom({ plain: true }, { name: 'patch/proto-atom' })
  await rejectsWith(
    applyPatch($a, [{ op: 'add', path: '/__proto__/polluted', value: 1 }]),
    'ATOLL_BAD_PATCH',
    ['the parent of "/__proto__/polluted" does not exist']
  )
  await rejectsWith(
    applyPatch($a, [{ op: 'replace', path: '/constructor/prototype', value: 1 }]),
    'ATOLL_BAD_PATCH'
  )
  assert.deepEqual($a.get(), { plain: true })
  assert.equal({}.polluted, undefined)

  // createPatch sees them as keys too.
  let patch = await createPatch({}, JSON.parse('{"__proto__":{"x":1}}'))
  assert.deepEqual(patch, [{ op: 'add', path: '/__proto__', value: { x: 1 } }])
  assert.ok(Object.hasOwn(patch[0].value, 'x'))
})

test('the patch is read when applyPatch is called; the store when it applies', async () => {
  let $a = atom({ n: 1, m: 0 })
  let patch = [{ op: 'replace', path: '/n', value: 2 }]
  let pending = applyPatch($a, patch)
  patch[0].value = 99
  patch.push({ op: 'remove', path: '/n' })
  $a.set({ n: 1, m: 5 })
  await pending
  assert.deepEqual($a.get(), { n: 2, m: 5 })
})

// A small seeded generator of JSON values.
let isPlainObject = x => !!x && typeof x === 'object' && !Array.isArray(x)
let random = seed => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
let value = (next, depth) => {
  let roll = next()
  if (depth > 3 || roll < 0.3) return [null, true, 7, -2.5, 'x', '', '/~'][Math.floor(next() * 7)]
  if (roll < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1))
  let object = {}
  for (let i = Math.floor(next() * 5); i > 0; i--) {
    let key = ['a', 'b', 'c/d', '~e', '__proto__'][Math.floor(next() * 5)]
    // An own key whatever its name, as JSON.parse makes it.
    Object.defineProperty(object, key, {
      value: value(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return object
}

test('random documents: our patch gives the target, read by us and by fast-json-patch', async () => {
  let next = random(42)
  for (let i = 0; i < 300; i++) {
    let from = value(next, 0)
    let to = next() < 0.5 ? value(next, 0) : JSON.parse(JSON.stringify(from))
    if (next() < 0.7 && isPlainObject(to)) to = { ...to, changed: value(next, 2) }
    let patch = await createPatch(from, to)
    let $a = atom(from)
    await applyPatch($a, patch)
    assert.deepEqual($a.get(), to, JSON.stringify({ from, to, patch }))
    // fast-json-patch refuses "__proto__" in a path (it would write the
    // prototype), so it reads only the other patches.
    if (JSON.stringify([from, to]).includes('"__proto__"')) continue
    assert.deepEqual(jsonpatch.applyPatch(structuredClone(from), patch, true).newDocument, to)
    // And fast-json-patch's own patch applies here (its compare() takes two
    // objects: for an array against an object, or a scalar, it gives ops that
    // do not apply or none at all).
    if (isPlainObject(from) && isPlainObject(to)) {
      let $b = atom(from)
      await applyPatch($b, jsonpatch.compare(from, to))
      assert.deepEqual($b.get(), to)
    }
  }
})
