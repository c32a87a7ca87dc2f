// Memory per store: 100k atoms, 100k maps (3 keys) and 100k computeds (each
// over its own atom, mounted by one listener) on nanostores, atoll-store and
// alien-signals. `node tests/bench/memory.js`; run.js prints it too (through
// graph/run.js).
//
// Every measurement runs in its own child, `node --expose-gc memory.js child
// <lib> <kind>`: create 1000 stores (kept) so code and tables are warm, gc(),
// read process.memoryUsage().heapUsed and, for atoll-store, the byte length of
// the core's wasm memory; create 100k stores, kept alive in an array allocated
// before the first reading, gc() again, read both again. Bytes per store =
// growth / 100k. The wasm memory grows by whole pages (and Emscripten grows it
// ahead of need), so its figure is what the page pays, an upper bound on what
// the core uses.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { printTable } from './graph/table.js'

const N = 100_000
const WARM = 1000
const SELF = fileURLToPath(import.meta.url)

const KINDS = {
  atom: 'atom',
  map: 'map (3 keys)',
  computed: 'computed over an atom + listener'
}

// How each library makes one store of a kind; null: no such store.
const MAKERS = {
  nanostores: nanoStyle,
  atoll: nanoStyle,
  'alien-signals': ({ signal, computed, effect }) => ({
    atom: i => signal(i),
    map: null, // no map store (a signal holding an object is the atom case)
    // The effect is alien-signals' listener; it runs once at creation.
    computed: i => {
      let a = signal(i)
      let c = computed(() => a() + 1)
      effect(() => {
        c()
      })
      return c
    }
  })
}

function nanoStyle({ atom, map, computed }) {
  let listener = () => {}
  let add = x => x + 1
  return {
    atom: i => atom(i),
    map: i => map({ a: i, b: i + 1, c: i + 2 }),
    computed: i => {
      let c = computed(atom(i), add)
      c.listen(listener)
      return c
    }
  }
}

const IMPORTS = {
  nanostores: () => import('nanostores'),
  atoll: () => import('atoll-store'),
  'alien-signals': () => import('alien-signals')
}

async function child(libName, kind) {
  let make = MAKERS[libName](await IMPORTS[libName]())[kind]
  let engine = globalThis[Symbol.for('atoll-store.runtime')]
  let wasm = () => (engine ? engine.raw.memory.buffer.byteLength : 0)
  let warm = new Array(WARM).fill(null)
  let keep = new Array(N).fill(null)
  for (let i = 0; i < WARM; i++) warm[i] = make(i)
  let settle = () => {
    for (let i = 0; i < 4; i++) global.gc()
  }
  settle()
  let heap0 = process.memoryUsage().heapUsed
  let wasm0 = wasm()
  for (let i = 0; i < N; i++) keep[i] = make(i)
  settle()
  let heap1 = process.memoryUsage().heapUsed
  let wasm1 = wasm()
  // Still alive here: the stores were measured while reachable.
  if (keep[N - 1] === null || warm[0] === null) throw new Error('lost the stores')
  console.log(JSON.stringify({ heap: (heap1 - heap0) / N, wasm: (wasm1 - wasm0) / N, wasmTotal: wasm1 }))
}

function measure(libName, kind) {
  if (!MAKERS[libName]({ atom() {}, map() {}, computed() {}, signal() {}, effect() {} })[kind]) return null
  let r = spawnSync(process.execPath, ['--expose-gc', SELF, 'child', libName, kind], { encoding: 'utf8' })
  let last = r.stdout.trim().split('\n').pop()
  try {
    return JSON.parse(last)
  } catch {
    return new Error((r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(0, 3).join(' '))
  }
}

export async function runMemory() {
  let started = performance.now()
  let libs = Object.keys(MAKERS)
  let rows = [
    [
      'bytes per store (100k)',
      'nanostores heap',
      'atoll heap',
      'atoll wasm',
      'atoll total',
      'alien-signals heap',
      'atoll/nano',
      'atoll/alien'
    ]
  ]
  let errors = []
  for (let [kind, label] of Object.entries(KINDS)) {
    let [n, a, al] = libs.map(lib => measure(lib, kind))
    libs.forEach((lib, i) => {
      let r = [n, a, al][i]
      if (r instanceof Error) errors.push(`${label} [${lib}]: ${r.message}`)
    })
    let ok = r => r && !(r instanceof Error)
    let b = v => v.toFixed(0)
    let atollTotal = ok(a) ? a.heap + a.wasm : null
    rows.push([
      label,
      ok(n) ? b(n.heap) : n ? 'error' : 'n/a',
      ok(a) ? b(a.heap) : 'error',
      ok(a) ? b(a.wasm) : 'error',
      ok(a) ? b(atollTotal) : 'error',
      ok(al) ? b(al.heap) : al ? 'error' : 'n/a',
      ok(a) && ok(n) ? (atollTotal / n.heap).toFixed(2) : '-',
      ok(a) && ok(al) ? (atollTotal / al.heap).toFixed(2) : '-'
    ])
  }
  console.log('\nMemory per store, tests/bench/memory.js (node --expose-gc, one child per cell)')
  printTable(rows)
  console.log(
    "heap: process.memoryUsage().heapUsed growth after gc(); wasm: growth of the core's memory (whole pages).\n" +
      'computed rows count the atom, the computed and the listener (alien-signals: signal, computed, effect).'
  )
  for (let e of errors) console.log('error: ' + e)
  console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`)
}

if (process.argv[2] === 'child') await child(process.argv[3], process.argv[4])
else if (process.argv[1] === SELF) await runMemory()
