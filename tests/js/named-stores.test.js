// Atoll-only: named stores. One name is one store per page, even across
// separately loaded copies of the package.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as atoll from 'atoll-store'
import { atom, map, batch, onMount, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { assertAtollError, fakeTimers, thrown } from './helpers.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

test('atom(initial, { name }) twice returns the same store', () => {
  let first = atom(false, { name: 'cart/open' })
  let second = atom(false, { name: 'cart/open' })
  assert.equal(second, first)
  first.set(true)
  assert.equal(second.get(), true)
})

test('the second call with a name keeps the existing value, not its own initial', () => {
  let first = atom(1, { name: 'named/keeps-value' })
  first.set(2)
  let second = atom(100, { name: 'named/keeps-value' })
  assert.equal(second, first)
  assert.equal(second.get(), 2)
})

test('map(initial, { name }) twice returns the same map', () => {
  let first = map({ a: 1 }, { name: 'named/map' })
  first.setKey('b', 2)
  let second = map({}, { name: 'named/map' })
  assert.equal(second, first)
  assert.deepEqual(second.get(), { a: 1, b: 2 })
})

test('different names and unnamed stores are different stores', () => {
  let a = atom(0, { name: 'named/a' })
  let b = atom(0, { name: 'named/b' })
  assert.notEqual(a, b)
  assert.notEqual(atom(0), atom(0))
  assert.notEqual(atom(0), a)
  b.set(1)
  assert.equal(a.get(), 0)
})

test('a named store is a full store: listeners, lifecycle, setKey', t => {
  let timers = fakeTimers(t)
  let $m = map({}, { name: 'named/full' })
  let log = []
  onMount($m, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  let unbind = map({}, { name: 'named/full' }).listen((v, o, k) => log.push(['changed', k, v]))
  $m.setKey('x', 1)
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY)
  assert.deepEqual(log, ['init', ['changed', 'x', { x: 1 }], 'destroy'])
})

test('map() with the name of an atom throws ATOLL_NAME_TAKEN; the atom keeps working', () => {
  let $x = atom(0, { name: 'x' })
  $x.set(3)
  let calls = []
  $x.listen(v => calls.push(v))
  let error = assertAtollError(atoll.AtollError, () => map({}, { name: 'x' }), 'ATOLL_NAME_TAKEN', ['x'])
  assert.match(error.message, /belongs to an atom store; it cannot also name a map/)
  assert.equal($x.get(), 3)
  $x.set(4)
  assert.deepEqual(calls, [4])
  assert.equal(atom(0, { name: 'x' }), $x)
})

test('atom() with the name of a map throws ATOLL_NAME_TAKEN; the map keeps working', () => {
  let $m = map({ k: 1 }, { name: 'named/is-a-map' })
  let error = assertAtollError(
    atoll.AtollError,
    () => atom(0, { name: 'named/is-a-map' }),
    'ATOLL_NAME_TAKEN',
    ['named/is-a-map']
  )
  assert.match(error.message, /atom/)
  assert.match(error.message, /map/)
  $m.setKey('k', 2)
  assert.deepEqual($m.get(), { k: 2 })
  assert.equal(map({}, { name: 'named/is-a-map' }), $m)
})

// --- across two separately loaded copies of the package -------------------

let copyDir
let copy

async function loadCopy() {
  if (copy) return copy
  copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atoll-copy-'))
  fs.cpSync(path.join(root, 'js'), path.join(copyDir, 'js'), { recursive: true })
  fs.copyFileSync(path.join(root, 'package.json'), path.join(copyDir, 'package.json'))
  // Only so that bare imports of dependencies (if any) still resolve.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copyDir, 'node_modules'), 'dir')
  copy = await import(pathToFileURL(path.join(copyDir, 'js', 'index.js')).href)
  return copy
}

after(() => {
  if (copyDir) fs.rmSync(copyDir, { recursive: true, force: true })
})

test('a second copy of the package is a separate module instance', async () => {
  let other = await loadCopy()
  assert.notEqual(other, atoll)
  assert.equal(typeof other.atom, 'function')
})

test('a named atom created in one copy is found from the other copy', async () => {
  let other = await loadCopy()
  let mine = atom(1, { name: 'copies/count' })
  mine.set(5)
  let theirs = other.atom(0, { name: 'copies/count' })
  assert.equal(theirs.get(), 5, 'same value')

  let seenMine = []
  let seenTheirs = []
  mine.listen((v, o) => seenMine.push([v, o]))
  theirs.listen((v, o) => seenTheirs.push([v, o]))

  theirs.set(6)
  assert.equal(mine.get(), 6, 'a write in the other copy is visible here')
  assert.deepEqual(seenMine, [[6, 5]])
  assert.deepEqual(seenTheirs, [[6, 5]])

  mine.set(7)
  assert.equal(theirs.get(), 7)
  assert.deepEqual(seenTheirs, [
    [6, 5],
    [7, 6]
  ])
  assert.deepEqual(seenMine, [
    [6, 5],
    [7, 6]
  ])
})

test('a named map created in the other copy is found here, setKey visible both ways', async () => {
  let other = await loadCopy()
  let theirs = other.map({ apple: 1 }, { name: 'copies/cart' })
  let mine = map({}, { name: 'copies/cart' })
  assert.deepEqual(mine.get(), { apple: 1 })
  let keys = []
  mine.listen((v, o, k) => keys.push(k))
  theirs.setKey('pear', 2)
  assert.deepEqual(mine.get(), { apple: 1, pear: 2 })
  mine.setKey('apple', undefined)
  assert.deepEqual(theirs.get(), { pear: 2 })
  assert.deepEqual(keys, ['pear', 'apple'])
})

test('a batch in one copy covers listeners added through the other copy (one queue per page)', async () => {
  let other = await loadCopy()
  let mine = atom(0, { name: 'copies/batched' })
  let theirs = other.atom(0, { name: 'copies/batched' })
  let calls = []
  theirs.listen((v, o) => calls.push([v, o]))
  batch(() => {
    mine.set(1)
    mine.set(2)
    assert.deepEqual(calls, [])
  })
  assert.deepEqual(calls, [[2, 0]])
})

test('kinds conflict across copies too', async () => {
  let other = await loadCopy()
  atom(0, { name: 'copies/kind' })
  let error = thrown(() => other.map({}, { name: 'copies/kind' }))
  assert.equal(error.name, 'AtollError')
  assert.equal(error.code, 'ATOLL_NAME_TAKEN')
  assert.ok(error.message.includes('copies/kind'))
})

test('the same name with another initial value warns once, naming both values', t => {
  let warnings = []
  t.mock.method(console, 'warn', message => warnings.push(message))
  atom({ a: 1 }, { name: 'named/clash' })
  atom({ a: 1 }, { name: 'named/clash' }) // equal content from another module: fine
  assert.equal(warnings.length, 0)
  let second = atom({ a: 2 }, { name: 'named/clash' })
  atom({ a: 3 }, { name: 'named/clash' })
  assert.equal(warnings.length, 1, 'once per name')
  assert.match(warnings[0], /'named\/clash'.*\{"a":2\}.*keeps \{"a":1\}/)
  assert.deepEqual(second.get(), { a: 1 }, 'the store keeps its value')
  map({}, { name: 'named/clash-map' })
  map({}, { name: 'named/clash-map' })
  assert.equal(warnings.length, 1)
})
