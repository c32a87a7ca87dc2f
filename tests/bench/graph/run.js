// Graph benchmark: the kairo-shaped workloads of workloads.js on nanostores,
// atoll-store and alien-signals, in one process, then the memory table of
// ../memory.js. `npm run bench:graph` runs it alone; `npm run bench` runs it
// after its own tables. Reports only; never fails the process.
//
// For each workload: every library builds a fresh graph and runs 3 ops; the
// checksums must be equal (else an error line). Then the same graphs are
// timed by measure.js's compare(): calibrated rounds of ~60 ms, warm-up, 11
// rounds alternating between the libraries, median. The creation workloads
// use the same scheme with the event loop running between steps (compareAsync):
// atoll-store frees the core's half of a store from a FinalizationRegistry
// callback, which needs the event loop.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'

import { compare, compareAsync, ROUNDS, sink } from '../measure.js'
import { runMemory } from '../memory.js'
import { printTable } from './table.js'

const LIBS = [
  { name: 'nanostores', load: () => import('nanostores'), adapter: 'nanoStyle' },
  { name: 'atoll', load: () => import('atoll-store'), adapter: 'nanoStyle' },
  { name: 'alien-signals', load: () => import('alien-signals'), adapter: 'alienSignals' }
]

const VERIFY_OPS = 3

// compare() of measure.js with a turn of the event loop between rounds.
let fmtUs = ns => {
  if (typeof ns !== 'number') return 'error'
  let us = ns / 1000
  return us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0)
}
let fmtRatio = (a, b) => (typeof a === 'number' && typeof b === 'number' ? (a / b).toFixed(2) : '-')
let geomean = xs => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length)

export async function runGraph() {
  let started = performance.now()
  let errors = []
  // One copy of the adapter and workload modules per library (see adapters.js).
  for (let lib of LIBS) {
    try {
      let mod = await lib.load()
      let adapters = await import(`./adapters.js?lib=${lib.name}`)
      lib.bridge = adapters[lib.adapter](mod)
      lib.workloads = (await import(`./workloads.js?lib=${lib.name}`)).workloads
    } catch (e) {
      lib.error = e
      errors.push(`${lib.name} failed to load: ${e.message}`)
    }
  }
  let names = LIBS.find(lib => lib.workloads)?.workloads ?? []

  let rows = [
    ['workload (µs/op)', 'nanostores', 'atoll', 'alien-signals', 'atoll/nano', 'atoll/alien', 'checksum']
  ]
  let vsNano = []
  let vsAlien = []
  for (let k = 0; k < names.length; k++) {
    let { name, kairo } = names[k]
    let runs = LIBS.map(lib => {
      if (lib.error) return lib.error
      try {
        return lib.workloads[k].setup(lib.bridge)
      } catch (e) {
        return e
      }
    })
    let sums = runs.map((run, i) => {
      if (run instanceof Error) return run
      try {
        return run(VERIFY_OPS)
      } catch (e) {
        runs[i] = e
        return e
      }
    })
    runs.forEach((r, i) => {
      if (r instanceof Error && r !== LIBS[i].error) errors.push(`${name} [${LIBS[i].name}]: ${r.message}`)
    })
    let good = sums.filter(s => typeof s === 'number')
    let agree = good.length === LIBS.length && good.every(s => s === good[0])
    if (good.length > 1 && !agree) {
      errors.push(
        `${name}: checksums differ: ${LIBS.map((lib, i) => `${lib.name} ${sums[i] instanceof Error ? 'error' : sums[i]}`).join(', ')}`
      )
    }
    let [n, a, al] = names[k].async ? await compareAsync(runs) : compare(runs)
    if (kairo && typeof a === 'number') {
      if (typeof n === 'number') vsNano.push(a / n)
      if (typeof al === 'number') vsAlien.push(a / al)
    }
    rows.push([
      name + (kairo ? '' : ' *'),
      fmtUs(n),
      fmtUs(a),
      fmtUs(al),
      fmtRatio(a, n),
      fmtRatio(a, al),
      agree ? 'equal' : good.length > 1 ? 'DIFFER' : '-'
    ])
  }
  let kairoCount = names.filter(w => w.kairo).length
  rows.push([
    `geometric mean (${kairoCount} kairo-shaped)`,
    '',
    '',
    '',
    vsNano.length === kairoCount ? geomean(vsNano).toFixed(2) : '-',
    vsAlien.length === kairoCount ? geomean(vsAlien).toFixed(2) : '-',
    ''
  ])

  console.log('\nGraph workloads (kairo suite of js-reactivity-benchmark), tests/bench/graph/')
  printTable(rows)
  console.log(
    '* creation, not in the mean; one op = 10k stores. Each library runs the same fixed-dependency\n' +
      '  graph (see workloads.js); effects are listen() in the Nano Stores API, effect() in alien-signals.'
  )
  for (let e of errors) console.log('error: ' + e)
  let versions = ['nanostores', 'alien-signals'].map(p => {
    try {
      let url = new URL(`../../../node_modules/${p}/package.json`, import.meta.url)
      return `${p} ${JSON.parse(readFileSync(url, 'utf8')).version}`
    } catch {
      return p
    }
  })
  console.log(
    `${versions.join(', ')} | Node ${process.version} | ${os.cpus()[0]?.model} x${os.cpus().length} | ` +
      `median of ${ROUNDS} alternating rounds (checksum ${sink % 1000}) | ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s`
  )

  await runMemory()
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runGraph()
