// Svelte's store contract: `$store` and `$store = x` work with no adapter.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { get, derived } from 'svelte/store'
import { atom, map, computed, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('subscribe returns the unsubscribe function and calls at once', () => {
  let $a = atom(1)
  let seen = []
  let unsubscribe = $a.subscribe(v => seen.push(v))
  assert.equal(typeof unsubscribe, 'function')
  assert.deepEqual(seen, [1])
  $a.set(2)
  unsubscribe()
  $a.set(3)
  assert.deepEqual(seen, [1, 2])
})

test('svelte/store get() and derived() accept atoll stores', t => {
  let timers = fakeTimers(t)
  let $a = atom(2)
  let $m = map({ n: 3 })
  let $c = computed([$a, $m], (a, m) => a * m.n)
  assert.equal(get($a), 2)
  assert.equal(get($c), 6)
  let $d = derived([$a, $m], ([a, m]) => a + m.n)
  let seen = []
  let unsubscribe = $d.subscribe(v => seen.push(v))
  $a.set(5) // what `$a = 5` compiles to
  $m.setKey('n', 10)
  unsubscribe()
  timers.tick(STORE_UNMOUNT_DELAY) // let the computed read by get($c) unmount
  assert.deepEqual(seen, [5, 8, 15])
  assert.equal($a.lc, 0)
  assert.equal($m.lc, 0)
})

test('writable stores have set (for `$store = x`)', () => {
  assert.equal(typeof atom(0).set, 'function')
  assert.equal(typeof map({}).set, 'function')
})
