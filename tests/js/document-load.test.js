// Atoll-only: no feature makes a page wait for the document module
// (atoll-document.wasm). Each check runs in a fresh Node process that records
// every module it loads and every file it reads, so nothing loaded by other
// test files can hide or fake a load.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

// Runs `body` (an async function's source, given `record`) in a new process
// and returns what it recorded: modules loaded, files read, its own result.
function inFreshProcess(body) {
  let script = `
    import { registerHooks } from 'node:module'
    let modules = []
    let sources = {}
    registerHooks({
      load(url, context, nextLoad) {
        let result = nextLoad(url, context)
        modules.push(url)
        if (url.startsWith('file:') && result.source) sources[url] = String(result.source)
        return result
      }
    })
    let reads = []
    let fs = process.getBuiltinModule('node:fs/promises')
    let readFile = fs.readFile
    fs.readFile = (file, ...rest) => (reads.push(String(file)), readFile(file, ...rest))
    let result = await (${body})()
    process.stdout.write(JSON.stringify({ modules, sources, reads, result }))
  `
  let out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT })
  return JSON.parse(out)
}

let documentFiles = list => list.filter(item => item.includes('atoll-document'))

test('importing and using persistent, sync, snapshot and document loads no document wasm', () => {
  let { modules, sources, reads, result } = inFreshProcess(`async () => {
    let { map } = await import('atoll-store')
    let { persist } = await import('atoll-store/persistent')
    let { syncTabs } = await import('atoll-store/sync')
    let { snapshot, restore } = await import('atoll-store/snapshot')
    let { documentOf } = await import('atoll-store/document')
    let items = new Map()
    let storage = { getItem: k => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: k => items.delete(k) }
    let $cart = map({}, { name: 'cart' })
    persist($cart, { storage })
    let stop = syncTabs($cart)
    $cart.setKey('mug', { quantity: 1 })
    $cart.set({ cap: { quantity: 2 } })
    restore(snapshot(['cart']))
    stop()
    return {
      saved: items.get('cart'),
      doc: documentOf($cart),
      loaded: Symbol.for('atoll-store.documents') in globalThis
    }
  }`)
  assert.deepEqual(result, { saved: '{"cap":{"quantity":2}}', doc: '{"cap":{"quantity":2}}', loaded: false })
  assert.deepEqual(documentFiles(modules), [], 'the glue atoll-document.mjs was never imported')
  assert.deepEqual(documentFiles(reads), [], 'atoll-document.wasm was never read')
  // (The next test shows the same recording does see the module when a patch loads it.)

  // No top-level await in the feature modules' own files (the runtime's one,
  // for the store core, is the only wait a page has). A top-level statement
  // here starts at column 0; an await inside a function is indented.
  let features = Object.keys(sources).filter(url =>
    /\/js\/(document|persistent|sync|snapshot|json)\//.test(url)
  )
  assert.ok(features.length >= 8, `feature files seen: ${features.length}`)
  for (let url of features) {
    assert.doesNotMatch(sources[url], /^(?![\s/*]).*\bawait\b/m, `${url} has a top-level await`)
  }
})

test('the document module loads on the first patch, once, and loadDocuments() preloads it', () => {
  let { modules, reads, result } = inFreshProcess(`async () => {
    let { createPatch, loadDocuments } = await import('atoll-store/document')
    let before = Symbol.for('atoll-store.documents') in globalThis
    await Promise.all([loadDocuments(), loadDocuments()])
    let patch = await createPatch({ a: 1 }, { a: 2 })
    return { before, after: Symbol.for('atoll-store.documents') in globalThis, patch }
  }`)
  assert.deepEqual(result, {
    before: false,
    after: true,
    patch: [{ op: 'replace', path: '/a', value: 2 }]
  })
  assert.equal(documentFiles(modules).length, 1)
  assert.equal(documentFiles(reads).length, 1)
})
