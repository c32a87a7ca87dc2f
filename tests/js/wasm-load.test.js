// A wasm file that fails to load: the error says which URL and why, and the
// page can still load the runtime from a good copy afterwards.
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
  mutate(path.join(dir, 'js', 'wasm', 'atoll.wasm'))
}

// Runs in a fresh Node process, so no runtime is registered yet.
let probe = (badDir, goodDir) => `
  let report = {}
  try {
    await import(${JSON.stringify(pathToFileURL(path.join(badDir, 'js/index.js')).href)})
  } catch (error) {
    report.bad = { name: error.name, code: error.code, message: error.message }
  }
  let good = await import(${JSON.stringify(pathToFileURL(path.join(goodDir, 'js/index.js')).href)})
  let store = good.atom(1)
  store.set(2)
  report.afterwards = store.get()
  console.log(JSON.stringify(report))
`

let run = mutate => {
  let tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atoll-wasm-'))
  try {
    copyPackage(path.join(tmp, 'bad'), mutate)
    copyPackage(path.join(tmp, 'good'), () => {})
    let out = execFileSync(process.execPath, ['--input-type=module', '-e', probe(path.join(tmp, 'bad'), path.join(tmp, 'good'))], { encoding: 'utf8' })
    return { report: JSON.parse(out), wasmUrl: pathToFileURL(path.join(tmp, 'bad/js/wasm/atoll.wasm')).href }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

test('a missing .wasm gives ATOLL_WASM_LOAD naming the URL and the reason', () => {
  let { report, wasmUrl } = run(file => fs.rmSync(file))
  assert.equal(report.bad.name, 'AtollError')
  assert.equal(report.bad.code, 'ATOLL_WASM_LOAD')
  assert.ok(report.bad.message.includes(wasmUrl), report.bad.message)
  assert.match(report.bad.message, /ENOENT|no such file/)
  assert.equal(report.afterwards, 2)
})

test('a corrupt .wasm gives ATOLL_WASM_LOAD with the compile error', () => {
  let { report, wasmUrl } = run(file => fs.writeFileSync(file, 'not wasm at all'))
  assert.equal(report.bad.code, 'ATOLL_WASM_LOAD')
  assert.ok(report.bad.message.includes(wasmUrl), report.bad.message)
  assert.match(report.bad.message, /CompileError|magic|expected/i)
  assert.equal(report.afterwards, 2)
})
