import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, map, effect } from 'atoll-store'

test('effect runs fn(value) at once and on every change of a single store', () => {
  let $a = atom(1)
  let log = []
  let cancel = effect($a, v => {
    log.push(v)
  })
  assert.equal(typeof cancel, 'function')
  assert.deepEqual(log, [1])
  $a.set(2)
  $a.set(3)
  assert.deepEqual(log, [1, 2, 3])
  cancel()
  $a.set(4)
  assert.deepEqual(log, [1, 2, 3])
})

test('effect over several stores gets their values in order', () => {
  let $a = atom('a')
  let $m = map({ n: 1 })
  let log = []
  let cancel = effect([$a, $m], (a, m) => {
    log.push([a, m.n])
  })
  $m.setKey('n', 2)
  $a.set('b')
  assert.deepEqual(log, [
    ['a', 1],
    ['a', 2],
    ['b', 2]
  ])
  cancel()
})

test('the cleanup fn returns runs before the next run and on cancel', () => {
  let $a = atom(0)
  let log = []
  let cancel = effect($a, v => {
    log.push(['run', v])
    return () => log.push(['cleanup', v])
  })
  $a.set(1)
  $a.set(2)
  cancel()
  assert.deepEqual(log, [
    ['run', 0],
    ['cleanup', 0],
    ['run', 1],
    ['cleanup', 1],
    ['run', 2],
    ['cleanup', 2]
  ])
  $a.set(3)
  assert.equal(log.length, 6)
})

test('cancel stops listening to the sources', () => {
  let $a = atom(0)
  let $b = atom(0)
  let cancel = effect([$a, $b], () => {})
  assert.ok($a.lc >= 1)
  assert.ok($b.lc >= 1)
  cancel()
  assert.equal($a.lc, 0)
  assert.equal($b.lc, 0)
})

test('effect without a cleanup is fine', () => {
  let $a = atom(0)
  let n = 0
  let cancel = effect($a, () => {
    n++
  })
  $a.set(1)
  cancel()
  assert.equal(n, 2)
})
