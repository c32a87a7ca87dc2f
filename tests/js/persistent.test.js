// Atoll-only: persist() keeps a store in Web Storage. Storage here is jsdom's
// real localStorage/sessionStorage (with its quota); "reloads" are new worker
// threads, each with its own runtime, loaded with the saved storage contents.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JSDOM } from 'jsdom'
import { AtollError, atom, batch, computed, map } from 'atoll-store'
import { persist } from 'atoll-store/persistent'
import { assertAtollError } from './helpers.js'
import { Browser } from './fixtures/sync-browser.js'

let windowOf = options => new JSDOM('', { url: 'https://shop.test/', ...options }).window

// console.warn calls during fn.
function warningsOf(t, fn) {
  let warn = t.mock.method(console, 'warn', () => {})
  fn()
  let messages = warn.mock.calls.map(call => call.arguments.join(' '))
  warn.mock.restore()
  return messages
}

test('persist restores the saved state before it returns', () => {
  let { localStorage } = windowOf()
  localStorage.setItem('persist/cart', JSON.stringify({ apple: { quantity: 2 } }))
  localStorage.setItem('persist/open', 'true')
  let $cart = map({}, { name: 'persist/cart' })
  let $open = atom(false, { name: 'persist/open' })
  persist($cart, { storage: localStorage })
  persist($open, { storage: localStorage })
  assert.deepEqual($cart.get(), { apple: { quantity: 2 } })
  assert.equal($open.get(), true)
  assert.equal($cart.init.apple, undefined, 'init stays the initial value')
})

// A storage over `area` that counts setItem calls (in `writes`).
let countingStorage = area => {
  let storage = {
    writes: 0,
    getItem: key => area.getItem(key),
    setItem: (key, value) => {
      storage.writes += 1
      area.setItem(key, value)
    },
    removeItem: key => area.removeItem(key)
  }
  return storage
}

test('every change is written; a batch writes once', () => {
  let { localStorage } = windowOf()
  // Any object with getItem/setItem/removeItem works as the storage.
  let storage = countingStorage(localStorage)
  let $cart = map({}, { name: 'persist/writes' })
  persist($cart, { storage })
  assert.equal(storage.writes, 0, 'nothing to write until a change')
  $cart.setKey('apple', { quantity: 1 })
  assert.deepEqual(JSON.parse(localStorage.getItem('persist/writes')), { apple: { quantity: 1 } })
  $cart.setKey('pear', { quantity: 3 })
  $cart.setKey('apple', undefined)
  assert.deepEqual(JSON.parse(localStorage.getItem('persist/writes')), { pear: { quantity: 3 } })
  assert.equal(storage.writes, 3)
  batch(() => {
    $cart.setKey('a', 1)
    $cart.setKey('b', 2)
    $cart.setKey('c', 3)
  })
  assert.equal(storage.writes, 4)
  $cart.set({ only: true })
  assert.equal(localStorage.getItem('persist/writes'), '{"only":true}')
})

test('key option, sessionStorage, and an atom set to undefined removes the item', () => {
  let { sessionStorage } = windowOf()
  let $step = atom(1)
  persist($step, { key: 'checkout-step', storage: sessionStorage })
  $step.set(2)
  assert.equal(sessionStorage.getItem('checkout-step'), '2')
  $step.set(undefined)
  assert.equal(sessionStorage.getItem('checkout-step'), null)
})

test('an unnamed store without a key is an AtollError', () => {
  let { localStorage } = windowOf()
  assertAtollError(AtollError, () => persist(map({}), { storage: localStorage }), 'ATOLL_UNNAMED_STORE', [
    'persist()',
    'key'
  ])
  let $sum = computed(atom(1), n => n)
  assertAtollError(AtollError, () => persist($sum, { key: 'k', storage: localStorage }), 'ATOLL_NOT_WRITABLE')
  assertAtollError(AtollError, () => persist(atom(1), { key: 'k', storage: {} }), 'ATOLL_BAD_STORAGE')
})

test('corrupt or foreign saved data: a warning naming store and key, and the initial value', t => {
  let { localStorage } = windowOf()
  let cases = [
    ['persist/corrupt-map', map({ a: 1 }, { name: 'persist/corrupt-map' }), '{"a":', 'not JSON'],
    ['persist/array-for-map', map({ a: 1 }, { name: 'persist/array-for-map' }), '[1,2]', 'an array'],
    ['persist/null-for-map', map({}, { name: 'persist/null-for-map' }), 'null', 'null'],
    ['persist/text-for-number', atom(0, { name: 'persist/text-for-number' }), '"zero"', 'a string'],
    ['persist/object-for-list', atom([], { name: 'persist/object-for-list' }), '{}', 'an object']
  ]
  for (let [key, $store, saved, reason] of cases) {
    localStorage.setItem(key, saved)
    let initial = $store.get()
    let warnings = warningsOf(t, () => persist($store, { storage: localStorage }))
    assert.equal(warnings.length, 1, key)
    assert.match(warnings[0], new RegExp(`store '${key}'`))
    assert.match(warnings[0], new RegExp(`key '${key}'`))
    assert.ok(warnings[0].includes(reason), `${warnings[0]} should say ${reason}`)
    assert.equal($store.get(), initial, 'the store keeps its initial value')
  }
  // The next change replaces the foreign data.
  cases[0][1].setKey('b', 2)
  assert.equal(localStorage.getItem('persist/corrupt-map'), '{"a":1,"b":2}')
})

test('a store with no initial kind accepts any saved JSON', () => {
  let { localStorage } = windowOf()
  localStorage.setItem('persist/any', '[1,"two"]')
  let $any = atom(null, { name: 'persist/any' })
  persist($any, { storage: localStorage })
  assert.deepEqual($any.get(), [1, 'two'])
})

test('a full storage: AtollError ATOLL_STORAGE_FULL to the writer, state kept, later writes work', () => {
  let { localStorage } = windowOf({ storageQuota: 1000 })
  localStorage.setItem('filler', 'x'.repeat(500))
  let $cart = map({}, { name: 'persist/full' })
  let others = []
  $cart.listen(value => others.push(Object.keys(value).length))
  persist($cart, { storage: localStorage })
  $cart.setKey('small', 1)
  let big = 'y'.repeat(600)
  let error = assertAtollError(AtollError, () => $cart.setKey('big', big), 'ATOLL_STORAGE_FULL', [
    "'persist/full'",
    "key 'persist/full'",
    `${JSON.stringify({ small: 1, big }).length} characters`
  ])
  assert.equal(error.cause.name, 'QuotaExceededError')
  assert.deepEqual($cart.get(), { small: 1, big }, 'the in-memory state is kept')
  assert.deepEqual(others, [1, 2], 'other listeners still ran')
  assert.equal(localStorage.getItem('persist/full'), '{"small":1}', 'storage holds the last state that fit')
  localStorage.removeItem('filler')
  $cart.setKey('more', 2)
  assert.deepEqual(JSON.parse(localStorage.getItem('persist/full')), { small: 1, big, more: 2 })
})

test('a value JSON cannot hold throws to the writer, naming the path', () => {
  let { localStorage } = windowOf()
  let $cart = map({}, { name: 'persist/not-json' })
  persist($cart, { storage: localStorage })
  assertAtollError(
    AtollError,
    () => $cart.setKey('apple', { onSale: () => true }),
    'ATOLL_NOT_SERIALIZABLE',
    ["'persist/not-json'", '$.apple.onSale']
  )
  assert.equal(localStorage.getItem('persist/not-json'), null)
})

test('stop() ends saving; persisting one store twice to one key attaches once', () => {
  let { localStorage } = windowOf()
  let storage = countingStorage(localStorage)
  let $a = atom(0, { name: 'persist/stop' })
  // Two copies of a bundle both run the store module's persist().
  let stop1 = persist($a, { storage })
  let stop2 = persist(atom(0, { name: 'persist/stop' }), { storage })
  $a.set(1)
  assert.equal(storage.writes, 1)
  stop1()
  stop1()
  $a.set(2)
  assert.equal(storage.writes, 2, 'still saved while one caller persists')
  stop2()
  $a.set(3)
  assert.equal(storage.writes, 2)
  assert.equal(localStorage.getItem('persist/stop'), '2')
})

test('with no localStorage (server rendering) persist does nothing', () => {
  assert.equal(globalThis.localStorage, undefined)
  let $a = atom(5, { name: 'persist/server' })
  let stop = persist($a)
  $a.set(6)
  assert.equal($a.get(), 6)
  stop()
})

test('a reload restores the state: a new tab with the same storage contents', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let tab = await browser.open({ name: 'cart/items', persist: true, sync: false, items: {} })
  assert.deepEqual(await tab.run(ctx => ctx.valueAtStart), {})
  await tab.run(ctx => {
    ctx.store.setKey('apple', { id: 'apple', quantity: 1 })
    ctx.store.setKey('pear', { id: 'pear', quantity: 2 })
    ctx.store.setKey('apple', { id: 'apple', quantity: 3 })
  })
  let items = await tab.run(ctx => ctx.items())
  await tab.worker.terminate()

  let reloaded = await browser.open({ name: 'cart/items', persist: true, sync: false, items })
  let expected = { apple: { id: 'apple', quantity: 3 }, pear: { id: 'pear', quantity: 2 } }
  assert.deepEqual(await reloaded.run(ctx => ctx.valueAtStart), expected, 'restored before any island reads')
  assert.deepEqual(await reloaded.run(ctx => ctx.warnings), [])

  let corrupt = await browser.open({
    name: 'cart/items',
    persist: true,
    sync: false,
    items: { 'cart/items': '[' }
  })
  assert.deepEqual(await corrupt.run(ctx => ctx.valueAtStart), {})
  let warnings = await corrupt.run(ctx => ctx.warnings)
  assert.equal(warnings.length, 1)
  assert.match(warnings[0], /store 'cart\/items'.*key 'cart\/items'/)
})

// Untrusted data: saved state is data from outside. Keys named like
// Object.prototype members stay own keys through restore, save and reload.
const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'
const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']

test('saved keys named __proto__, constructor, toString, hasOwnProperty restore as own keys and save back', async t => {
  let { localStorage } = windowOf()
  localStorage.setItem('persist/proto', PROTO_TEXT)
  let $m = map({}, { name: 'persist/proto' })
  persist($m, { storage: localStorage })
  let value = $m.get()
  assert.deepEqual(Object.keys(value), PROTO_KEYS)
  assert.equal(Object.getPrototypeOf(value), Object.prototype)
  assert.deepEqual(value.__proto__, { polluted: 1 })
  assert.equal({}.polluted, undefined)
  $m.setKey('toString', 'y')
  assert.equal(localStorage.getItem('persist/proto'), PROTO_TEXT.replace('"x"', '"y"'))

  // Reload: a new tab with that storage.
  let browser = new Browser()
  t.after(() => browser.close())
  let items = { 'persist/proto': localStorage.getItem('persist/proto') }
  let tab = await browser.open({ name: 'persist/proto', persist: true, sync: false, items })
  let start = await tab.run(ctx => ({
    keys: Object.keys(ctx.valueAtStart),
    proto: ctx.valueAtStart.__proto__,
    polluted: {}.polluted
  }))
  assert.deepEqual(start, { keys: PROTO_KEYS, proto: { polluted: 1 }, polluted: undefined })
  await tab.run(ctx => ctx.store.setKey('constructor', 3))
  let saved = await tab.run(ctx => ctx.items()['persist/proto'])
  assert.equal(saved, PROTO_TEXT.replace('"x"', '"y"').replace(':2', ':3'))
})

test('a lone surrogate: the write throws ATOLL_NOT_SERIALIZABLE with the path; the saved state stays', () => {
  let { localStorage } = windowOf()
  let $a = atom('ok', { name: 'persist/lone-atom' })
  persist($a, { storage: localStorage })
  $a.set('fine')
  assertAtollError(AtollError, () => $a.set('x\ud800'), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'persist/lone-atom' cannot be written as JSON: a lone surrogate at $"
  ])
  assert.equal(localStorage.getItem('persist/lone-atom'), '"fine"', 'not null')

  let $items = map({}, { name: 'persist/lone-map' })
  persist($items, { storage: localStorage })
  $items.setKey('pear', { name: 'pear' })
  assertAtollError(AtollError, () => $items.setKey('apple', { name: 'x\ud800' }), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'persist/lone-map' cannot be written as JSON: a lone surrogate at $.apple.name"
  ])
  $items.setKey('apple', undefined) // the in-memory value is still there, so remove it
  assertAtollError(AtollError, () => $items.setKey('a\ud800bc', 1), 'ATOLL_NOT_SERIALIZABLE', [
    'a lone surrogate in the key at $["a\\ud800bc"]'
  ])
  assert.equal(localStorage.getItem('persist/lone-map'), '{"pear":{"name":"pear"}}', 'no changed key saved')
  $items.set({ pear: { name: 'pear 😀' } })
  assert.equal(localStorage.getItem('persist/lone-map'), '{"pear":{"name":"pear 😀"}}')
})

// `levels` arrays, one inside the other.
let nested = levels => {
  let value = 'leaf'
  for (let i = 0; i < levels; i++) value = [value]
  return value
}

test('20,000 levels of nesting: the write throws an AtollError naming the store; nothing saved is lost', () => {
  let { localStorage } = windowOf()
  let $m = map({}, { name: 'persist/deep' })
  let $other = atom(0, { name: 'persist/deep-other' })
  persist($m, { storage: localStorage })
  persist($other, { storage: localStorage })
  $m.setKey('a', 1)
  $other.set(1)
  assertAtollError(AtollError, () => $m.setKey('deep', nested(20000)), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'persist/deep'",
    'nesting deeper than 1000 levels at $.deep[0]'
  ])
  assert.equal(localStorage.getItem('persist/deep'), '{"a":1}')
  assertAtollError(AtollError, () => $m.set({ deep: nested(20000) }), 'ATOLL_NOT_SERIALIZABLE', [
    "'persist/deep'"
  ])
  assert.equal(localStorage.getItem('persist/deep'), '{"a":1}')
  $other.set(2)
  assert.equal(localStorage.getItem('persist/deep-other'), '2', 'other stores still save')
  $m.set({ a: 2 })
  assert.equal(localStorage.getItem('persist/deep'), '{"a":2}')
})

test('saved data no save could write back (lone surrogate, too deep): a warning and the initial value', t => {
  let { localStorage } = windowOf()
  let cases = [
    ['persist/saved-lone', '{"apple":{"name":"x\\ud800"}}', 'a lone surrogate at $.apple.name'],
    ['persist/saved-lone-key', '{"a\\ud800bc":1}', 'a lone surrogate in the key at $["a\\ud800bc"]'],
    [
      'persist/saved-deep',
      `{"deep":${'['.repeat(20000)}${']'.repeat(20000)}}`,
      'nesting deeper than 1000 levels'
    ]
  ]
  for (let [key, saved, reason] of cases) {
    localStorage.setItem(key, saved)
    let $store = map({ ok: 1 }, { name: key })
    let warnings = warningsOf(t, () => persist($store, { storage: localStorage }))
    assert.equal(warnings.length, 1, key)
    assert.match(warnings[0], new RegExp(`store '${key}' keeps its initial value`))
    assert.ok(warnings[0].includes(reason), `${warnings[0]} should say ${reason}`)
    assert.deepEqual($store.get(), { ok: 1 })
    assert.equal(localStorage.getItem(key), saved, 'the saved data is left as it was until a change')
  }
})

// The page's runtime reads <script data-atoll-state> when it loads
// (runtime/hand-off.js) and gives it to the engine, as here.
let handOff = values => globalThis[Symbol.for('atoll-store.runtime')].handOff(values)

test('a store that started from server state keeps it over the saved one, and saves it', () => {
  let { localStorage } = windowOf()
  localStorage.setItem('persist/from-server', JSON.stringify({ old: { quantity: 1 } }))
  handOff({ 'persist/from-server': { fresh: { quantity: 2 } } })
  let $cart = map({}, { name: 'persist/from-server' })
  let calls = 0
  $cart.listen(() => calls++)
  let before = $cart.get()
  persist($cart, { storage: localStorage })
  assert.equal($cart.get(), before, 'the server value, the same object')
  assert.equal(calls, 0)
  assert.equal(localStorage.getItem('persist/from-server'), '{"fresh":{"quantity":2}}')
  $cart.setKey('more', { quantity: 3 })
  assert.equal(localStorage.getItem('persist/from-server'), '{"fresh":{"quantity":2},"more":{"quantity":3}}')
})

test('a saved value equal to the store value is not set again (no new object, no listener call)', () => {
  let { localStorage } = windowOf()
  localStorage.setItem('persist/equal', JSON.stringify({ apple: { quantity: 2 } }))
  let $cart = map({ apple: { quantity: 2 } }, { name: 'persist/equal' })
  let calls = 0
  $cart.listen(() => calls++)
  let before = $cart.get()
  persist($cart, { storage: localStorage })
  assert.equal($cart.get(), before)
  assert.equal(calls, 0)
  // A different order of keys is other data for a map (its order shows).
  localStorage.setItem('persist/equal-order', '{"b":1,"a":2}')
  let $ordered = map({ a: 2, b: 1 }, { name: 'persist/equal-order' })
  persist($ordered, { storage: localStorage })
  assert.deepEqual(Object.keys($ordered.get()), ['b', 'a'])
})
