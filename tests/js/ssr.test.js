// atoll-store/ssr: request scopes. A request's setServerState() is what that
// request reads back; other requests and the shared store never see it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { AtollError, atom, map, onSet } from 'atoll-store'
import {
  atollMiddleware,
  runWithState,
  serverStateJSON,
  serverStateScript,
  setServerState
} from 'atoll-store/ssr'
import { assertAtollError } from './helpers.js'

let stateOf = () => JSON.parse(serverStateJSON())

test('reads inside the scope see its state; outside, the shared value', async () => {
  let open = atom(false, { name: 'ssr/open' })
  let items = map({ shared: 1 }, { name: 'ssr/items' })
  await runWithState(async () => {
    setServerState(open, true)
    setServerState(items, { apple: { quantity: 2 } })
    await delay(1)
    assert.equal(open.get(), true)
    assert.equal(open.value, true)
    assert.deepEqual(items.get(), { apple: { quantity: 2 } })
    assert.deepEqual(items.value, { apple: { quantity: 2 } })
    let seen = []
    open.subscribe(v => seen.push(v))()
    items.subscribe(v => seen.push(v))()
    assert.deepEqual(seen, [true, { apple: { quantity: 2 } }])
    assert.deepEqual(stateOf(), { 'ssr/open': true, 'ssr/items': { apple: { quantity: 2 } } })
  })
  assert.equal(open.get(), false)
  assert.deepEqual(items.get(), { shared: 1 })
  // Shared writes keep working and notifying as before.
  let heard = []
  let unbind = items.listen((v, old, key) => heard.push(key))
  items.setKey('pear', 1)
  open.set(true)
  unbind()
  assert.deepEqual(heard, ['pear'])
  assert.deepEqual(items.get(), { shared: 1, pear: 1 })
  assert.equal(open.get(), true)
})

test('a scope that did not write a store reads the live shared value; its own write stays its own', async () => {
  let theme = atom('light', { name: 'ssr/theme' })
  let other = atom(0, { name: 'ssr/other' })
  let warn = console.warn
  console.warn = () => {} // the shared write below warns (tested in ssr-writes.test.js)
  try {
    let started
    let paused = new Promise(resolve => (started = resolve))
    let request = runWithState(async () => {
      setServerState(other, 1) // this store is handed to the page, `theme` is not
      assert.equal(theme.get(), 'light')
      started()
      await delay(5)
      assert.equal(theme.get(), 'dark', 'a shared write made meanwhile is seen live')
      theme.set('blue') // without setServerState: still this request's own
      await delay(1)
      assert.equal(theme.get(), 'blue')
      assert.deepEqual(stateOf(), { 'ssr/other': 1 }, 'only setServerState() state goes to the page')
    })
    await paused
    theme.set('dark') // outside any scope: shared
    await request
  } finally {
    console.warn = warn
  }
  await runWithState(() => {
    setServerState(other, 2)
    assert.equal(other.get(), 2)
  })
  assert.equal(theme.get(), 'dark')
  assert.equal(other.get(), 0)
})

test('setKey inside a scope asks eqKey as the shared store does (with the key, also for a new key)', async () => {
  let items = map({}, { name: 'ssr/eq-items' })
  let asked = []
  items.eqKey = (a, b, key) => (asked.push([a, b, key]), a === b)
  await runWithState(async () => {
    setServerState(items, { apple: 1 })
    items.setKey('apple', 1)
    items.setKey('pear', 2)
    items.setKey('missing', undefined) // a delete of nothing asks nobody
    assert.deepEqual(items.get(), { apple: 1, pear: 2 })
  })
  assert.deepEqual(asked, [
    [1, 1, 'apple'],
    [undefined, 2, 'pear']
  ])
})

test('writes inside the scope change only the scope, and notify no one', async () => {
  let open = atom(false, { name: 'ssr/w-open' })
  let items = map({ kept: 1 }, { name: 'ssr/w-items' })
  let heard = []
  let unbinds = [open.listen(v => heard.push(v)), items.listen(v => heard.push(v))]
  let setHook = []
  let unhook = onSet(items, ({ newValue }) => setHook.push(newValue))
  let before = items.get()
  await runWithState(async () => {
    setServerState(open, false)
    setServerState(items, { apple: 1 })
    open.set(true)
    items.setKey('pear', 2)
    items.setKey('apple', undefined) // delete
    items.setKey('missing', undefined) // nothing to delete
    await delay(1)
    assert.equal(open.get(), true)
    assert.deepEqual(items.get(), { pear: 2 })
    let scoped = items.get()
    items.setKey('pear', 2) // equal: nothing changes
    assert.equal(items.get(), scoped)
    items.set({ replaced: true })
    assert.deepEqual(items.get(), { replaced: true })
    assertAtollError(AtollError, () => items.set([1]), 'ATOLL_NOT_PLAIN_OBJECT', ["'ssr/w-items'"])
    assert.deepEqual(stateOf(), { 'ssr/w-open': true, 'ssr/w-items': { replaced: true } })
  })
  assert.deepEqual(heard, [])
  assert.equal(open.get(), false)
  assert.equal(items.get(), before)
  // Other onSet handlers still saw every write (also the refused set([1]):
  // onSet runs before the write, as on the shared store).
  assert.equal(setHook.length, 6)
  unhook()
  unbinds.forEach(unbind => unbind())
})

test('50 overlapping requests each see only their own cart', async () => {
  let cart = map({}, { name: 'ssr/cart' })
  let user = atom(null, { name: 'ssr/user' })
  cart.setKey('shared', { quantity: 99 })
  let sharedCart = cart.get()
  let heard = 0
  let unbind = cart.listen(() => heard++)
  // Deterministic, interleaved pauses: timers, immediates and microtasks.
  let pause = async i => {
    if (i % 3 === 0) await delay(i % 7)
    else if (i % 3 === 1) await new Promise(resolve => setImmediate(resolve))
    else await Promise.resolve()
  }
  let request = i =>
    runWithState(async () => {
      await pause(i)
      setServerState(cart, { [`item${i}`]: { quantity: i } })
      setServerState(user, { id: i })
      await pause(i + 1)
      cart.setKey(`extra${i}`, { quantity: 1 })
      await pause(i + 2)
      let subscribed
      cart.subscribe(v => (subscribed = v))()
      await pause(i + 3)
      let expected = { [`item${i}`]: { quantity: i }, [`extra${i}`]: { quantity: 1 } }
      assert.deepEqual(cart.get(), expected)
      assert.deepEqual(cart.value, expected)
      assert.deepEqual(subscribed, expected)
      assert.deepEqual(user.get(), { id: i })
      await pause(i + 4)
      assert.deepEqual(stateOf(), { 'ssr/cart': expected, 'ssr/user': { id: i } })
      return i
    })
  let results = await Promise.all(Array.from({ length: 50 }, (_, i) => request(i)))
  assert.deepEqual(
    results,
    Array.from({ length: 50 }, (_, i) => i)
  )
  assert.equal(cart.get(), sharedCart)
  assert.equal(user.get(), null)
  assert.equal(heard, 0)
  unbind()
})

test('runWithState returns what fn returns; nested scopes start empty', async () => {
  let n = atom(0, { name: 'ssr/nested' })
  assert.equal(
    runWithState(() => 7),
    7
  )
  await runWithState(async () => {
    setServerState(n, 1)
    await runWithState(async () => {
      assert.equal(n.get(), 0)
      assert.equal(serverStateScript(), '')
    })
    assert.equal(n.get(), 1)
  })
  assertAtollError(AtollError, () => runWithState(5), 'ATOLL_NOT_A_FUNCTION', ['runWithState'])
})

test('atollMiddleware renders the page (next) in a fresh scope', async () => {
  let page = atom('shared', { name: 'ssr/page' })
  let next = async () => {
    setServerState(page, 'request')
    await delay(1)
    return new Response(`${page.get()} ${serverStateScript()}`)
  }
  let response = await atollMiddleware({ request: new Request('http://x/') }, next)
  assert.equal(
    await response.text(),
    'request <script type="application/json" data-atoll-state>{"ssr/page":"request"}</script>'
  )
  assert.equal(page.get(), 'shared')
})

test('errors name the store and say what to do; the scope keeps its state', async () => {
  let cart = map({}, { name: 'ssr/err-cart' })
  let open = atom(false, { name: 'ssr/err-open' })
  let unnamed = atom(1)

  assertAtollError(AtollError, () => setServerState(cart, {}), 'ATOLL_NO_SERVER_SCOPE', [
    "'ssr/err-cart'",
    'atollMiddleware',
    'runWithState'
  ])
  // Nothing can have been set outside a scope: nothing to write.
  assert.equal(serverStateScript(), '')
  assert.equal(serverStateJSON(), '{}')

  await runWithState(async () => {
    assertAtollError(AtollError, () => setServerState(unnamed, 2), 'ATOLL_UNNAMED_STORE', [
      `#${unnamed.id}`,
      'name'
    ])
    assertAtollError(AtollError, () => setServerState({ get() {} }, 2), 'ATOLL_NOT_A_STORE')
    setServerState(cart, { apple: { quantity: 1 } })
    assertAtollError(
      AtollError,
      () => setServerState(cart, { apple: { quantity: 1, onSale() {} } }),
      'ATOLL_NOT_SERIALIZABLE',
      ["'ssr/err-cart'", '$.apple.onSale', 'function']
    )
    assertAtollError(AtollError, () => setServerState(cart, [1]), 'ATOLL_NOT_PLAIN_OBJECT', [
      "'ssr/err-cart'"
    ])
    assertAtollError(AtollError, () => setServerState(open, 10n), 'ATOLL_NOT_SERIALIZABLE', [
      "'ssr/err-open'",
      'BigInt'
    ])
    assertAtollError(AtollError, () => setServerState(open, new Date(0)), 'ATOLL_NOT_SERIALIZABLE', ['Date'])
    assertAtollError(AtollError, () => setServerState(open, undefined), 'ATOLL_NOT_SERIALIZABLE', [
      'undefined',
      'null'
    ])
    let cycle = {}
    cycle.self = cycle
    assertAtollError(AtollError, () => setServerState(open, cycle), 'ATOLL_NOT_SERIALIZABLE', [
      'cycle',
      '$.self'
    ])
    // Nothing bad was stored: the scope still holds the last good value.
    assert.deepEqual(cart.get(), { apple: { quantity: 1 } })
    assert.equal(open.get(), false)
    // A value that went bad after it was set is caught when the page is written.
    cart.setKey('pear', { at: new Map() })
    assertAtollError(AtollError, () => serverStateScript(), 'ATOLL_NOT_SERIALIZABLE', [
      "'ssr/err-cart'",
      '$.pear.at',
      'Map'
    ])
  })
  assert.deepEqual(cart.get(), {})
})

test('state changed after the page got it is refused: it would never reach the client', async () => {
  let cart = map({}, { name: 'ssr/late-cart' })
  let open = atom(false, { name: 'ssr/late-open' })
  await runWithState(async () => {
    setServerState(cart, { apple: 1 })
    let html = serverStateScript()
    await delay(1)
    cart.setKey('apple', 1) // no change: fine
    assertAtollError(AtollError, () => cart.setKey('pear', 2), 'ATOLL_STATE_WRITTEN', [
      "'ssr/late-cart'",
      'serverStateScript()',
      'frontmatter'
    ])
    assertAtollError(AtollError, () => setServerState(open, true), 'ATOLL_STATE_WRITTEN', ["'ssr/late-open'"])
    assert.deepEqual(cart.get(), { apple: 1 })
    assert.equal(open.get(), false)
    assert.equal(serverStateScript(), html)
  })
  assert.deepEqual(cart.get(), {})
})

// A computed keeps one shared cached value; inside a request it must derive
// from that request's state instead (computed/index.js, engine.server.scope).
test('computed stores derive from the request state, per request', async () => {
  let { computed } = await import('atoll-store')
  let cart = map({ shared: 1 }, { name: 'ssr/c-cart' })
  let count = computed(cart, items => Object.keys(items).length)
  let doubled = computed(count, n => n * 2)
  let request = (n, wait) =>
    runWithState(async () => {
      setServerState(cart, Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))
      assert.equal(doubled.get(), n * 2)
      await delay(wait)
      let subscribed
      doubled.subscribe(v => (subscribed = v))()
      assert.deepEqual([count.get(), doubled.get(), subscribed], [n, n * 2, n * 2])
      cart.setKey('extra', true)
      assert.equal(doubled.get(), (n + 1) * 2)
    })
  await Promise.all([request(2, 10), request(5, 1), request(7, 5)])
  assert.equal(count.get(), 1)
  assert.equal(doubled.get(), 2)
  // Mounted for good (a shared listener): still per request, shared stays live.
  let unbind = doubled.listen(() => {})
  await Promise.all([request(3, 5), request(4, 1)])
  assert.equal(doubled.value, 2)
  cart.setKey('more', 1)
  assert.equal(doubled.value, 4)
  unbind()
})

// Untrusted data: server state often comes from a cookie or a request.
const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'

test('keys named __proto__, constructor, toString stay own keys, in setServerState and in-scope setKey', () => {
  let items = map({}, { name: 'ssr/proto-items' })
  let cart = map({}, { name: 'ssr/proto-cart' })
  runWithState(() => {
    setServerState(items, JSON.parse(PROTO_TEXT))
    assert.deepEqual(Object.keys(items.get()), ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    assert.equal(serverStateJSON(), `{"ssr/proto-items":${PROTO_TEXT}}`)
  })
  runWithState(() => {
    setServerState(cart, { apple: 1 })
    // A new key named __proto__ (the case where `object[key] = value` would
    // set the prototype instead).
    cart.setKey('__proto__', { x: 1 })
    cart.setKey('valueOf', 5)
    let value = cart.get()
    assert.deepEqual(Object.keys(value), ['apple', '__proto__', 'valueOf'])
    assert.equal(Object.getPrototypeOf(value), Object.prototype)
    assert.deepEqual(value.__proto__, { x: 1 })
    assert.equal({}.x, undefined)
    assert.equal(serverStateJSON(), '{"ssr/proto-cart":{"apple":1,"__proto__":{"x":1},"valueOf":5}}')
  })
  assert.deepEqual(items.get(), {}, 'the shared value is untouched')
  assert.deepEqual(cart.get(), {})
})

test('a lone surrogate or 20,000 levels: ATOLL_NOT_SERIALIZABLE naming the store, never a RangeError', () => {
  let name = atom('', { name: 'ssr/lone' })
  let items = map({}, { name: 'ssr/lone-items' })
  let deep = []
  for (let i = 0; i < 20000; i++) deep = [deep]
  runWithState(() => {
    assertAtollError(AtollError, () => setServerState(name, 'x\ud800'), 'ATOLL_NOT_SERIALIZABLE', [
      "store 'ssr/lone' cannot be written as JSON: a lone surrogate at $"
    ])
    assertAtollError(AtollError, () => setServerState(items, { 'a\ud800bc': 1 }), 'ATOLL_NOT_SERIALIZABLE', [
      'a lone surrogate in the key at $["a\\ud800bc"]'
    ])
    assertAtollError(AtollError, () => setServerState(items, { deep }), 'ATOLL_NOT_SERIALIZABLE', [
      "'ssr/lone-items'",
      'nesting deeper than 1000 levels at $.deep'
    ])
    setServerState(name, 'ok')
    // A write in the scope is checked when the state is written into the page.
    name.set('x\udc00')
    assertAtollError(AtollError, () => serverStateJSON(), 'ATOLL_NOT_SERIALIZABLE', [
      "store 'ssr/lone' cannot be written as JSON: a lone surrogate at $"
    ])
  })
})
