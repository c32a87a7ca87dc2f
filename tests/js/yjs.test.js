// Atoll-only: bindYjs() keeps a store equal to a part of a Y.Doc. Two
// devices are two Y.Docs whose updates are handed to each other in memory
// (what a provider does over the network), each with its own store.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { AtollError, atom, batch, deepMap, map } from 'atoll-store'
import { ATOMS_MAP, bindYjs } from 'atoll-store/yjs'
import { assertAtollError } from './helpers.js'

const REMOTE = Symbol('from the other device')

// Two docs that send each other every update at once, or, while
// disconnected, keep them until reconnect() (an offline device).
function twoDevices() {
  let a = new Y.Doc()
  let b = new Y.Doc()
  let online = true
  let pending = []
  let wire = (from, to) =>
    from.on('update', (update, origin) => {
      if (origin === REMOTE) return
      if (online) Y.applyUpdate(to, update, REMOTE)
      else pending.push([to, update])
    })
  wire(a, b)
  wire(b, a)
  return {
    a,
    b,
    disconnect: () => (online = false),
    reconnect() {
      online = true
      for (let [to, update] of pending.splice(0)) Y.applyUpdate(to, update, REMOTE)
    }
  }
}

// Transactions a doc made itself (not ones applied from the other device).
function ownTransactions(t, doc) {
  let count = { value: 0 }
  let onUpdate = (update, origin) => {
    if (origin !== REMOTE) count.value += 1
  }
  doc.on('update', onUpdate)
  t.after(() => doc.off('update', onUpdate))
  return count
}

function calls(store) {
  let seen = []
  store.listen((value, oldValue, changedKey) => seen.push({ value, changedKey }))
  return seen
}

let line = (id, quantity) => ({ id, name: `Item ${id}`, price: 10, quantity })

// Two devices, each with a cart map store bound to the Y.Map 'cart'.
function twoCarts() {
  let net = twoDevices()
  let cartA = map({})
  let cartB = map({})
  bindYjs(cartA, net.a, { name: 'cart' })
  bindYjs(cartB, net.b, { name: 'cart' })
  return { ...net, cartA, cartB }
}

test('a map store and a Y.Map stay equal both ways, one entry per key', () => {
  let { a, cartA, cartB } = twoCarts()
  cartA.setKey('lamp', line('lamp', 1))
  assert.deepEqual(cartB.get(), { lamp: line('lamp', 1) })
  cartB.setKey('mug', line('mug', 2))
  assert.deepEqual(cartA.get(), { lamp: line('lamp', 1), mug: line('mug', 2) })
  cartB.setKey('lamp', undefined)
  assert.deepEqual(cartA.get(), { mug: line('mug', 2) })
  // Each key is its own entry, holding that line's JSON.
  assert.deepEqual([...a.getMap('cart').keys()], ['mug'])
  assert.equal(a.getMap('cart').get('mug'), JSON.stringify(line('mug', 2)))
})

test('a remote transaction reaches the store in one step; a single key keeps its changedKey', () => {
  let { cartA, cartB, ...net } = twoCarts()
  let seen = calls(cartB)
  // Held back and delivered later, as from the network: not from inside
  // device a's listeners.
  net.disconnect()
  batch(() => {
    cartA.setKey('lamp', line('lamp', 1))
    cartA.setKey('mug', line('mug', 1))
    cartA.setKey('rug', line('rug', 1))
  })
  net.reconnect()
  assert.equal(seen.length, 1, 'one listener call for a three-key transaction')
  assert.equal(seen[0].changedKey, undefined)
  assert.deepEqual(Object.keys(seen[0].value), ['lamp', 'mug', 'rug'])
  net.disconnect()
  cartA.setKey('mug', line('mug', 2))
  net.reconnect()
  assert.equal(seen.length, 2)
  assert.equal(seen[1].changedKey, 'mug')
})

test('a local batch is one Yjs transaction; a single setKey writes one entry', t => {
  let { a, b } = twoDevices()
  let cartA = map({})
  bindYjs(cartA, a, { name: 'cart' })
  bindYjs(map({}), b, { name: 'cart' })
  let transactions = ownTransactions(t, a)
  let changedEntries = []
  a.getMap('cart').observe(event => changedEntries.push([...event.keysChanged]))
  batch(() => {
    cartA.setKey('lamp', line('lamp', 1))
    cartA.setKey('mug', line('mug', 1))
    cartA.setKey('lamp', line('lamp', 2))
  })
  assert.equal(transactions.value, 1)
  assert.deepEqual(changedEntries, [['lamp', 'mug']])
  cartA.setKey('mug', line('mug', 5))
  assert.equal(transactions.value, 2)
  assert.deepEqual(changedEntries[1], ['mug'])
})

test('no echo: a change from the other device is not sent back', t => {
  let { a, b, cartA, cartB } = twoCarts()
  let fromB = ownTransactions(t, b)
  let fromA = ownTransactions(t, a)
  let seenA = calls(cartA)
  cartA.setKey('lamp', line('lamp', 1))
  batch(() => {
    cartA.setKey('mug', line('mug', 1))
    cartA.set({ rug: line('rug', 1) })
  })
  assert.equal(fromA.value, 2)
  assert.equal(fromB.value, 0, 'device b wrote nothing back')
  assert.equal(seenA.length, 2, 'device a heard only its own two writes')
  assert.deepEqual(cartB.get(), { rug: line('rug', 1) })
})

test('two devices changing different keys at the same time both keep both', () => {
  let { cartA, cartB, ...net } = twoCarts()
  cartA.setKey('lamp', line('lamp', 1))
  net.disconnect()
  cartA.setKey('mug', line('mug', 1))
  cartA.setKey('lamp', line('lamp', 3))
  cartB.setKey('rug', line('rug', 1))
  cartB.setKey('lamp', undefined)
  net.reconnect()
  assert.deepEqual(cartA.get(), cartB.get())
  // Each device's own key survives; the one key both touched gets one
  // winner, the same on both.
  assert.deepEqual(cartA.get().mug, line('mug', 1))
  assert.deepEqual(cartA.get().rug, line('rug', 1))
  assert.deepEqual(Object.keys(net.a.getMap('cart').toJSON()).sort(), Object.keys(cartA.get()).sort())
})

test('a value JSON cannot hold throws an AtollError naming the store and path; the document keeps the last good state', () => {
  let { a, b } = twoDevices()
  let cartA = map({}, { name: 'yjs/cart-bad' })
  let cartB = map({})
  bindYjs(cartA, a)
  bindYjs(cartB, b, { name: 'yjs/cart-bad' })
  cartA.setKey('lamp', line('lamp', 1))
  assertAtollError(
    AtollError,
    () => cartA.setKey('mug', { id: 'mug', added: new Date(0) }),
    'ATOLL_NOT_SERIALIZABLE',
    ["'yjs/cart-bad'", '$.mug.added', 'Date']
  )
  assertAtollError(
    AtollError,
    () =>
      batch(() => {
        cartA.setKey('rug', line('rug', 1))
        cartA.setKey('cup', { n: 10n })
      }),
    'ATOLL_NOT_SERIALIZABLE',
    ["'yjs/cart-bad'", '$.cup.n', 'BigInt']
  )
  // Nothing of either write reached the document or the other device.
  assert.deepEqual(cartB.get(), { lamp: line('lamp', 1) })
  let atomA = atom(0, { name: 'yjs/atom-bad' })
  bindYjs(atomA, a)
  assertAtollError(AtollError, () => atomA.set({ list: [1, NaN] }), 'ATOLL_NOT_SERIALIZABLE', [
    "'yjs/atom-bad'",
    '$.list[1]',
    'NaN'
  ])
  assert.equal(b.getMap(ATOMS_MAP).get('yjs/atom-bad'), '0')
})

test('stop() unbinds both ways', () => {
  let { a, b } = twoDevices()
  let cartA = map({})
  let cartB = map({})
  let stopA = bindYjs(cartA, a, { name: 'cart' })
  bindYjs(cartB, b, { name: 'cart' })
  cartA.setKey('lamp', line('lamp', 1))
  stopA()
  stopA() // twice is harmless
  cartA.setKey('mug', line('mug', 1))
  assert.deepEqual(cartB.get(), { lamp: line('lamp', 1) })
  cartB.setKey('rug', line('rug', 1))
  assert.deepEqual(cartA.get(), { lamp: line('lamp', 1), mug: line('mug', 1) })
  assert.equal(a.getMap('cart').has('mug'), false)
})

test('an atom is one entry of the Y.Map atoll-store; undefined is no entry', () => {
  let { a, b } = twoDevices()
  let openA = atom(false)
  let openB = atom(false)
  bindYjs(openA, a, { name: 'cart/open' })
  bindYjs(openB, b, { name: 'cart/open' })
  let seen = calls(openB)
  openA.set(true)
  assert.equal(openB.get(), true)
  assert.equal(b.getMap(ATOMS_MAP).get('cart/open'), 'true')
  openB.set(false)
  assert.equal(openA.get(), false)
  openA.set(undefined)
  assert.equal(b.getMap(ATOMS_MAP).has('cart/open'), false)
  assert.equal(openB.get(), undefined)
  assert.deepEqual(
    seen.map(call => call.value),
    [true, false, undefined]
  )
})

test('a deepMap is written whole, as one entry', () => {
  let { a, b } = twoDevices()
  let prefsA = deepMap({ ship: { to: { city: '' } } })
  let prefsB = deepMap({ ship: { to: { city: '' } } })
  bindYjs(prefsA, a, { name: 'prefs' })
  bindYjs(prefsB, b, { name: 'prefs' })
  prefsA.setKey('ship.to.city', 'Suva')
  prefsA.setKey('tags[0]', 'gift')
  assert.deepEqual(prefsB.get(), { ship: { to: { city: 'Suva' } }, tags: ['gift'] })
  assert.equal(b.getMap(ATOMS_MAP).get('prefs'), JSON.stringify(prefsA.get()))
  // An array with a hole cannot travel as JSON (it would come back with null).
  assertAtollError(AtollError, () => prefsA.setKey('tags[2]', 'wrap'), 'ATOLL_NOT_SERIALIZABLE', [
    '$.tags[1]'
  ])
  prefsB.setKey('ship.to.city', 'Apia')
  assert.equal(prefsA.get().ship.to.city, 'Apia')
})

test('binding: a document that holds the store wins; an empty one is seeded', () => {
  let { a, b } = twoDevices()
  let cartA = map({ lamp: line('lamp', 1) })
  bindYjs(cartA, a, { name: 'cart' })
  assert.equal(b.getMap('cart').get('lamp'), JSON.stringify(line('lamp', 1)))
  let cartB = map({ mug: line('mug', 1) })
  let seen = calls(cartB)
  bindYjs(cartB, b, { name: 'cart' })
  assert.deepEqual(cartB.get(), { lamp: line('lamp', 1) })
  assert.equal(seen.length, 1, 'one step')
  let quiet = map({ rug: line('rug', 1) })
  bindYjs(quiet, new Y.Doc(), { name: 'cart', seed: false })
  assert.deepEqual(quiet.get(), { rug: line('rug', 1) })
})

test('keys like __proto__ stay own keys, at the top and inside values', () => {
  let { cartA, cartB } = twoCarts()
  let inner = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}')
  cartA.setKey('__proto__', inner)
  let value = cartB.get()
  assert.equal(Object.getPrototypeOf(value), Object.prototype)
  assert.ok(Object.hasOwn(value, '__proto__'))
  assert.equal(Object.getPrototypeOf(value.__proto__), Object.prototype)
  assert.ok(Object.hasOwn(value.__proto__, '__proto__'))
  assert.deepEqual(value.__proto__.__proto__, { polluted: true })
  assert.equal({}.polluted, undefined)
})

test('bad remote entries are ignored with a warning, never changed', t => {
  let warn = t.mock.method(console, 'warn', () => {})
  let { a, b } = twoDevices()
  let cartA = map({})
  let countA = atom(0)
  bindYjs(cartA, a, { name: 'cart' })
  bindYjs(countA, a, { name: 'count' })
  cartA.setKey('lamp', line('lamp', 1))
  let foreign = b.getMap('cart')
  b.transact(() => {
    foreign.set('lamp', '{"id": "lamp", oops')
    foreign.set('mug', { id: 'mug' }) // not JSON text
    foreign.set('cup', '"\\ud800"') // a lone surrogate
    foreign.set('rug', JSON.stringify(line('rug', 1)))
  })
  assert.deepEqual(cartA.get(), { lamp: line('lamp', 1), rug: line('rug', 1) })
  let messages = warn.mock.calls.map(call => call.arguments[0])
  assert.equal(messages.length, 3)
  assert.match(messages[0], /store #\d+ ignored key "lamp" of Y.Map 'cart': the entry is not JSON/)
  assert.match(messages[1], /"mug".*an object, not JSON text/)
  assert.match(messages[2], /"cup".*lone surrogate at \$\.cup/)
  b.getMap(ATOMS_MAP).set('count', '"ten"')
  assert.equal(countA.get(), 0)
  assert.match(warn.mock.calls[3].arguments[0], /entry 'count'.*a string where the store holds a number/)
})

test('bindYjs checks its arguments', () => {
  assertAtollError(AtollError, () => bindYjs(map({}), {}, { name: 'x' }), 'ATOLL_NOT_A_YDOC', [
    'bindYjs()',
    'Y.Doc'
  ])
  assertAtollError(AtollError, () => bindYjs(map({}), new Y.Doc()), 'ATOLL_UNNAMED_STORE', [
    'bindYjs()',
    'name'
  ])
  let doc = new Y.Doc()
  doc.getArray('list')
  assertAtollError(AtollError, () => bindYjs(map({}), doc, { name: 'list' }), 'ATOLL_YJS_TYPE', [
    "'list'",
    'Y.Map'
  ])
})
