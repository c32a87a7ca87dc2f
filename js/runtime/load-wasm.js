// Loads and instantiates the wasm core. Browsers stream it from the URL next
// to this file (bundlers rewrite the `new URL(..., import.meta.url)` below to
// the emitted asset); Node, and DOM emulations in Node (jsdom, happy-dom),
// read it from disk because fetch() cannot read file: URLs.
import createAtollModule from '../wasm/atoll.mjs'
import { AtollError } from './errors.js'

// Bundlers (Vite, Astro) see this literal and emit the .wasm as an asset.
const BUNDLED_URL = new URL('../wasm/atoll.wasm', import.meta.url)

// Under Node the file sits next to this module on disk. The path is spelled
// so that bundlers leave it alone: a test runner such as vitest with jsdom
// would otherwise rewrite it to an http: URL that nothing serves.
let defaultUrl = () => {
  let onDisk = new URL(['..', 'wasm', 'atoll.wasm'].join('/'), import.meta.url)
  return onDisk.protocol === 'file:' ? onDisk : BUNDLED_URL
}

let readFromDisk = async url => {
  // getBuiltinModule keeps `node:fs` out of browser bundles; the dynamic
  // import is the fallback for Node versions without it.
  let fs =
    (globalThis.process && process.getBuiltinModule && process.getBuiltinModule('node:fs/promises')) ||
    (await import(/* @vite-ignore */ ['node', 'fs/promises'].join(':')))
  return fs.readFile(url)
}

let fetchBinary = async url => {
  let response = await fetch(url, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`)
  return response
}

let instantiate = async (url, imports) => {
  if (url.protocol === 'file:') return WebAssembly.instantiate(await readFromDisk(url), imports)
  let response = await fetchBinary(url)
  if (WebAssembly.instantiateStreaming) {
    try {
      return await WebAssembly.instantiateStreaming(response.clone(), imports)
    } catch {
      // A server without the application/wasm MIME type: compile from bytes.
    }
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports)
}

// Resolves to the ready Emscripten module. The factory's own promise never
// settles when instantiation fails, so failures reject from the hook itself.
export let loadWasm = (url = defaultUrl()) =>
  new Promise((resolve, reject) => {
    let fail = error => reject(wasmError(url, error))
    createAtollModule({
      instantiateWasm(imports, receive) {
        instantiate(url, imports).then(result => receive(result.instance), fail)
        return {}
      }
    }).then(resolve, fail)
  })

let wasmError = (url, error) =>
  new AtollError(
    'ATOLL_WASM_LOAD',
    `could not load the WebAssembly core from ${url.href}: ${error && error.message ? error.message : error}`,
    { cause: error }
  )
