// Atoll-only: syncTabs() keeps a named store equal across the tabs of a site.
// Tabs are worker threads, each with its own atoll-store runtime; Node's
// BroadcastChannel reaches across them. The fallback runs the same tabs with
// BroadcastChannel removed and one localStorage shared through `storage` events.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'
import { AtollError, atom, computed, map } from 'atoll-store'
import { syncTabs } from 'atoll-store/sync'
import { assertAtollError } from './helpers.js'
import { Browser, sleep, until } from './fixtures/sync-browser.js'

// Time for an echo (a message sent back) to show up, were there one.
const SETTLE = 150

// Waits for `count` messages, then a while longer: there must be no more.
async function exactly(messages, count, what) {
  await until(() => messages.length >= count, what)
  await sleep(SETTLE)
  assert.equal(messages.length, count, what)
}

// Every message on the store's channel, as another tab would receive them.
function listenToChannel(t, name) {
  let messages = []
  let channel = new BroadcastChannel('atoll-store:' + name)
  channel.onmessage = event => messages.push(event.data)
  channel.unref()
  t.after(() => channel.close())
  return messages
}

async function converged(tabs, expected, what) {
  await until(async () => {
    let values = await Promise.all(tabs.map(tab => tab.value()))
    return values.every(value => isDeepStrictEqual(value, expected))
  }, what)
}

let notificationsOf = tab => tab.run(ctx => ctx.notifications)

// Runs fn(ctx, ...args) in every tab at the same instant: each tab waits on a
// shared barrier, so every write happens before any tab reads a message.
async function simultaneously(tabs, fn, argsOf) {
  let barrier = new Int32Array(new SharedArrayBuffer(8))
  let runs = tabs.map((tab, i) =>
    tab.run(
      (ctx, barrier, source, ...args) => {
        Atomics.add(barrier, 1, 1)
        Atomics.wait(barrier, 0, 0)
        return new Function(`return (${source})`)()(ctx, ...args)
      },
      barrier,
      fn.toString(),
      ...argsOf(i)
    )
  )
  await until(() => Atomics.load(barrier, 1) === tabs.length, 'every tab at the barrier')
  Atomics.store(barrier, 0, 1)
  Atomics.notify(barrier, 0)
  await Promise.all(runs)
}

test('two tabs: an atom set in one is set in the other, with no echo', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/open', kind: 'atom', initial: false }
  let a = await browser.open(options)
  let b = await browser.open(options)
  let messages = listenToChannel(t, 'sync/open')
  await a.run(ctx => ctx.store.set(true))
  await converged([a, b], true, 'tab b to see true')
  await exactly(messages, 1, 'one message: tab b did not send the change back')
  assert.deepEqual(await notificationsOf(a), [{ value: true, changedKey: undefined }])
  assert.deepEqual(await notificationsOf(b), [{ value: true, changedKey: undefined }])
})

test('three tabs converge; setKey sends only its key, set() the whole map', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/cart', initial: {} }
  let tabs = [await browser.open(options), await browser.open(options), await browser.open(options)]
  let [a, b, c] = tabs
  let messages = listenToChannel(t, 'sync/cart')

  await a.run(ctx => ctx.store.setKey('apple', { quantity: 1 }))
  await converged(tabs, { apple: { quantity: 1 } }, 'apple everywhere')
  await c.run(ctx => ctx.store.setKey('pear', { quantity: 2 }))
  await b.run(ctx => ctx.store.setKey('apple', { quantity: 5 }))
  await converged(tabs, { apple: { quantity: 5 }, pear: { quantity: 2 } }, 'pear and apple everywhere')
  await exactly(messages, 3, 'one message per write, none echoed')
  for (let message of messages) {
    assert.equal(message.doc, undefined, 'no whole map for a setKey')
    assert.equal(Object.keys(message.keys).length, 1)
  }
  assert.deepEqual(Object.keys(messages[1].keys), ['pear'])
  assert.equal(messages[1].keys.pear[2], '{"quantity":2}', 'the value travels as JSON')
  // Receivers hear the key that changed, once per write.
  assert.deepEqual(
    (await notificationsOf(a)).map(n => n.changedKey),
    ['apple', 'pear', 'apple']
  )

  await c.run(ctx => ctx.store.setKey('pear', undefined))
  await converged(tabs, { apple: { quantity: 5 } }, 'pear deleted everywhere')
  await a.run(ctx => ctx.store.set({ kiwi: { quantity: 9 } }))
  await converged(tabs, { kiwi: { quantity: 9 } }, 'the whole map everywhere')
  await exactly(messages, 5, 'one message per write, none echoed')
  assert.deepEqual(messages[3].keys, { pear: [messages[3].keys.pear[0], messages[3].keys.pear[1], null] })
  assert.equal(messages[4].doc, '{"kiwi":{"quantity":9}}')
  for (let tab of tabs) assert.equal((await notificationsOf(tab)).length, 5)
})

test('simultaneous writes converge to the same value in every tab', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let tabs = []
  for (let i = 0; i < 3; i++) tabs.push(await browser.open({ name: 'sync/race', initial: {} }))
  for (let round = 0; round < 5; round++) {
    // Every tab writes the same key at once (equal Lamport clocks: the tab id decides) ...
    await simultaneously(tabs, (ctx, value) => ctx.store.setKey('size', value), i => [`tab${i}-round${round}`])
    let values
    await until(async () => {
      values = await Promise.all(tabs.map(tab => tab.value()))
      return values.every(value => value.size === values[0].size)
    }, `tabs to agree in round ${round}`)
    assert.match(values[0].size, new RegExp(`round${round}$`), 'one of the writes won')
    // ... and different keys at once: all of them survive.
    await simultaneously(tabs, (ctx, key, value) => ctx.store.setKey(key, value), i => [`key${i}`, round])
    await until(async () => {
      values = await Promise.all(tabs.map(tab => tab.value()))
      return values.every(value => [0, 1, 2].every(i => value[`key${i}`] === round))
    }, `every key in every tab in round ${round}`)
  }
  // A whole-map set() racing setKey calls: the tabs still agree.
  await simultaneously(
    tabs,
    (ctx, i) => (i === 0 ? ctx.store.set({ fresh: true }) : ctx.store.setKey('key' + i, 'late')),
    i => [i]
  )
  // (Equal content; key order may differ between tabs.)
  let values
  await until(async () => {
    values = await Promise.all(tabs.map(tab => tab.value()))
    return values.every(value => isDeepStrictEqual(value, values[0]))
  }, 'tabs to agree after set() raced setKey')
  assert.ok(values[0].fresh || values[0].key1 === 'late')
})

test('simultaneous atom writes converge', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let tabs = []
  for (let i = 0; i < 3; i++) tabs.push(await browser.open({ name: 'sync/race-atom', kind: 'atom', initial: 0 }))
  await simultaneously(tabs, (ctx, value) => ctx.store.set(value), i => [i + 1])
  let values
  await until(async () => {
    values = await Promise.all(tabs.map(tab => tab.value()))
    return values.every(value => value === values[0])
  }, 'tabs to agree')
  assert.ok([1, 2, 3].includes(values[0]))
})

test('a new tab is sent the current state by the open tabs', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/late', initial: {} }
  let a = await browser.open(options)
  let b = await browser.open(options)
  await a.run(ctx => ctx.store.set({ apple: 1, pear: 2 }))
  await b.run(ctx => ctx.store.setKey('kiwi', 3))
  await a.run(ctx => ctx.store.setKey('pear', undefined))
  let expected = { apple: 1, kiwi: 3 }
  await converged([a, b], expected, 'the open tabs')
  let c = await browser.open(options)
  await converged([c], expected, 'the new tab to get the state')
  // The new tab is a full peer: its writes reach the others.
  await c.run(ctx => ctx.store.setKey('apple', 10))
  await converged([a, b, c], { apple: 10, kiwi: 3 }, 'the new tab’s write everywhere')
})

test('storage-event fallback: tabs without BroadcastChannel share one localStorage', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/fallback', initial: {}, storage: 'shared' }
  let tabs = [await browser.open(options), await browser.open(options), await browser.open(options)]
  let [a, b, c] = tabs
  assert.equal(await a.run(() => typeof BroadcastChannel), 'undefined')
  await a.run(ctx => ctx.store.setKey('apple', { quantity: 1 }))
  await converged(tabs, { apple: { quantity: 1 } }, 'apple everywhere')
  await b.run(ctx => ctx.store.setKey('pear', 2))
  await c.run(ctx => ctx.store.setKey('apple', undefined))
  await converged(tabs, { pear: 2 }, 'pear only, everywhere')
  await sleep(SETTLE)
  for (let tab of tabs) {
    assert.deepEqual(
      (await notificationsOf(tab)).map(n => n.changedKey),
      ['apple', 'pear', 'apple'],
      'one notification per write, by key, no echo'
    )
  }
  assert.deepEqual(await a.run(ctx => ctx.items()), {}, 'messages do not stay in localStorage')
  await simultaneously(tabs, (ctx, value) => ctx.store.setKey('size', value), i => [i])
  await until(async () => {
    let values = await Promise.all(tabs.map(tab => tab.value()))
    return values.every(value => value.size !== undefined && value.size === values[0].size)
  }, 'tabs to agree on a race')
})

test('persist + syncTabs: a new tab restores from storage and joins', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/persisted', initial: {}, storage: 'shared', persist: true }
  let a = await browser.open(options)
  let b = await browser.open(options)
  await a.run(ctx => ctx.store.setKey('apple', 1))
  await converged([a, b], { apple: 1 }, 'b')
  let items = await b.run(ctx => ctx.items())
  assert.deepEqual(items, { 'sync/persisted': '{"apple":1}' })
  let c = await browser.open({ ...options, items })
  assert.deepEqual(await c.run(ctx => ctx.valueAtStart), { apple: 1 })
  await c.run(ctx => ctx.store.setKey('pear', 2))
  await converged([a, b, c], { apple: 1, pear: 2 }, 'every tab')
})

test('a value JSON cannot hold throws to the writer, naming the store and path', async t => {
  let $cart = map({}, { name: 'sync/not-json' })
  let messages = listenToChannel(t, 'sync/not-json')
  let stop = syncTabs($cart)
  t.after(stop)
  assertAtollError(AtollError, () => $cart.setKey('apple', { added: new Date() }), 'ATOLL_NOT_SERIALIZABLE', [
    "'sync/not-json'",
    '$.apple.added'
  ])
  assert.ok($cart.get().apple, 'the value is kept in this tab')
  let $n = atom(0, { name: 'sync/not-json-atom' })
  t.after(syncTabs($n))
  assertAtollError(AtollError, () => $n.set(10n), 'ATOLL_NOT_SERIALIZABLE', ['a BigInt at $'])
  await exactly(messages, 1, 'the hello, no change')
  assert.ok(messages.every(m => m.hello))
})

test('syncTabs needs a name or a channelName, and a writable store', t => {
  assertAtollError(AtollError, () => syncTabs(map({})), 'ATOLL_UNNAMED_STORE', ['syncTabs()', 'channelName'])
  assertAtollError(AtollError, () => syncTabs(computed(atom(1), n => n)), 'ATOLL_NOT_WRITABLE')
  assertAtollError(AtollError, () => syncTabs({}), 'ATOLL_NOT_A_STORE')
  let messages = []
  let channel = new BroadcastChannel('my-channel')
  channel.onmessage = event => messages.push(event.data)
  channel.unref()
  t.after(() => channel.close())
  let stop = syncTabs(atom(0), { channelName: 'my-channel' })
  return until(() => messages.length === 1, 'the hello on my-channel').then(stop)
})

test('syncTabs twice on one store syncs once; stop() ends it', async t => {
  let $a = atom(0, { name: 'sync/twice' })
  let messages = listenToChannel(t, 'sync/twice')
  let stop1 = syncTabs($a)
  let stop2 = syncTabs(atom(0, { name: 'sync/twice' }))
  $a.set(1)
  await exactly(messages, 2, 'one hello and one change')
  stop1()
  $a.set(2)
  await exactly(messages, 3, 'still synced while one caller syncs')
  stop2()
  $a.set(3)
  await exactly(messages, 3, 'stopped')
})

test('content-equal remote values notify nobody (a new tab joining changes nothing)', async t => {
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/equal', initial: {} }
  let a = await browser.open(options)
  let b = await browser.open(options)
  await a.run(ctx => ctx.store.set({ apple: { quantity: 1 } }))
  await b.run(ctx => ctx.store.setKey('pear', { quantity: 2 }))
  let expected = { apple: { quantity: 1 }, pear: { quantity: 2 } }
  await converged([a, b], expected, 'the open tabs')
  let before = [(await notificationsOf(a)).length, (await notificationsOf(b)).length]
  // Both open tabs answer the new tab's hello; each also hears the other's
  // answer, whose content equals what it has.
  let c = await browser.open(options)
  await converged([c], expected, 'the new tab to get the state')
  await new Promise(resolve => setTimeout(resolve, 200))
  assert.deepEqual([(await notificationsOf(a)).length, (await notificationsOf(b)).length], before)
  assert.equal((await notificationsOf(c)).length, 1, 'the second answer changed nothing in the new tab')
  // An equal write from another tab is not news either.
  await b.run(ctx => ctx.store.setKey('apple', { quantity: 1 }))
  await new Promise(resolve => setTimeout(resolve, 200))
  assert.equal((await notificationsOf(c)).length, 1)
})
