// CommonJS: `require('atoll-store')` works in Node 22 with no flags. The
// package is ES modules; Node 22 loads them through require() (require(esm))
// only when the module graph has no top-level await, which is why the core
// compiles synchronously (js/runtime/load-core.js). Each script runs in a
// fresh `node` from a temporary folder whose node_modules/atoll-store links
// to this repo, as an installed package would resolve.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let dir

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atoll-cjs-'))
  fs.mkdirSync(path.join(dir, 'node_modules'))
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'atoll-store'), 'dir')
  // A second, separate copy of the package (other files, so other module
  // instances), as when two bundles or two versions end up in one process.
  let copy = path.join(dir, 'copy')
  fs.mkdirSync(copy)
  fs.copyFileSync(path.join(root, 'package.json'), path.join(copy, 'package.json'))
  fs.cpSync(path.join(root, 'js'), path.join(copy, 'js'), { recursive: true })
})

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

// Runs `source` as dir/<file> in a new node (no flags); returns its JSON output.
function runScript(file, source) {
  fs.writeFileSync(path.join(dir, file), source)
  let result = spawnSync(process.execPath, [file], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NODE_OPTIONS: '' }
  })
  assert.equal(
    result.status,
    0,
    `node ${file} failed (${result.signal || `exit ${result.status}`}):\n${result.stderr}${result.stdout}`
  )
  // require(esm) must not warn either (Node 22.12 still called it experimental).
  assert.equal(result.stderr, '', `node ${file} wrote to stderr`)
  return JSON.parse(result.stdout)
}

test('require("atoll-store") from a .cjs file: atom, map, computed, batch, listen', () => {
  let out = runScript(
    'stores.cjs',
    `'use strict'
const atoll = require('atoll-store')
const { atom, map, computed, batch, AtollError } = atoll

const $count = atom(1)
const $user = map({ name: 'Ada' })
const $label = computed([$count, $user], (count, user) => user.name + ':' + count)
const heard = []
const unlisten = $label.listen(value => heard.push(value))
batch(() => {
  $count.set(2)
  $user.setKey('name', 'Grace')
})
$count.set(3)
unlisten()
$count.set(4)

let error
try {
  $count.listen('not a function')
} catch (e) {
  error = { isAtollError: e instanceof AtollError, code: e.code }
}

console.log(JSON.stringify({
  exports: typeof atom + ',' + typeof map + ',' + typeof computed + ',' + typeof batch,
  label: $label.get(),
  user: $user.get(),
  heard,
  error
}))
`
  )
  assert.deepEqual(out, {
    exports: 'function,function,function,function',
    label: 'Grace:4',
    user: { name: 'Grace' },
    // one notification for the batch, one for the set after it, none after unlisten
    heard: ['Grace:2', 'Grace:3'],
    error: { isAtollError: true, code: 'ATOLL_NOT_A_FUNCTION' }
  })
})

test('require("atoll-store/persistent") loads without a browser', () => {
  let out = runScript(
    'persistent.cjs',
    `'use strict'
const { atom, map } = require('atoll-store')
const { persist } = require('atoll-store/persistent')

// No localStorage in Node: persist() without a storage does nothing.
const $plain = atom('initial', { name: 'cjs/plain' })
const stop = persist($plain)
$plain.set('changed')

// Any Web Storage-like object works.
const items = new Map([['cjs/cart', JSON.stringify({ mug: 2 })]])
const storage = {
  getItem: key => (items.has(key) ? items.get(key) : null),
  setItem: (key, value) => items.set(key, String(value)),
  removeItem: key => items.delete(key)
}
const $cart = map({}, { name: 'cjs/cart' })
persist($cart, { storage })
const restored = { ...$cart.get() }
$cart.setKey('tee', 1)

console.log(JSON.stringify({
  hasLocalStorage: typeof localStorage !== 'undefined',
  stop: typeof stop,
  plain: $plain.get(),
  restored,
  saved: JSON.parse(items.get('cjs/cart'))
}))
`
  )
  assert.deepEqual(out, {
    hasLocalStorage: false,
    stop: 'function',
    plain: 'changed',
    restored: { mug: 2 },
    saved: { mug: 2, tee: 1 }
  })
})

// One process, two module systems, two copies: the CJS require of the
// installed package and the ESM import of a separate copy must share one
// runtime (globalThis), whichever loads first.
const sharedRuntime = (first, second) => `
const a = ${first}
const b = ${second}
const heard = []
const $fromA = a.atom(0, { name: 'shared/count' })
const $fromB = b.atom(0, { name: 'shared/count' })
$fromA.listen(value => heard.push(value))
$fromA.set(5)
const seenByB = $fromB.get()
$fromB.set(7)
const $mapA = a.map({}, { name: 'shared/map' })
b.map({}, { name: 'shared/map' }).setKey('k', 'v')
console.log(JSON.stringify({
  separateCopies: a.atom !== b.atom,
  sameStore: $fromA === $fromB,
  seenByB,
  seenByA: $fromA.get(),
  heard,
  map: $mapA.get(),
  runtimes: Object.getOwnPropertySymbols(globalThis).filter(s => s.description === 'atoll-store.runtime').length
}))
`
const SHARED_EXPECTED = {
  separateCopies: true,
  sameStore: true,
  seenByB: 5,
  seenByA: 7,
  heard: [5, 7],
  map: { k: 'v' },
  runtimes: 1
}

test('the CJS require and an ESM import of another copy share one runtime (CJS first)', () => {
  let out = runScript(
    'shared-cjs-first.cjs',
    `'use strict'
const path = require('node:path')
const { pathToFileURL } = require('node:url')
import(pathToFileURL(path.join(__dirname, 'copy', 'js', 'index.js')).href).then(esm => {
  ${sharedRuntime("require('atoll-store')", 'esm')}
})
`
  )
  assert.deepEqual(out, SHARED_EXPECTED)
})

test('the CJS require and an ESM import of another copy share one runtime (ESM first)', () => {
  let out = runScript(
    'shared-esm-first.mjs',
    `import * as esm from './copy/js/index.js'
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
${sharedRuntime('esm', "require('atoll-store')")}
`
  )
  assert.deepEqual(out, SHARED_EXPECTED)
})

test('import and require of the same package in one process give one store', () => {
  let out = runScript(
    'same-package.cjs',
    `'use strict'
const cjs = require('atoll-store')
import('atoll-store').then(esm => {
  const $a = cjs.atom('a', { name: 'same/package' })
  esm.atom('a', { name: 'same/package' }).set('set through import()')
  console.log(JSON.stringify({ value: $a.get() }))
})
`
  )
  assert.deepEqual(out, { value: 'set through import()' })
})
