// Benchmark: Atoll against Nano Stores, same workloads in one process.
// `node tests/bench/run.js` from the repo root. Reports only; always exits 0.
// `--only <text>`: just the workloads whose name holds <text>, and no size,
// graph or memory tables (a workload measured alone: V8 has then seen fewer
// store shapes at the shared call sites than in the full run).
// `--atoll <dir>`: the atoll-store of another checkout, built (its
// js/index.js), e.g. an older commit in a git worktree, measured with
// today's workloads in today's order; no size, graph or memory tables.
import * as nano from 'nanostores'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { compare, sink } from './measure.js'
import { measureSizes, sizeTable } from '../size/measure.js'
import { workloads } from './workloads.js'

// A failure to load atoll-store is reported, not fatal.
let atollAt = process.argv.indexOf('--atoll')
let atollEntry =
  atollAt < 0 ? 'atoll-store' : pathToFileURL(path.resolve(process.argv[atollAt + 1], 'js/index.js')).href
let atoll = await import(atollEntry).catch(e => e)

const setup = (w, lib) => {
  if (lib instanceof Error) return lib
  try {
    return w.setup(lib)
  } catch (e) {
    return e
  }
}

const fmtNs = v => (v instanceof Error ? 'error' : v < 100 ? v.toFixed(1) : v.toFixed(0))
const errors = []

let onlyAt = process.argv.indexOf('--only')
let only = onlyAt < 0 ? undefined : process.argv[onlyAt + 1]
let chosen = only === undefined ? workloads : workloads.filter(w => w.name.includes(only))

let rows = [['workload', 'nanostores ns/op', 'atoll ns/op', 'ratio (atoll/nano)', 'target', 'ok?']]
for (let w of chosen) {
  let [n, a] = compare([setup(w, nano), setup(w, atoll)])
  for (let [lib, r] of [
    ['nanostores', n],
    ['atoll', a]
  ]) {
    if (r instanceof Error && r !== atoll) errors.push(`${w.name} [${lib}]: ${r.message}`)
  }
  let ratio = typeof n === 'number' && typeof a === 'number' ? a / n : null
  let ok = ratio === null ? '-' : ratio <= w.target ? 'yes' : 'NO'
  rows.push([
    w.name,
    fmtNs(n),
    fmtNs(a),
    ratio === null ? '-' : ratio.toFixed(2),
    '<= ' + w.target.toFixed(1),
    ok
  ])
}

let widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
let line = r =>
  '| ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ') + ' |'
console.log(line(rows[0]))
console.log(
  '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|'
)
for (let r of rows.slice(1)) console.log(line(r))

if (atoll instanceof Error) console.log(`\natoll-store failed to load: ${atoll.message}`)
for (let e of errors) console.log('error: ' + e)
console.log(
  `\nNode ${process.version} | ${os.cpus()[0]?.model} x${os.cpus().length} | ${new Date().toISOString()}`
)
console.log(`median of rounds after warm-up (checksum ${sink % 1000})\n`)

if (atollAt >= 0) console.log(`atoll-store from ${atollEntry}\n`)
if (only === undefined && atollAt < 0) await rest()

async function rest() {
  console.log('\nSize: esbuild bundle+minify (esm, browser), gzip -9 (tests/size/measure.js)')
  console.log(await measureSizes().then(sizeTable, e => 'size report failed: ' + e.message))

  // Graph workloads against nanostores and alien-signals, then memory per store
  // (also `npm run bench:graph` alone).
  await import('./graph/run.js')
    .then(m => m.runGraph())
    .catch(e => console.log('\ngraph benchmark failed: ' + e.message))
}
// No process.exit(): it would cut output still queued for a pipe (`npm run bench | tee`).
