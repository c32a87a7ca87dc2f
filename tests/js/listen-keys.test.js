import { test } from 'node:test'
import assert from 'node:assert/strict'
import { deepMap, map, listenKeys, subscribeKeys } from 'atoll-store'
import { sameAsNano } from './same-as-nano.js'

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

test('listenKeys on a deepMap: a watched path fires when any write changes it', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1, c: 1 }, z: 0 })
    lib.listenKeys($d, ['a.b'], (value, oldValue, key) => log(key, value.a))
    $d.setKey('a', { b: 1, c: 2 }) // a.b unchanged
    $d.setKey('a.c', 3)
    $d.setKey('z', 1)
    $d.setKey('a', { b: 2 })
    $d.setKey('a.b', 3)
    $d.setKey('a', undefined)
    $d.setKey('a.b', 4) // creates a again
  })
  assert.deepEqual(calls, [
    ['a', { b: 2 }],
    ['a.b', { b: 3 }],
    ['a', undefined],
    ['a.b', { b: 4 }]
  ])
})

test('listenKeys on a deepMap: removing an array item shifts a watched index', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ list: ['x', 'y', 'z'] })
    lib.listenKeys($d, ['list[1]'], (value, oldValue, key) => log(key, value.list))
    $d.setKey('list[2]', undefined) // list[1] stays 'y'
    $d.setKey('list[0]', undefined) // list[1] was 'y', is now missing
    $d.setKey('list[3]', 'w')
    $d.setKey('list', ['a', 'b'])
  })
  assert.deepEqual(calls, [
    ['list[0]', ['y']],
    ['list', ['a', 'b']]
  ])
})

test('listenKeys on a deepMap: a watched key fires for writes below it', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1 }, items: [] })
    lib.listenKeys($d, ['a', 'items'], (value, oldValue, key) => log(key))
    $d.setKey('a.b', 2)
    $d.setKey('items[0]', 'x')
    $d.setKey('ab', 1)
  })
  assert.deepEqual(calls, [['a.b'], ['items[0]']])
})

test('listenKeys on a deepMap: set(), a batch and subscribeKeys compare paths', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1 }, c: 1 })
    lib.subscribeKeys($d, ['a.b'], (value, oldValue, key) => log(value, oldValue, key))
    $d.set({ a: { b: 1 }, c: 2 })
    $d.set({ a: { b: 2 }, c: 2 })
    lib.batch(() => {
      $d.setKey('c', 3)
      $d.setKey('a.b', 5)
    })
    lib.batch(() => $d.setKey('c', 4))
  })
  assert.deepEqual(calls, [
    [{ a: { b: 1 }, c: 1 }, undefined, undefined],
    [{ a: { b: 2 }, c: 2 }, { a: { b: 1 }, c: 2 }, undefined],
    [{ a: { b: 5 }, c: 3 }, { a: { b: 2 }, c: 2 }, undefined]
  ])
})

test('listenKeys on a map matches the changed key as given (a number stays a number)', () => {
  let $m = map({})
  let heard = []
  listenKeys($m, [1], (value, oldValue, key) => heard.push(['number', key]))
  listenKeys($m, ['1'], (value, oldValue, key) => heard.push(['string', key]))
  // What setKey(1, x) hands listeners once map() keeps the key as given.
  $m.notify({}, 1)
  $m.notify({}, '1')
  assert.deepEqual(heard, [
    ['number', 1],
    ['string', '1']
  ])
})

test('listenKeys on a map: set() compares with eqKey, given the key', () => {
  let $m = map({ a: { v: 1 }, b: 1 })
  let asked = []
  $m.eqKey = (x, y, key) => {
    asked.push(key)
    return x.v === y.v
  }
  let calls = 0
  listenKeys($m, ['a'], () => calls++)
  $m.set({ a: { v: 1 }, b: 2 })
  $m.set({ a: { v: 2 }, b: 2 })
  assert.equal(calls, 1)
  assert.deepEqual(asked, ['a', 'a'])
})

test('listenKeys on a map: a key with a dot is one key, not a path', () => {
  // Nano Stores also calls a listener of 'a' for setKey('a.b'); a map's keys
  // are flat, so Atoll does not.
  let $m = map({ a: 1 })
  let keys = []
  listenKeys($m, ['a'], (value, oldValue, key) => keys.push(key))
  $m.setKey('a.b', 1)
  $m.setKey('a[0]', 1)
  $m.setKey('a', 2)
  assert.deepEqual(keys, ['a'])
})

test('listenKeys on a deepMap with a plain deepMap import', () => {
  let $d = deepMap({ user: { name: 'A' } })
  let names = []
  let unbind = listenKeys($d, ['user.name'], value => names.push(value.user.name))
  $d.setKey('user.name', 'B')
  unbind()
  $d.setKey('user.name', 'C')
  assert.deepEqual(names, ['B'])
  assert.equal($d.lc, 0)
})
