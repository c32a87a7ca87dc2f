import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  atom,
  map,
  computed,
  batched,
  onMount,
  keepMount,
  cleanStores,
  clean,
  STORE_UNMOUNT_DELAY
} from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('keepMount mounts the store and keeps it mounted', t => {
  let timers = fakeTimers(t)
  let $a = atom(0)
  let log = []
  onMount($a, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  keepMount($a)
  assert.deepEqual(log, ['init'])
  let unbind = $a.listen(() => {})
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY * 10)
  assert.deepEqual(log, ['init'])
})

test('keepMount on a computed keeps it following its sources', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let calls = 0
  let $c = computed($a, a => {
    calls++
    return a + 1
  })
  keepMount($c)
  assert.equal(calls, 1)
  timers.tick(STORE_UNMOUNT_DELAY * 2)
  $a.set(2)
  assert.equal(calls, 2, 'recomputed eagerly because it stays mounted')
  assert.equal($c.value, 3)
})

test('clean is a symbol; every store has a [clean] method outside production', () => {
  assert.equal(typeof clean, 'symbol')
  for (let $s of [atom(0), map({}), computed(atom(0), x => x), batched(atom(0), x => x)]) {
    assert.equal(typeof $s[clean], 'function')
  }
})

test('cleanStores removes listeners and runs onMount destructors at once', t => {
  fakeTimers(t)
  let $a = atom(0)
  let $m = map({ a: 1 })
  let log = []
  onMount($a, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  let calls = 0
  $a.listen(() => calls++)
  keepMount($a)
  $m.listen(() => calls++)
  cleanStores($a, $m)
  assert.deepEqual(log, ['init', 'destroy'])
  assert.equal($a.lc, 0)
  assert.equal($m.lc, 0)
  $a.set(1)
  $m.setKey('a', 2)
  assert.equal(calls, 0)
  // the store can be mounted again
  $a.listen(() => calls++)
  assert.deepEqual(log, ['init', 'destroy', 'init'])
  $a.set(2)
  assert.equal(calls, 1)
})

test('cleanStores calls the [clean] method of each argument and skips empty ones', () => {
  let cleaned = []
  let fake1 = { [clean]: () => cleaned.push(1) }
  let fake2 = { [clean]: () => cleaned.push(2) }
  cleanStores(fake1, undefined, fake2, null)
  assert.deepEqual(cleaned, [1, 2])
})

test('cleanStores on a computed unmounts it at once; it still computes afterwards', t => {
  fakeTimers(t)
  let $a = atom(1)
  let calls = 0
  let $c = computed($a, a => {
    calls++
    return a * 2
  })
  $c.listen(() => {})
  assert.equal(calls, 1)
  assert.ok($a.lc >= 1)
  cleanStores($c)
  assert.equal($c.lc, 0)
  assert.equal($a.lc, 0, 'the computed stopped listening to its source at once')
  assert.equal($c.get(), 2)
})

test('cleanStores refuses when NODE_ENV is production', () => {
  let $a = atom(0)
  let calls = 0
  $a.listen(() => calls++)
  let previous = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    assert.throws(() => cleanStores($a))
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = previous
  }
  assert.equal($a.lc, 1, 'nothing was cleaned')
  $a.set(1)
  assert.equal(calls, 1)
})
