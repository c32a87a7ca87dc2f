import { test } from 'node:test'
import assert from 'node:assert/strict'
import { map, listenKeys, subscribeKeys } from 'atoll-store'

test('listenKeys calls fn only when a watched key changes through setKey', () => {
  let $m = map({ a: 1, b: 1, c: 1 })
  let calls = []
  listenKeys($m, ['a', 'b'], (v, o, k) => calls.push([v, o, k]))
  $m.setKey('c', 2)
  assert.deepEqual(calls, [])
  $m.setKey('a', 2)
  assert.deepEqual(calls, [[{ a: 2, b: 1, c: 2 }, { a: 1, b: 1, c: 2 }, 'a']])
  $m.setKey('b', 5)
  assert.equal(calls.length, 2)
  assert.equal(calls[1][2], 'b')
  $m.setKey('a', 2) // unchanged
  assert.equal(calls.length, 2)
  $m.setKey('d', 1) // new unwatched key
  assert.equal(calls.length, 2)
})

test('listenKeys fires when a watched key is deleted or added', () => {
  let $m = map({ a: 1 })
  let keys = []
  listenKeys($m, ['a', 'z'], (v, o, k) => keys.push(k))
  $m.setKey('a', undefined)
  $m.setKey('z', 1)
  assert.deepEqual(keys, ['a', 'z'])
})

test('listenKeys with set(): fn only when a watched key changed', () => {
  let $m = map({ a: 1, b: 1 })
  let calls = []
  listenKeys($m, ['a'], (v, o, k) => calls.push([v, o, k]))
  $m.set({ ...$m.get(), b: 2 })
  assert.deepEqual(calls, [])
  $m.set({ ...$m.get(), a: 3 })
  assert.deepEqual(calls, [[{ a: 3, b: 2 }, { a: 1, b: 2 }, undefined]])
})

test('listenKeys returns an unbind', () => {
  let $m = map({ a: 1 })
  let calls = 0
  let unbind = listenKeys($m, ['a'], () => calls++)
  assert.equal($m.lc, 1)
  $m.setKey('a', 2)
  unbind()
  $m.setKey('a', 3)
  assert.equal(calls, 1)
  assert.equal($m.lc, 0)
})

test('subscribeKeys calls fn at once with the value, then only for watched keys', () => {
  let $m = map({ a: 1, b: 1 })
  let calls = []
  let unbind = subscribeKeys($m, ['b'], (v, o, k) => calls.push([v, k]))
  assert.deepEqual(calls, [[{ a: 1, b: 1 }, undefined]])
  $m.setKey('a', 2)
  assert.equal(calls.length, 1)
  $m.setKey('b', 2)
  assert.deepEqual(calls[1], [{ a: 2, b: 2 }, 'b'])
  unbind()
  $m.setKey('b', 3)
  assert.equal(calls.length, 2)
  assert.equal($m.lc, 0)
})
