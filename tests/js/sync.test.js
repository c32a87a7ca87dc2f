// Atoll-only: syncTabs() keeps a named store equal across the tabs of a site.
// Tabs are worker threads, each with its own atoll-store runtime; Node's
// BroadcastChannel reaches across them. The fallback runs the same tabs with
// BroadcastChannel removed and one localStorage shared through `storage` events.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'
import { AtollError, atom, computed, map } from 'atoll-store'
import { syncTabs } from 'atoll-store/sync'
import { documentOf } from 'atoll-store/document'
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

// Writes only: tabs opened just before may still be saying hello, and be
// sent the state in reply, when a test starts listening or writes.
let writes = message => !message.hello && !message.reply

// Every message on the store's channel (that `keep` keeps), as another tab
// would receive them.
function listenToChannel(t, name, keep = () => true) {
  let messages = []
  let channel = new BroadcastChannel('atoll-store:' + name)
  channel.onmessage = event => {
    if (keep(event.data)) messages.push(event.data)
  }
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
  let messages = listenToChannel(t, 'sync/open', writes)
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
  let messages = listenToChannel(t, 'sync/cart', writes)

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
    await simultaneously(
      tabs,
      (ctx, value) => ctx.store.setKey('size', value),
      i => [`tab${i}-round${round}`]
    )
    let values
    await until(async () => {
      values = await Promise.all(tabs.map(tab => tab.value()))
      return values.every(value => value.size === values[0].size)
    }, `tabs to agree in round ${round}`)
    assert.match(values[0].size, new RegExp(`round${round}$`), 'one of the writes won')
    // ... and different keys at once: all of them survive.
    await simultaneously(
      tabs,
      (ctx, key, value) => ctx.store.setKey(key, value),
      i => [`key${i}`, round]
    )
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
  for (let i = 0; i < 3; i++)
    tabs.push(await browser.open({ name: 'sync/race-atom', kind: 'atom', initial: 0 }))
  await simultaneously(
    tabs,
    (ctx, value) => ctx.store.set(value),
    i => [i + 1]
  )
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
  // (b writes after hearing a's whole write, which would otherwise race it.)
  await converged([b], { apple: 1, pear: 2 }, 'the whole write to reach b')
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
  await simultaneously(
    tabs,
    (ctx, value) => ctx.store.setKey('size', value),
    i => [i]
  )
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
  // b writes after it heard a's whole write: a setKey made before would race
  // it, and last writer wins could rightly drop the pear.
  await converged([b], { apple: { quantity: 1 } }, 'the whole write to reach b')
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

// Untrusted data: a message from another tab. `peer` plays that tab on the
// store's channel in this process: post() sends as it, `heard` is what it got.
function peer(t, name) {
  let heard = []
  let channel = new BroadcastChannel('atoll-store:' + name)
  channel.onmessage = event => heard.push(event.data)
  channel.unref()
  t.after(() => channel.close())
  let clock = 100
  let post = fields => channel.postMessage({ atoll: 1, from: 'peer', clock: ++clock, ...fields })
  let stamp = () => [clock + 1, 'peer']
  return { heard, post, stamp }
}

const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'

test('from another tab, keys named constructor, toString, hasOwnProperty arrive as own keys', async t => {
  let $m = map({ a: 1 }, { name: 'sync/proto-names' })
  syncTabs($m)
  let other = peer(t, 'sync/proto-names')
  let doc = '{"constructor":2,"toString":"x","hasOwnProperty":[4]}'
  other.post({ whole: other.stamp(), doc })
  await until(() => Object.hasOwn($m.get(), 'constructor'), 'the whole write')
  assert.deepEqual(Object.keys($m.get()), ['constructor', 'toString', 'hasOwnProperty'])
  assert.equal(documentOf($m), doc)
})

test('a key named __proto__ deleted by another tab is part of the state sent to a new tab', async t => {
  let $m = map({ a: 1 }, { name: 'sync/proto-stamp' })
  syncTabs($m)
  let other = peer(t, 'sync/proto-stamp')
  let [clock] = other.stamp()
  other.post(JSON.parse(`{"keys":{"__proto__":[${clock},"peer",null]}}`))
  await sleep(50)
  other.post({ hello: true })
  await until(() => other.heard.some(message => message.keys), 'the reply to hello')
  let reply = other.heard.find(message => message.keys)
  assert.ok(Object.hasOwn(reply.keys, '__proto__'), 'the stamp of __proto__ is sent as an own key')
  assert.deepEqual(reply.keys.__proto__, [clock, 'peer', null])
  assert.equal(Object.getPrototypeOf(reply.keys), Object.prototype)
})

test('a key named __proto__ written by another tab is applied, not taken for Object.prototype', async t => {
  let $m = map({ a: 1 }, { name: 'sync/proto-write' })
  syncTabs($m)
  let keys = []
  $m.listen((value, oldValue, changedKey) => keys.push(changedKey))
  let other = peer(t, 'sync/proto-write')
  // '{}' is what JSON.stringify(Object.prototype) gives: it must not look unchanged.
  other.post(JSON.parse(`{"keys":{"__proto__":[${other.stamp()[0]},"peer","{}"]}}`))
  await until(() => keys.length, 'the key write')
  assert.deepEqual(keys, ['__proto__'])
})

// Needs map.setKey('__proto__', v) to make an own key (js/map, fixed separately).
test('keys named __proto__ round-trip between tabs as own keys (needs the map __proto__ fix)', async t => {
  let $m = map({ a: 1 }, { name: 'sync/proto-own' })
  syncTabs($m)
  let other = peer(t, 'sync/proto-own')
  other.post({ whole: other.stamp(), doc: PROTO_TEXT })
  await until(() => Object.hasOwn($m.get(), 'constructor'), 'the whole write')
  assert.deepEqual(Object.keys($m.get()), ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
  assert.equal(Object.getPrototypeOf($m.get()), Object.prototype)
  assert.equal({}.polluted, undefined)
  assert.equal(documentOf($m), PROTO_TEXT)
  other.post(JSON.parse(`{"keys":{"__proto__":[${other.stamp()[0]},"peer","{\\"x\\":1}"]}}`))
  await until(() => documentOf($m).includes('{"x":1}'), 'the key write')
  assert.deepEqual($m.get().__proto__, { x: 1 })

  // And through real tabs: set in one, own keys in the other.
  let browser = new Browser()
  t.after(() => browser.close())
  let options = { name: 'sync/proto-tabs', kind: 'map', initial: {} }
  let a = await browser.open(options)
  let b = await browser.open(options)
  await a.run((ctx, text) => ctx.store.set(JSON.parse(text)), PROTO_TEXT)
  await converged([a, b], JSON.parse(PROTO_TEXT), 'tab b to get the keys')
  await a.run(ctx => ctx.store.setKey('__proto__', { y: 2 }))
  await until(async () => (await b.run(ctx => JSON.stringify(ctx.store.get()))).includes('"y"'), 'the setKey')
  let seen = await b.run(ctx => ({ keys: Object.keys(ctx.store.get()), polluted: {}.polluted, y: {}.y }))
  assert.deepEqual(seen, {
    keys: ['__proto__', 'constructor', 'toString', 'hasOwnProperty'],
    polluted: undefined,
    y: undefined
  })
})

test('a message holding what JSON cannot carry (lone surrogate, 20,000 levels) is ignored with a warning', async t => {
  let warn = t.mock.method(console, 'warn', () => {})
  let $m = map({ a: 1 }, { name: 'sync/in-bad' })
  let $a = atom('ok', { name: 'sync/in-bad-atom' })
  syncTabs($m)
  syncTabs($a)
  let other = peer(t, 'sync/in-bad')
  let otherAtom = peer(t, 'sync/in-bad-atom')
  let deep = `${'['.repeat(20000)}${']'.repeat(20000)}`
  other.post({ whole: other.stamp(), doc: '{"apple":{"name":"x\\ud800"}}' })
  other.post({ whole: other.stamp(), doc: '{"a\\ud800bc":1}' })
  other.post({ whole: other.stamp(), doc: '[1,2]' })
  other.post({ keys: { apple: [other.stamp()[0], 'peer', `{"list":${deep}}`] } })
  otherAtom.post({ whole: otherAtom.stamp(), doc: '"x\\udc00"' })
  await until(() => warn.mock.callCount() >= 5, 'five warnings')
  let warnings = warn.mock.calls.map(call => call.arguments.join(' '))
  assert.ok(warnings.every(text => text.includes('ignored a change from another tab')))
  assert.ok(
    warnings[0].includes("store 'sync/in-bad'") && warnings[0].includes('a lone surrogate at $.apple.name')
  )
  assert.ok(warnings[1].includes('a lone surrogate in the key at $["a\\ud800bc"]'))
  assert.ok(warnings[2].includes('an array'))
  assert.ok(warnings[3].includes('nesting deeper than 1000 levels at $.apple.list'))
  assert.ok(warnings[4].includes("store 'sync/in-bad-atom'") && warnings[4].includes('a lone surrogate at $'))
  assert.deepEqual($m.get(), { a: 1 })
  assert.equal($a.get(), 'ok')
  // A good message after them is still taken.
  other.post({ keys: { b: [other.stamp()[0], 'peer', '2'] } })
  await until(() => $m.get().b === 2, 'the good message')
})

test('a local lone surrogate or 20,000 levels throws ATOLL_NOT_SERIALIZABLE and sends nothing', async t => {
  let $m = map({}, { name: 'sync/out-bad' })
  let $a = atom('ok', { name: 'sync/out-bad-atom' })
  syncTabs($m)
  syncTabs($a)
  let other = peer(t, 'sync/out-bad')
  let otherAtom = peer(t, 'sync/out-bad-atom')
  let deep = []
  for (let i = 0; i < 20000; i++) deep = [deep]
  assertAtollError(AtollError, () => $m.setKey('apple', { name: 'x\ud800' }), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'sync/out-bad' cannot be written as JSON: a lone surrogate at $.apple.name"
  ])
  assertAtollError(AtollError, () => $m.setKey('a\ud800bc', 1), 'ATOLL_NOT_SERIALIZABLE', [
    'a lone surrogate in the key at $["a\\ud800bc"]'
  ])
  assertAtollError(AtollError, () => $m.set({ deep }), 'ATOLL_NOT_SERIALIZABLE', [
    "'sync/out-bad'",
    'nesting deeper than 1000 levels'
  ])
  assertAtollError(AtollError, () => $a.set('x\ud800'), 'ATOLL_NOT_SERIALIZABLE', [
    "store 'sync/out-bad-atom' cannot be written as JSON: a lone surrogate at $"
  ])
  await sleep(SETTLE)
  assert.deepEqual(
    other.heard.filter(message => !message.hello),
    []
  )
  assert.deepEqual(
    otherAtom.heard.filter(message => !message.hello),
    []
  )
})
