// Bundle sizes: esbuild (bundle, minify, esm, browser), then gzip -9.
// Run alone with `node tests/bench/size.js`; run.js prints it too.
import { build } from 'esbuild'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const WASM_DIR = join(ROOT, 'js/wasm')
const TARGET_KB = 24
const FRAMEWORKS = ['react', 'preact', 'vue', 'solid', 'svelte']
// Code a browser bundle never runs (Node-only paths of the loader) and the
// frameworks/store packages an adapter is measured without.
const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'url', 'module', 'crypto']
const PEERS = ['react', 'react-dom', 'preact', 'vue', 'solid-js', 'svelte']
const PEER_EXTERNAL = PEERS.flatMap(p => [p, p + '/*'])

const gz = buf => gzipSync(buf, { level: 9 }).length
const kb = bytes => (bytes / 1024).toFixed(2) + ' KB'
const B = bytes => bytes + ' B'

// Keeps the store core out of an adapter bundle: the bare 'atoll-store' and
// 'nanostores' (not their subpaths: 'atoll-store/react' is what is measured) and,
// for an atoll adapter, a relative import that leaves its folder (js/<fw>/).
function coreExternal(adapterDir) {
  return {
    name: 'core-external',
    setup(b) {
      b.onResolve({ filter: /^(atoll-store|nanostores)$/ }, args => ({ path: args.path, external: true }))
      b.onResolve({ filter: /^\.\.?\// }, args => {
        if (!adapterDir) return
        let target = resolve(args.resolveDir, args.path)
        if (relative(adapterDir, target).startsWith('..')) return { path: args.path, external: true }
      })
    }
  }
}

async function bundle(code, { external = [], plugins = [] } = {}) {
  let out = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external: [...NODE_BUILTINS, ...external],
    plugins
  })
  return out.outputFiles[0].text
}

const coreCode = lib => `export { atom, map, computed, batch } from '${lib}'`

// .wasm files of js/wasm/ that the bundle names (a SINGLE_FILE build names none).
function wasmFor(js) {
  if (!existsSync(WASM_DIR)) return []
  return readdirSync(WASM_DIR).filter(f => f.endsWith('.wasm') && js.includes(f))
}

async function coreSizes() {
  let nano = gz(await bundle(coreCode('nanostores')))
  let js = await bundle(coreCode('atoll-store'))
  let wasmFiles = wasmFor(js)
  let wasm = wasmFiles.reduce((sum, f) => sum + gz(readFileSync(join(WASM_DIR, f))), 0)
  return { nano, js: gz(js), wasm, wasmFiles, total: gz(js) + wasm }
}

async function adapterSize(fw, atoll) {
  if (atoll) {
    let dir = join(ROOT, 'js', fw)
    if (!existsSync(join(dir, 'index.js'))) return 'missing'
    let code = fw === 'svelte' ? `export * from 'atoll-store/svelte'` : `export { useStore } from 'atoll-store/${fw}'`
    return gz(await bundle(code, { external: PEER_EXTERNAL, plugins: [coreExternal(dir)] }))
  }
  if (fw === 'svelte') return 'n/a'
  let code = `export { useStore } from '@nanostores/${fw}'`
  return gz(await bundle(code, { external: PEER_EXTERNAL, plugins: [coreExternal(null)] }))
}

const show = (v, fmt = kb) => (typeof v === 'number' ? fmt(v) : v)
const tryIt = p => p.catch(e => 'error: ' + (e.errors?.[0]?.text || e.message).split('\n')[0])

export async function sizeReport() {
  let lines = ['Size: esbuild bundle+minify (esm, browser), gzip -9; 1 KB = 1024 B']
  let core = await tryIt(coreSizes())
  if (typeof core === 'string') {
    lines.push('core (atom, map, computed, batch): ' + core)
  } else {
    let ok = core.total <= TARGET_KB * 1024 ? 'yes' : 'NO'
    let wasmNote = core.wasmFiles.length ? ` (${core.wasmFiles.join(', ')})` : ' (no .wasm referenced)'
    lines.push(
      `core { atom, map, computed, batch }: nanostores ${kb(core.nano)} | atoll JS ${kb(core.js)}` +
        ` + wasm ${kb(core.wasm)}${wasmNote} = total ${kb(core.total)} | target <= ${TARGET_KB} KB | ok? ${ok}`
    )
  }
  lines.push('adapter (useStore; framework + store external) | @nanostores/<fw> | atoll-store/<fw>')
  for (let fw of FRAMEWORKS) {
    let [nano, atoll] = await Promise.all([tryIt(adapterSize(fw, false)), tryIt(adapterSize(fw, true))])
    lines.push(`  ${fw.padEnd(7)} | ${show(nano, B).padStart(16)} | ${show(atoll, B)}`)
  }
  return lines.join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await sizeReport())
}
