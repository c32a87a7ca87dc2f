// Atoll-only: devtools logging (atoll-store/logger).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AtollError, atom, map, batch, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { logStores } from 'atoll-store/logger'
import { assertAtollError, fakeTimers } from './helpers.js'

// A console that records what it was asked to print.
function recorder() {
  let lines = []
  return {
    lines,
    log: (...args) => lines.push(['log', ...args]),
    error: (...args) => lines.push(['error', ...args]),
    take: () => lines.splice(0)
  }
}

test('mount and unmount, one line each, naming the store', t => {
  let timers = fakeTimers(t)
  let $open = atom(false, { name: 'log/open' })
  let out = recorder()
  let stop = logStores([$open], { console: out })
  let unbind = $open.listen(() => {})
  assert.deepEqual(out.take(), [['log', '[atoll] log/open mounted']])
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY)
  assert.deepEqual(out.take(), [['log', '[atoll] log/open unmounted']])
  stop()
})

test('atom changes: old → new', () => {
  let $open = atom(false, { name: 'log/atom' })
  let $plain = atom(undefined)
  let out = recorder()
  let stop = logStores([$open, $plain], { console: out, label: 'shop' })
  $open.set(true)
  $plain.set({ a: [1, 'x'] })
  $plain.set(-0)
  assert.deepEqual(out.take(), [
    ['log', '[shop] log/atom: false → true'],
    ['log', `[shop] #${$plain.id}: undefined → {"a":[1,"x"]}`],
    ['log', `[shop] #${$plain.id}: {"a":[1,"x"]} → -0`]
  ])
  stop()
})

test('map changes: the key with its old and new value, or the whole value for set()', () => {
  let $items = map({ apple: { count: 1 } }, { name: 'log/items' })
  let out = recorder()
  let stop = logStores(['log/items'], { console: out })
  $items.setKey('apple', { count: 2 })
  $items.setKey('pear', 3)
  $items.setKey('pear', undefined)
  $items.setKey('two words', 'x')
  $items.set({ kiwi: 1 })
  assert.deepEqual(out.take(), [
    ['log', '[atoll] log/items.apple: {"count":1} → {"count":2}'],
    ['log', '[atoll] log/items.pear: (absent) → 3'],
    ['log', '[atoll] log/items.pear: 3 → (absent)'],
    ['log', '[atoll] log/items["two words"]: (absent) → "x"'],
    ['log', '[atoll] log/items: {"apple":{"count":2},"two words":"x"} → {"kiwi":1}']
  ])
  stop()
})

test('inside a batch each change is logged with the value right before it', () => {
  let $items = map({ a: 1 }, { name: 'log/batch' })
  let $flag = atom(0, { name: 'log/batch-flag' })
  let out = recorder()
  let stop = logStores([$items, $flag], { console: out })
  batch(() => {
    $items.setKey('a', 2)
    $items.setKey('b', 1)
    $items.setKey('a', 3)
    $flag.set(1)
    $flag.set(2)
  })
  assert.deepEqual(out.take(), [
    ['log', '[atoll] log/batch.a: 1 → 2'],
    ['log', '[atoll] log/batch.b: (absent) → 1'],
    ['log', '[atoll] log/batch.a: 2 → 3'],
    ['log', '[atoll] log/batch-flag: 0 → 1'],
    ['log', '[atoll] log/batch-flag: 1 → 2']
  ])
  stop()
})

test('logging does not change what listeners get in a batch', () => {
  let $items = map({ a: 1 })
  let out = recorder()
  let stop = logStores([$items], { console: out })
  let calls = []
  $items.listen((value, oldValue, key) => calls.push([value, oldValue, key]))
  batch(() => {
    $items.setKey('a', 2)
    $items.setKey('a', 3)
  })
  assert.deepEqual(calls, [[{ a: 3 }, { a: 1 }, undefined]])
  stop()
})

test('listener errors, naming the store', () => {
  let $open = atom(false, { name: 'log/error' })
  let $other = atom(0)
  let out = recorder()
  let stop = logStores([$open], { console: out })
  $open.listen(() => {
    throw new TypeError('boom')
  })
  $other.listen(() => {
    throw new Error('not watched')
  })
  assert.throws(() => $open.set(true), /boom/)
  assert.throws(() => $other.set(1), /not watched/)
  assert.deepEqual(out.take(), [
    ['log', '[atoll] log/error mounted'],
    ['log', '[atoll] log/error: false → true'],
    ['error', '[atoll] log/error: a listener threw TypeError: boom']
  ])
  stop()
})

test('values JSON cannot show are described, long ones cut', () => {
  let $v = atom(0, { name: 'log/values' })
  let out = recorder()
  let stop = logStores([$v], { console: out })
  let cycle = {}
  cycle.self = cycle
  $v.set(new Map())
  $v.set(function save() {})
  $v.set(cycle)
  $v.set(10n)
  $v.set('x'.repeat(500))
  let lines = out.take().map(entry => entry[1])
  assert.deepEqual(lines.slice(0, 4), [
    '[atoll] log/values: 0 → an instance of Map',
    '[atoll] log/values: an instance of Map → function save',
    '[atoll] log/values: function save → an object',
    '[atoll] log/values: an object → 10n'
  ])
  assert.ok(lines[4].startsWith('[atoll] log/values: 10n → "xxx'))
  assert.ok(lines[4].endsWith('…'))
  assert.ok(lines[4].length < 250)
  stop()
})

test('the returned function stops logging and removes every hook', t => {
  let timers = fakeTimers(t)
  let $a = atom(0, { name: 'log/stop' })
  let out = recorder()
  let stop = logStores([$a], { console: out })
  let unbind = $a.listen(() => {
    throw new Error('still throws')
  })
  stop()
  stop() // twice is harmless
  assert.throws(() => $a.set(1), /still throws/)
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY) // the unmount of a mount logged before stop()
  $a.listen(() => {})
  assert.deepEqual(out.take(), [['log', '[atoll] log/stop mounted']])
  assert.equal($a.events.notify, undefined)
  assert.equal($a.events.mount, undefined)
})

test('bad arguments throw AtollError', () => {
  assertAtollError(AtollError, () => logStores(atom(0)), 'ATOLL_NOT_A_STORE', ['array'])
  assertAtollError(AtollError, () => logStores(['log/none']), 'ATOLL_UNKNOWN_STORE', ["'log/none'"])
})

test('lone surrogates, keys named __proto__-like members and deep values are shown, never changed', () => {
  let $items = map({}, { name: 'log/untrusted' })
  let out = recorder()
  let stop = logStores([$items], { console: out })
  $items.setKey('a\ud800bc', 'x\udc00')
  $items.setKey('constructor', 1)
  $items.setKey('hasOwnProperty', 2)
  let deep = []
  for (let i = 0; i < 20000; i++) deep = [deep]
  $items.setKey('deep', deep)
  assert.deepEqual(out.take(), [
    ['log', '[atoll] log/untrusted["a\\ud800bc"]: (absent) → "x\\udc00"'],
    ['log', '[atoll] log/untrusted.constructor: (absent) → 1'],
    ['log', '[atoll] log/untrusted.hasOwnProperty: (absent) → 2'],
    ['log', '[atoll] log/untrusted.deep: (absent) → an array']
  ])
  stop()
})
