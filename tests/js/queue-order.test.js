import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, map } from 'atoll-store'

test('semantics.md example: L1(1,0), L2(2,0), L1(2,1), L2(2,1)', () => {
  let $a = atom(0)
  let calls = []
  $a.listen((v, o) => {
    calls.push(['L1', v, o])
    if (v === 1) $a.set(2)
  })
  $a.listen((v, o) => calls.push(['L2', v, o]))
  $a.set(1)
  assert.deepEqual(calls, [
    ['L1', 1, 0],
    ['L2', 2, 0],
    ['L1', 2, 1],
    ['L2', 2, 1]
  ])
  assert.equal($a.get(), 2)
})

test('a set inside a listener is appended to the draining queue (breadth first, not re-entrant)', () => {
  let $a = atom(0)
  let $b = atom(0)
  let log = []
  $a.listen(v => {
    log.push(['A1 start', v])
    $b.set(v * 10)
    log.push(['A1 end', v])
  })
  $a.listen(v => log.push(['A2', v]))
  $b.listen(v => log.push(['B1', v]))
  $a.set(1)
  assert.deepEqual(log, [
    ['A1 start', 1],
    ['A1 end', 1],
    ['A2', 1],
    ['B1', 10]
  ])
})

test('one FIFO queue across stores: writes from listeners are delivered in order', () => {
  let $a = atom(0)
  let $b = atom(0)
  let $c = map({})
  let log = []
  $a.listen(v => {
    log.push(['a', v])
    $c.setKey('x', v)
    $b.set(v)
  })
  $b.listen(v => log.push(['b', v]))
  $c.listen((v, o, k) => log.push(['c', k, v.x]))
  $a.set(5)
  assert.deepEqual(log, [
    ['a', 5],
    ['c', 'x', 5],
    ['b', 5]
  ])
})

test('a queued listener reads the live value of its store', () => {
  let $a = atom(0)
  let $b = atom('b0')
  let log = []
  $a.listen(() => {
    $b.set('b1')
    $b.set('b2')
  })
  $b.listen((v, o) => log.push([v, o]))
  $a.set(1)
  assert.deepEqual(log, [
    ['b2', 'b0'],
    ['b2', 'b1']
  ])
})

test('a throwing listener does not stop the others; the last error is rethrown after the drain', () => {
  let $a = atom(0)
  let log = []
  let first = new Error('first')
  let last = new Error('last')
  $a.listen(v => {
    log.push(['L1', v])
    throw first
  })
  $a.listen(v => log.push(['L2', v]))
  $a.listen(v => {
    log.push(['L3', v])
    throw last
  })
  $a.listen(v => log.push(['L4', v]))
  assert.throws(
    () => $a.set(1),
    e => e === last
  )
  assert.deepEqual(log, [
    ['L1', 1],
    ['L2', 1],
    ['L3', 1],
    ['L4', 1]
  ])
  assert.equal($a.get(), 1)
})

test('an error thrown by a listener of a store written in a listener surfaces after the whole drain', () => {
  let $a = atom(0)
  let $b = atom(0)
  let log = []
  let error = new Error('from B')
  $a.listen(v => {
    log.push('A1')
    $b.set(v)
  })
  $a.listen(() => log.push('A2'))
  $b.listen(() => {
    log.push('B1')
    throw error
  })
  $b.listen(() => log.push('B2'))
  assert.throws(
    () => $a.set(1),
    e => e === error
  )
  assert.deepEqual(log, ['A1', 'A2', 'B1', 'B2'])
})

test('after a listener threw, the next write drains normally', () => {
  let $a = atom(0)
  let log = []
  let shouldThrow = true
  $a.listen(v => {
    if (shouldThrow) throw new Error('once')
    log.push(['L1', v])
  })
  $a.listen(v => log.push(['L2', v]))
  assert.throws(() => $a.set(1))
  shouldThrow = false
  $a.set(2)
  assert.deepEqual(log, [
    ['L2', 1],
    ['L1', 2],
    ['L2', 2]
  ])
})
