// The document module measured against plain JS, in one run:
//   node tests/bench/document.js      (npm run bench:document)
// For createPatch and applyPatch on three documents (a 20-item cart, a
// 2000-key map, a deep object):
// - "atoll API": the public call, `await createPatch(from, to)` /
//   `await applyPatch(store, patch)`: the JSON check and JSON.stringify in JS,
//   the strings into wasm and back, nlohmann's parse/diff/apply/dump,
//   JSON.parse of the answer (and the store write);
// - "wasm call": the module's function alone on ready JSON text (the string
//   crossing both ways and the C++ work, nothing else);
// - "fast-json-patch": the plain-JS library (3.1.1, pinned): compare(from, to),
//   and applyPatch(value, patch, validate, no mutation) + the same store set.
// Times are medians of alternating rounds, in µs per call. Then the bytes
// (gzip -9) of the module and of fast-json-patch bundled for a browser.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import jsonpatch from 'fast-json-patch'
import { atom } from 'atoll-store'
import { applyPatch, createPatch } from 'atoll-store/document'
import { documentModule } from '../../js/document/load-documents.js'

const ROUND_MS = 40
const ROUNDS = 9

// ---- documents: [from, to] ---------------------------------------------------
let cartItem = i => ({
  id: `item-${i}`,
  name: `Product number ${i}`,
  quantity: 1 + (i % 3),
  price: { value: 10 + i, currency: 'EUR' },
  tags: ['space', i % 2 ? 'even' : 'odd']
})
let cart = () => {
  let from = { items: Array.from({ length: 20 }, (_, i) => cartItem(i)), coupon: null, open: false }
  let to = structuredClone(from)
  to.items[3].quantity += 1
  to.items[11].quantity += 2
  to.items.splice(7, 1)
  to.items.push(cartItem(20))
  to.coupon = 'MOON10'
  return [from, to]
}

let bigMap = () => {
  let from = {}
  for (let i = 0; i < 2000; i++) from[`key-${i}`] = { quantity: i % 7, name: `Item ${i}` }
  let to = structuredClone(from)
  for (let i of [5, 400, 999, 1500, 1999]) to[`key-${i}`].quantity += 1
  delete to['key-10']
  delete to['key-11']
  to['key-new-1'] = { quantity: 1, name: 'New 1' }
  to['key-new-2'] = { quantity: 2, name: 'New 2' }
  return [from, to]
}

// 40 levels, each with a few fields and a small array beside the next level.
let deep = () => {
  let level = depth => ({
    depth,
    label: `level ${depth}`,
    flags: [depth % 2 === 0, depth % 3 === 0],
    next: depth < 40 ? level(depth + 1) : null
  })
  let from = level(0)
  let to = structuredClone(from)
  let node = to
  for (let i = 0; i < 20; i++) node = node.next
  node.label = 'changed in the middle'
  while (node.next) node = node.next
  node.flags.push(true)
  node.label = 'changed at the bottom'
  return [from, to]
}

const DOCUMENTS = [
  ['20-item cart', cart()],
  ['2000-key map', bigMap()],
  ['deep object (40 levels)', deep()]
]

// ---- timing ------------------------------------------------------------------
let sink = 0
let timeRound = async (run, n) => {
  let t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) sink += (await run()) ? 1 : 0
  return Number(process.hrtime.bigint() - t0) / 1e3 / n // µs per call
}

// Each contender is calibrated to ~ROUND_MS a round, warmed, then their rounds
// alternate so JIT state and machine drift hit all alike.
async function measure(contenders) {
  let runs = []
  for (let run of contenders) {
    let n = 1
    while ((await timeRound(run, n)) * n < (ROUND_MS * 1e3) / 8) n *= 2
    let us = await timeRound(run, n)
    runs.push({ run, n: Math.max(1, Math.round((ROUND_MS * 1e3) / us)), samples: [] })
  }
  for (let r of runs) await timeRound(r.run, r.n)
  for (let i = 0; i < ROUNDS; i++) for (let r of runs) r.samples.push(await timeRound(r.run, r.n))
  return runs.map(r => r.samples.sort((a, b) => a - b)[r.samples.length >> 1])
}

// ---- the table ---------------------------------------------------------------
let documents = await documentModule()
let rows = []
for (let [name, [from, to]] of DOCUMENTS) {
  let fromText = JSON.stringify(from)
  let toText = JSON.stringify(to)
  let patch = await createPatch(from, to)
  let patchText = JSON.stringify(patch)
  // Both engines must agree on what the patch does.
  let check = atom(from)
  await applyPatch(check, patch)
  if (JSON.stringify(check.get()) !== toText)
    throw new Error(`${name}: the C++ patch did not give the target`)
  let jsPatch = jsonpatch.compare(from, to)
  if (JSON.stringify(jsonpatch.applyPatch(structuredClone(from), jsPatch, true).newDocument) !== toText) {
    throw new Error(`${name}: the fast-json-patch patch did not give the target`)
  }

  let [api, wasm, js] = await measure([
    () => createPatch(from, to),
    () => documents.createPatch(fromText, toText).text.length,
    () => jsonpatch.compare(from, to)
  ])
  rows.push([name, 'createPatch', api, wasm, js, `${patch.length} ops (fast-json-patch: ${jsPatch.length})`])

  let $store = atom(from)
  ;[api, wasm, js] = await measure([
    () => ($store.set(from), applyPatch($store, patch)),
    () => documents.applyPatch(fromText, patchText).text.length,
    () => ($store.set(from), $store.set(jsonpatch.applyPatch(from, patch, true, false).newDocument))
  ])
  rows.push([name, 'applyPatch', api, wasm, js, `${patchText.length} B patch on ${fromText.length} B`])
}

let us = x => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0))
let faster = (a, b) => (a <= b ? `C++ ${(b / a).toFixed(1)}x faster` : `JS ${(a / b).toFixed(1)}x faster`)
console.log(
  '| document | job | atoll API (µs) | wasm call alone (µs) | fast-json-patch (µs) | API vs JS | size |'
)
console.log('| --- | --- | ---: | ---: | ---: | --- | --- |')
for (let [name, job, api, wasm, js, note] of rows) {
  console.log(`| ${name} | ${job} | ${us(api)} | ${us(wasm)} | ${us(js)} | ${faster(api, js)} | ${note} |`)
}

// ---- bytes -------------------------------------------------------------------
let gz = bytes => gzipSync(bytes, { level: 9 }).length
let kb = bytes => `${(bytes / 1024).toFixed(1)} KB`
let file = name => readFileSync(new URL(`../../js/wasm/${name}`, import.meta.url))
let wasmBytes = file('atoll-document.wasm')
let glueBytes = file('atoll-document.mjs')
let fjp = await build({
  stdin: { contents: "export { compare, applyPatch } from 'fast-json-patch'", resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'silent'
})
let fjpBytes = fjp.outputFiles[0].contents
console.log()
console.log(
  `atoll-document.wasm ${kb(wasmBytes.length)} (gzip -9 ${kb(gz(wasmBytes))}), ` +
    `atoll-document.mjs ${kb(glueBytes.length)} (gzip -9 ${kb(gz(glueBytes))}): ` +
    `${kb(gz(wasmBytes) + gz(glueBytes))} gzip in all, loaded on the first patch`
)
console.log(
  `fast-json-patch (compare + applyPatch, esbuild --minify) ${kb(fjpBytes.length)} (gzip -9 ${kb(gz(fjpBytes))})`
)
if (sink < 0) console.log(sink)
