import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, batched, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('batched: first get() is synchronous', t => {
  fakeTimers(t)
  let $a = atom(2)
  let $b = atom(3)
  let calls = 0
  let $s = batched([$a, $b], (a, b) => {
    calls++
    return a * b
  })
  assert.equal(calls, 0)
  assert.equal($s.get(), 6)
  assert.equal(calls, 1)
})

test('batched: source changes are coalesced into one recompute on setTimeout(0)', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let $b = atom(1)
  let args = []
  let $s = batched([$a, $b], (a, b) => {
    args.push([a, b])
    return a + b
  })
  let seen = []
  $s.listen((v, o) => seen.push([v, o]))
  assert.deepEqual(args, [[1, 1]])
  $a.set(2)
  $b.set(3)
  $a.set(4)
  assert.deepEqual(args, [[1, 1]], 'no recompute before the timer')
  assert.deepEqual(seen, [])
  timers.tick(0)
  assert.deepEqual(args, [
    [1, 1],
    [4, 3]
  ])
  assert.deepEqual(seen, [[7, 2]])
  assert.equal($s.get(), 7)
})

test('batched: single source, listener after each timer', t => {
  let timers = fakeTimers(t)
  let $a = atom('a')
  let $s = batched($a, a => a.toUpperCase())
  let seen = []
  $s.subscribe(v => seen.push(v))
  $a.set('b')
  $a.set('c')
  timers.tick(0)
  $a.set('d')
  timers.tick(0)
  assert.deepEqual(seen, ['A', 'C', 'D'])
})

test('batched: eq of the batched store filters equal results', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let $s = batched($a, a => a > 0)
  let seen = []
  $s.listen(v => seen.push(v))
  $a.set(2)
  timers.tick(0)
  assert.deepEqual(seen, [])
  $a.set(-2)
  timers.tick(0)
  assert.deepEqual(seen, [false])
})

test('batched is lazy like computed', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let calls = 0
  let $s = batched($a, a => {
    calls++
    return a
  })
  $a.set(2)
  timers.tick(10)
  assert.equal(calls, 0)
  assert.equal($a.lc, 0)
  assert.equal($s.get(), 2)
  timers.tick(STORE_UNMOUNT_DELAY + 1)
  assert.equal($a.lc, 0)
})
