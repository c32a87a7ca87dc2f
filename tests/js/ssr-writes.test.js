// atoll-store/ssr: every write inside a request scope is that request's own,
// also to a store the request never gave to setServerState() (issue 11 item
// 2: a page's `cartItems.setKey(user.item, ...)` showed one visitor's cart to
// the next). The shared value never changes, no shared listener hears it,
// and a write outside any scope, once requests are served, warns.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import {
  AtollError,
  atom,
  batch,
  batched,
  computed,
  deepMap,
  listenKeys,
  map,
  onNotify,
  onSet
} from 'atoll-store'
import { runWithState, serverStateJSON, serverStateScript, setServerState } from 'atoll-store/ssr'
import { assertAtollError } from './helpers.js'

let stateOf = () => JSON.parse(serverStateJSON())

// console.warn calls made while fn runs (fn may be async).
let warnings = async fn => {
  let seen = []
  let warn = console.warn
  console.warn = (...args) => seen.push(args.join(' '))
  try {
    await fn()
  } finally {
    console.warn = warn
  }
  return seen
}

// Interleaving that differs per request: timers, immediates, microtasks.
let pause = async i => {
  if (i % 3 === 0) await delay(i % 5)
  else if (i % 3 === 1) await new Promise(resolve => setImmediate(resolve))
  else await Promise.resolve()
}

// Must stay the first test: nothing in this process has opened a scope yet.
test('before the first request scope, writes are plain shared writes and warn nothing', async () => {
  let seen = await warnings(() => {
    let early = atom(0, { name: 'ssrw/early' })
    let earlyMap = map({}, { name: 'ssrw/early-map' })
    early.set(1)
    earlyMap.setKey('a', 1)
    assert.equal(early.get(), 1)
    assert.deepEqual(earlyMap.get(), { a: 1 })
  })
  assert.deepEqual(seen, [])
})

test('issue 11 item 2: a page writing a store without setServerState shows each visitor only their own cart', async () => {
  let cartItems = map({}, { name: 'ssrw/cart-items' })
  let render = user =>
    runWithState(async () => {
      await delay(1)
      cartItems.setKey(`${user}-item`, { id: `${user}-item`, quantity: 1 })
      await delay(1)
      return Object.keys(cartItems.get()).join(',')
    })
  // One after the other (the report), then all at once.
  assert.equal(await render('a'), 'a-item')
  assert.equal(await render('b'), 'b-item')
  assert.equal(await render('c'), 'c-item')
  assert.deepEqual(await Promise.all(['a', 'b', 'c'].map(render)), ['a-item', 'b-item', 'c-item'])
  assert.deepEqual(cartItems.get(), {})
})

test('concurrent scopes write atom, map, deepMap; computed stores built on them see only their own writes', async () => {
  let user = atom('nobody', { name: 'ssrw/user' })
  let cart = map({ shared: 1 }, { name: 'ssrw/cart' })
  let prefs = deepMap({ ui: { theme: 'light', tabs: ['home'] } }, { name: 'ssrw/prefs' })
  let counter = atom(0) // unnamed stores are scoped too
  let summary = computed(
    [user, cart, prefs, counter],
    (name, items, p, n) => `${name}:${Object.keys(items).join('+')}:${p.ui.theme}:${p.ui.tabs.join('/')}:${n}`
  )
  let keyCount = computed(cart, items => Object.keys(items).length)
  let late = batched([user, keyCount], (name, n) => `${name}/${n}`)

  let sharedCart = cart.get()
  let sharedPrefs = prefs.get()
  let heard = []
  let unbinds = [
    user.listen(v => heard.push(['user', v])),
    cart.listen((v, old, key) => heard.push(['cart', key])),
    listenKeys(cart, ['x0', 'x1'], () => heard.push(['cart keys'])),
    prefs.listen((v, old, key) => heard.push(['prefs', key])),
    counter.listen(v => heard.push(['counter', v])),
    summary.listen(v => heard.push(['summary', v])), // mounts the computed for good
    onNotify(cart, () => heard.push(['onNotify']))
  ]
  assert.equal(summary.get(), 'nobody:shared:light:home:0')

  let request = i =>
    runWithState(async () => {
      await pause(i)
      user.set(`u${i}`)
      await pause(i + 1)
      cart.setKey(`x${i}`, { quantity: i })
      cart.setKey('shared', undefined) // a delete, in this request only
      await pause(i + 2)
      prefs.setKey('ui.theme', `t${i}`)
      prefs.setKey('ui.tabs[1]', `tab${i}`)
      counter.set(counter.get() + i)
      counter.set(counter.get() + 1)
      await pause(i + 3)
      let expected = `u${i}:x${i}:t${i}:home/tab${i}:${i + 1}`
      assert.equal(summary.get(), expected)
      let subscribed
      summary.subscribe(v => (subscribed = v))()
      assert.equal(subscribed, expected)
      assert.equal(keyCount.get(), 1)
      assert.equal(late.get(), `u${i}/1`)
      await pause(i + 4)
      assert.equal(user.get(), `u${i}`)
      assert.equal(user.value, `u${i}`)
      assert.deepEqual(cart.get(), { [`x${i}`]: { quantity: i } })
      assert.deepEqual(prefs.get(), { ui: { theme: `t${i}`, tabs: ['home', `tab${i}`] } })
      // Nothing went to setServerState(): nothing goes to the page.
      assert.equal(serverStateScript(), '')
      return summary.get()
    })

  let results = await Promise.all(Array.from({ length: 30 }, (_, i) => request(i)))
  assert.deepEqual(
    results,
    Array.from({ length: 30 }, (_, i) => `u${i}:x${i}:t${i}:home/tab${i}:${i + 1}`)
  )
  // The shared values never changed (the same objects), and no shared
  // listener, onNotify or computed listener heard any request's writes.
  assert.equal(user.get(), 'nobody')
  assert.equal(cart.get(), sharedCart)
  assert.equal(prefs.get(), sharedPrefs)
  assert.deepEqual(sharedPrefs, { ui: { theme: 'light', tabs: ['home'] } })
  assert.equal(counter.get(), 0)
  assert.equal(summary.get(), 'nobody:shared:light:home:0')
  assert.equal(keyCount.get(), 1)
  assert.equal(late.get(), 'nobody/1')
  assert.deepEqual(heard, [])
  unbinds.forEach(unbind => unbind())
})

test('map set(), batch() and equal writes inside a scope', async () => {
  let cart = map({ a: 1 }, { name: 'ssrw/set-cart' })
  let heard = 0
  let unbind = cart.listen(() => heard++)
  await Promise.all(
    [1, 2, 3].map(i =>
      runWithState(async () => {
        cart.setKey('a', 1) // equal to the shared value: nothing copied
        batch(() => {
          cart.set({ b: i })
          cart.setKey('c', i)
        })
        await delay(3 - i)
        assert.deepEqual(cart.get(), { b: i, c: i })
        cart.set({ b: i, c: i, d: i })
        await delay(i)
        assert.deepEqual(cart.get(), { b: i, c: i, d: i })
        assertAtollError(AtollError, () => cart.set([i]), 'ATOLL_NOT_PLAIN_OBJECT', ["'ssrw/set-cart'"])
      })
    )
  )
  assert.deepEqual(cart.get(), { a: 1 })
  assert.equal(heard, 0)
  unbind()
})

test('listeners: scoped writes call none, shared or added in the scope; subscribe gives the scope value', async () => {
  let count = atom(0, { name: 'ssrw/count' })
  let shared = []
  let unbindShared = count.listen(v => shared.push(v))
  let requestHeard = { a: [], b: [] }
  let request = (id, value, wait) =>
    runWithState(async () => {
      count.set(value)
      // What an adapter's server render does: subscribe, read, unsubscribe.
      let first
      let unbind = count.subscribe(v => {
        if (first === undefined) first = v
        else requestHeard[id].push(v)
      })
      assert.equal(first, value)
      await delay(wait)
      count.set(value + 1) // heard by no listener, this request's included
      await delay(wait)
      unbind()
      assert.equal(count.get(), value + 1)
    })
  await Promise.all([request('a', 10, 4), request('b', 20, 1)])
  assert.deepEqual(requestHeard, { a: [], b: [] })
  assert.deepEqual(shared, [])
  // Shared writes still reach shared listeners (with the shared value).
  await warnings(() => count.set(5))
  assert.deepEqual(shared, [5])
  unbindShared()
})

test('onSet handlers see scoped writes and abort() cancels them', async () => {
  let cart = map({}, { name: 'ssrw/onset-cart' })
  let flag = atom(false, { name: 'ssrw/onset-flag' })
  let seen = []
  let unhook = onSet(cart, ({ changed, abort }) => {
    seen.push(changed)
    if (changed === 'blocked') abort()
  })
  let unhookFlag = onSet(flag, ({ abort }) => abort())
  await runWithState(async () => {
    cart.setKey('ok', 1)
    cart.setKey('blocked', 1)
    flag.set(true)
    assert.deepEqual(cart.get(), { ok: 1 })
    assert.equal(flag.get(), false)
  })
  assert.deepEqual(seen, ['ok', 'blocked'])
  assert.deepEqual(cart.get(), {})
  unhook()
  unhookFlag()
})

test('deepMap paths in a scope, also after setServerState()', async () => {
  let prefs = deepMap({}, { name: 'ssrw/deep' })
  // The same writes on a deepMap outside any scope (before one started in
  // this test, warnings aside) give what the scope must hold.
  let same = deepMap({ a: { list: [1], gone: true } })
  await warnings(() => {
    same.setKey('a.list[1]', 3)
    same.setKey('a.b.c', 'x')
    same.setKey('a.gone', undefined)
  })
  await runWithState(async () => {
    setServerState(prefs, { a: { list: [1], gone: true } })
    prefs.setKey('a.list[1]', 3)
    prefs.setKey('a.b.c', 'x')
    prefs.setKey('a.gone', undefined)
    prefs.setKey('a.b.c', 'x') // equal: nothing
    assert.deepEqual(prefs.get(), same.get())
    assert.deepEqual(stateOf(), { 'ssrw/deep': JSON.parse(JSON.stringify(same.get())) })
  })
  assert.deepEqual(prefs.get(), {})
})

test('only setServerState() state goes to the page, with the request’s later writes', async () => {
  let cart = map({}, { name: 'ssrw/handed-cart' })
  let secret = atom(null, { name: 'ssrw/secret' })
  let fn = atom(null, { name: 'ssrw/fn' })
  await runWithState(async () => {
    cart.setKey('before', 1) // scoped, not handed yet
    secret.set('session-token') // scoped, never handed: server only
    fn.set(() => {}) // not JSON, and not handed, so no error
    setServerState(cart, { ...cart.get(), given: 2 })
    cart.setKey('after', 3)
    let html = serverStateScript()
    assert.equal(
      html,
      '<script type="application/json" data-atoll-state>{"ssrw/handed-cart":{"before":1,"given":2,"after":3}}</script>'
    )
    assert.doesNotMatch(html, /session-token/)
    // Stores not handed off may still change after the page got the state...
    secret.set('rotated')
    assert.equal(secret.get(), 'rotated')
    // ...but a handed-off one may not: the client would never see it.
    assertAtollError(AtollError, () => cart.setKey('late', 1), 'ATOLL_STATE_WRITTEN', ["'ssrw/handed-cart'"])
    assert.deepEqual(cart.get(), { before: 1, given: 2, after: 3 })
  })
  assert.deepEqual(cart.get(), {})
  assert.equal(secret.get(), null)
})

test('nested scopes start from the shared value, not the outer scope', async () => {
  let n = atom(0, { name: 'ssrw/nested' })
  await runWithState(async () => {
    n.set(1)
    await runWithState(async () => {
      assert.equal(n.get(), 0)
      n.set(2)
      assert.equal(n.get(), 2)
    })
    assert.equal(n.get(), 1)
  })
  assert.equal(n.get(), 0)
})

test('outside any scope on a server, the first write of each store warns once, naming it', async () => {
  let shared = atom(0, { name: 'ssrw/outside' })
  let sharedMap = map({}, { name: 'ssrw/outside-map' })
  let sharedDeep = deepMap({}, { name: 'ssrw/outside-deep' })
  let derived = computed(shared, v => v * 2)
  await runWithState(() => {}) // a request scope has started
  let seen = await warnings(async () => {
    let unbind = derived.listen(() => {}) // a computed's own write never warns
    shared.set(1)
    shared.set(2)
    sharedMap.setKey('a', 1)
    sharedMap.setKey('b', 1)
    sharedMap.set({})
    sharedDeep.setKey('a.b', 1)
    shared.set(2) // no change: not a write
    await runWithState(() => shared.set(3)) // inside a scope: no warning
    unbind()
  })
  assert.equal(seen.length, 3, seen.join('\n'))
  assert.match(seen[0], /store 'ssrw\/outside' was written outside a request scope/)
  assert.match(seen[0], /shared by every request/)
  assert.match(seen[1], /'ssrw\/outside-map'/)
  assert.match(seen[2], /'ssrw\/outside-deep'/)
  // The writes themselves are shared, as they always were.
  assert.equal(shared.get(), 2)
  assert.deepEqual(sharedMap.get(), {})
  assert.deepEqual(sharedDeep.get(), { a: { b: 1 } })
  assert.equal(derived.get(), 4)

  // A browser-like global (window) is not a server: no warning.
  let other = atom(0, { name: 'ssrw/outside-window' })
  globalThis.window = globalThis
  try {
    assert.deepEqual(await warnings(() => other.set(1)), [])
  } finally {
    delete globalThis.window
  }
})
