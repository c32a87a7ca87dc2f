// The README's boundary claim, counted: every store operation on the hot
// paths makes at most one call into the wasm core; a batch() makes none of
// its own beyond one per listener call its flush delivers (the core decides
// which queued calls the batch merged). Queries (is the queue empty, is a
// computed stale, which slot was removed) are read from shared memory.
//
// The test builds the page's one engine itself, over exports wrapped to count
// calls, before atoll-store is imported (node --test runs each file in its
// own process, so this engine is the one every store below uses).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createEngine } from '../../js/runtime/engine.js'
import { loadCore } from '../../js/runtime/load-core.js'

let calls = new Map()
let exports = loadCore()
let counted = {}
for (let [name, value] of Object.entries(exports)) {
  counted[name] =
    typeof value === 'function'
      ? (...args) => {
          calls.set(name, (calls.get(name) || 0) + 1)
          return value(...args)
        }
      : value
}
globalThis[Symbol.for('atoll-store.runtime')] = createEngine(counted)
const { atom, batch, computed, map } = await import('atoll-store')

// The calls `fn` made, by export name.
let count = fn => {
  calls.clear()
  fn()
  return Object.fromEntries(calls)
}
let total = made => Object.values(made).reduce((sum, n) => sum + n, 0)

test('set, setKey, listen, subscribe and their unbinds: one call each', () => {
  let a = atom(0)
  let m = map({ a: 1 })
  let heard = 0
  let listener = () => heard++
  assert.deepEqual(
    count(() => a.set(1)),
    {},
    'set() of a store never listened to'
  )
  let unbind
  assert.deepEqual(
    count(() => (unbind = a.listen(listener))),
    { atoll_listen: 1 }
  )
  assert.deepEqual(
    count(() => a.set(2)),
    { atoll_notify: 1 },
    'set() with a listener'
  )
  assert.deepEqual(
    count(() => unbind()),
    { atoll_unlisten: 1 }
  )
  assert.deepEqual(
    count(() => unbind()),
    {},
    'a second unbind of a gone listener'
  )
  assert.deepEqual(
    count(() => (unbind = m.subscribe(listener))),
    { atoll_listen: 1 }
  )
  assert.deepEqual(
    count(() => m.setKey('b', 2)),
    { atoll_notify: 1 }
  )
  assert.deepEqual(
    count(() => m.setKey('a', undefined)),
    { atoll_notify: 1 },
    'a delete'
  )
  assert.deepEqual(
    count(() => unbind()),
    { atoll_unlisten: 1 }
  )
  // A listen of a store the core knows waits for the core's next call
  // (engine.js, heldListen), and an unbind before then cancels it.
  assert.deepEqual(
    count(() => m.get()),
    {},
    'get() of an unmounted store mounts and unmounts it: no call'
  )
  // A fresh closure per subscribe, as useSyncExternalStore does.
  let b = atom(1)
  b.listen(() => {})
  for (let i = 0; i < 3; i++) {
    let off
    assert.deepEqual(
      count(() => (off = b.subscribe(() => heard++))),
      {},
      'subscribe: its listen is held'
    )
    assert.deepEqual(
      count(() => off()),
      {},
      'its unsubscribe right after: cancelled, no call'
    )
  }
  // A held listen goes in first with the next call, so every listener hears it.
  let seen = []
  let off = b.subscribe(value => seen.push(value))
  assert.deepEqual(
    count(() => b.set(2)),
    { atoll_listen: 1, atoll_notify: 1 },
    'the held listen, then the set'
  )
  assert.deepEqual(seen, [1, 2])
  assert.deepEqual(
    count(() => off()),
    { atoll_unlisten: 1 }
  )
  assert.ok(heard > 0)
})

test('a batch makes no call of its own beyond one per listener call it delivers', () => {
  let a = atom(0)
  let m = map({})
  assert.deepEqual(
    count(() => batch(() => {})),
    {},
    'an empty batch'
  )
  assert.deepEqual(
    count(() => batch(() => a.set(1))),
    {},
    'a write to a store never listened to'
  )
  let heard = []
  a.listen(value => heard.push(['a', value]))
  m.listen(value => heard.push(['m', Object.keys(value).length]))
  let made = count(() =>
    batch(() => {
      for (let i = 0; i < 200; i++) m.setKey('k' + i, i)
      a.set(2)
      a.set(3)
    })
  )
  assert.deepEqual(heard, [
    ['m', 200],
    ['a', 3]
  ])
  assert.equal(made.atoll_notify, 202, 'one call per write')
  assert.equal(made.atoll_take, 2, 'one call per listener call delivered')
  assert.equal(total(made), 204)
})

test('a computed graph: reads of a fresh computed make no call', () => {
  let a = atom(1)
  let double = computed(a, value => value * 2)
  let plusOne = computed(double, value => value + 1)
  plusOne.listen(() => {})
  batch(() => {}) // sends the listen above, held until the core's next call
  assert.deepEqual(
    count(() => plusOne.get()),
    {}
  )
  let made = count(() => a.set(2))
  assert.equal(plusOne.get(), 5)
  // One notify per store that changed; the edges' calls are read from memory.
  assert.deepEqual(made, { atoll_notify: 3 })
})

test('a batch flush re-deriving a chain: one call per listener call, its notify included', () => {
  let head = atom(0)
  let chain = [head]
  for (let i = 0; i < 5; i++) chain.push(computed(chain[i], value => value + 1))
  let seen = []
  chain[5].listen(value => seen.push(value))
  batch(() => {}) // sends the listen above, held until the core's next call
  let made = count(() => batch(() => head.set(1)))
  assert.deepEqual(seen, [6])
  // head's notify is made in the batch; each edge's re-derive ends with a
  // notify that goes in with the next take, so each of the 5 edge calls and
  // the listener call costs one call.
  assert.deepEqual(made, { atoll_notify: 1, atoll_notify_take: 5, atoll_take: 1 })
  assert.equal(total(made), 7)
})

test('a flush passes over the edges of computeds read fresh inside the batch', () => {
  let head = atom(0)
  let double = computed(head, value => value * 2)
  let triple = computed(head, value => value * 3)
  let seen = []
  double.listen(value => seen.push(value))
  triple.listen(value => seen.push(value))
  batch(() => {}) // sends the listen above, held until the core's next call
  let made = count(() =>
    batch(() => {
      head.set(1)
      assert.equal(double.get() + triple.get(), 5) // both re-derive now
    })
  )
  assert.deepEqual(seen, [2, 3])
  // One notify per store that changed. The flush's first take passes over
  // the two edge calls (their computeds are fresh) and returns the first
  // listener; the second take returns the other; then the queue is empty.
  assert.deepEqual(made, { atoll_notify: 3, atoll_take: 2 })
})
