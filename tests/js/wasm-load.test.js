// A store core that cannot start: the error says why (and what a page must
// allow), and the page can still load the runtime from a good copy afterwards.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let copyPackage = (dir, mutate) => {
  fs.cpSync(path.join(root, 'js'), path.join(dir, 'js'), { recursive: true })
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'))
  mutate(path.join(dir, 'js', 'wasm', 'core-hex.js'))
}

// Runs in a fresh Node process, so no runtime is registered yet.
let probe = (badDir, goodDir) => `
  let report = {}
  try {
    await import(${JSON.stringify(pathToFileURL(path.join(badDir, 'js/index.js')).href)})
  } catch (error) {
    report.bad = { name: error.name, code: error.code, message: error.message }
  }
  if (typeof WebAssembly === 'object') {
    let good = await import(${JSON.stringify(pathToFileURL(path.join(goodDir, 'js/index.js')).href)})
    let store = good.atom(1)
    store.set(2)
    report.afterwards = store.get()
  }
  console.log(JSON.stringify(report))
`

let run = (mutate, nodeFlags = []) => {
  let tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atoll-wasm-'))
  try {
    copyPackage(path.join(tmp, 'bad'), mutate)
    copyPackage(path.join(tmp, 'good'), () => {})
    let out = execFileSync(
      process.execPath,
      [...nodeFlags, '--input-type=module', '-e', probe(path.join(tmp, 'bad'), path.join(tmp, 'good'))],
      { encoding: 'utf8' }
    )
    return JSON.parse(out)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

test('a corrupt core gives ATOLL_WASM_LOAD with the compile error', () => {
  let report = run(file =>
    fs.writeFileSync(
      file,
      `export default ${JSON.stringify(Buffer.from('not wasm at all').toString('hex'))}\n`
    )
  )
  assert.equal(report.bad.name, 'AtollError')
  assert.equal(report.bad.code, 'ATOLL_WASM_LOAD')
  assert.match(report.bad.message, /could not start the wasm store core: .*(magic|expected)/i)
  assert.equal(report.afterwards, 2)
})

// --jitless turns WebAssembly off, as a Content-Security-Policy without
// 'wasm-unsafe-eval' does in a browser.
test('where WebAssembly is off, the error says what the page must allow', () => {
  let report = run(() => {}, ['--jitless'])
  assert.equal(report.bad.code, 'ATOLL_WASM_LOAD')
  assert.match(report.bad.message, /'wasm-unsafe-eval'.*Content-Security-Policy/)
})

// A copy of the package without atoll-document.wasm: the first patch says
// which file is missing and where it must be, and a later call tries again.
test('a missing atoll-document.wasm: createPatch rejects saying where the file must be', () => {
  let tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atoll-wasm-'))
  try {
    let dir = path.join(tmp, 'pkg')
    copyPackage(dir, () => {})
    let wasm = path.join(dir, 'js', 'wasm', 'atoll-document.wasm')
    fs.renameSync(wasm, `${wasm}.away`)
    let entry = pathToFileURL(path.join(dir, 'js/document/index.js')).href
    let script = `
      let { createPatch } = await import(${JSON.stringify(entry)})
      let report = {}
      try { await createPatch({ a: 1 }, { a: 2 }) } catch (error) {
        report.bad = { name: error.name, code: error.code, message: error.message }
      }
      process.getBuiltinModule('node:fs').renameSync(${JSON.stringify(`${wasm}.away`)}, ${JSON.stringify(wasm)})
      report.afterwards = await createPatch({ a: 1 }, { a: 2 })
      console.log(JSON.stringify(report))
    `
    let report = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    )
    assert.equal(report.bad.name, 'AtollError')
    assert.equal(report.bad.code, 'ATOLL_WASM_LOAD')
    assert.match(report.bad.message, /atoll-document\.wasm: ENOENT/)
    assert.match(
      report.bad.message,
      /must be served at that URL, next to the module that loads it: it is js\/wasm\/atoll-document\.wasm in the package/
    )
    assert.deepEqual(report.afterwards, [{ op: 'replace', path: '/a', value: 2 }])
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
})
