// Loads the wasm modules. Browsers stream them from URLs next to the package
// files (bundlers rewrite the `new URL('…', import.meta.url)` literals to the
// emitted assets); Node, and DOM emulations in Node (jsdom, happy-dom), read
// them from disk because fetch() cannot read file: URLs.
import { AtollError } from './errors.js'

// Bundlers (Vite, Astro) see this literal and emit the .wasm as an asset.
const CORE_URL = new URL('../wasm/atoll.wasm', import.meta.url)

// Under Node the file sits next to this module on disk. The path is spelled
// so that bundlers leave it alone: a test runner such as vitest with jsdom
// would otherwise rewrite it to an http: URL that nothing serves.
export let wasmUrl = (fileName, bundledUrl) => {
  let onDisk = new URL(['..', 'wasm', fileName].join('/'), import.meta.url)
  return onDisk.protocol === 'file:' ? onDisk : bundledUrl
}

let readFromDisk = async url => {
  // getBuiltinModule keeps `node:fs` out of browser bundles; the dynamic
  // import is the fallback for Node versions without it.
  let fs =
    (globalThis.process && process.getBuiltinModule && process.getBuiltinModule('node:fs/promises')) ||
    (await import(/* @vite-ignore */ ['node', 'fs/promises'].join(':')))
  return fs.readFile(url)
}

let instantiate = async (url, imports) => {
  if (url.protocol === 'file:') return WebAssembly.instantiate(await readFromDisk(url), imports)
  let response = await fetch(url, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim())
  if (WebAssembly.instantiateStreaming) {
    try {
      return await WebAssembly.instantiateStreaming(response.clone(), imports)
    } catch {
      // A server without the application/wasm MIME type: compile from bytes.
    }
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports)
}

let wasmError = (url, error) =>
  new AtollError(
    'ATOLL_WASM_LOAD',
    `could not load the WebAssembly module ${url.href}: ${error && error.message ? error.message : error}`,
    { cause: error }
  )

// The store core has no Emscripten glue: its few imports are answered here.
// It never writes to files; the WASI calls exist only on libc's abort path.
const ENOSYS = 52
let coreImports = () => ({
  env: {
    // The engine notices a grown memory itself (detached views).
    emscripten_notify_memory_growth() {}
  },
  wasi_snapshot_preview1: {
    proc_exit(code) {
      throw new AtollError('ATOLL_CORE_ABORT', `the wasm core stopped (exit code ${code})`)
    },
    fd_write: () => ENOSYS,
    fd_close: () => ENOSYS,
    fd_seek: () => ENOSYS
  }
})

// Resolves to the core's exports, initialized.
export let loadCore = async (url = wasmUrl('atoll.wasm', CORE_URL)) => {
  let exports
  try {
    exports = (await instantiate(url, coreImports())).instance.exports
  } catch (error) {
    throw wasmError(url, error)
  }
  exports._initialize()
  return exports
}

// Resolves to a ready Emscripten (MODULARIZE) module whose wasm is at `url`.
// The factory's own promise never settles when instantiation fails, so
// failures reject from the hook itself.
export let loadEmscripten = (factory, url) =>
  new Promise((resolve, reject) => {
    let fail = error => reject(wasmError(url, error))
    factory({
      instantiateWasm(imports, receive) {
        instantiate(url, imports).then(result => receive(result.instance), fail)
        return {}
      }
    }).then(resolve, fail)
  })
