// Loads the document module's wasm (the store core is inlined: see
// load-core.js). Browsers stream it from a URL next to the package files
// (bundlers rewrite the `new URL('…', import.meta.url)` literal to the emitted
// asset); Node, and DOM emulations in Node (jsdom, happy-dom), read it from
// disk because fetch() cannot read file: URLs.
import { AtollError } from './errors.js'

let nodeBuiltin = name =>
  globalThis.process && process.getBuiltinModule ? process.getBuiltinModule(name) : undefined

// Where a .wasm may be, first to last. In a browser: the URL the bundler
// rewrote. Under Node (and DOM emulations in Node): on disk next to this
// module, spelled so bundlers leave it alone (a test runner such as vitest
// with jsdom would otherwise rewrite it to an http: URL nothing serves); then
// in the installed package, for server builds that bundle this module into
// a chunk far from its .wasm (Astro bundles packages that peer-depend on
// svelte or solid-js, and does not copy the .wasm for them).
export let wasmUrls = (fileName, bundledUrl) => {
  let onDisk = new URL(['..', 'wasm', fileName].join('/'), import.meta.url)
  if (onDisk.protocol !== 'file:') return [bundledUrl]
  let urls = [onDisk]
  if (bundledUrl.protocol === 'file:' && bundledUrl.href !== onDisk.href) urls.push(bundledUrl)
  let moduleApi = nodeBuiltin('node:module')
  let urlApi = nodeBuiltin('node:url')
  if (moduleApi && urlApi) {
    try {
      let manifest = moduleApi.createRequire(import.meta.url).resolve('atoll-store/package.json')
      let installed = new URL(`js/wasm/${fileName}`, urlApi.pathToFileURL(manifest))
      if (!urls.some(url => url.href === installed.href)) urls.push(installed)
    } catch {
      // Not resolvable from here: the earlier places are all there is.
    }
  }
  return urls
}

let readFromDisk = async url => {
  // getBuiltinModule keeps `node:fs` out of browser bundles; the dynamic
  // import is the fallback for Node versions without it.
  let fs =
    nodeBuiltin('node:fs/promises') || (await import(/* @vite-ignore */ ['node', 'fs/promises'].join(':')))
  return fs.readFile(url)
}

// Instantiates the first of `urls` that can be read; a failure names the
// first place (where the file belongs) and why it failed.
let instantiateFirst = async (urls, imports) => {
  let firstError
  for (let url of urls) {
    try {
      return await instantiate(url, imports)
    } catch (error) {
      firstError ||= error
      if (error.code !== 'ENOENT') break
    }
  }
  throw wasmError(urls[0], firstError)
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

// The message says what to do for the two failures a page can fix: a file
// that is not where the module looks (a copy of the package, or a bundle,
// without it) and a Content-Security-Policy without 'wasm-unsafe-eval'.
let wasmError = (url, error) => {
  let why = String(error && error.message ? error.message : error)
  let file = url.pathname.split('/').pop()
  let advice = ''
  if (/\b404\b|ENOENT|Failed to fetch|NetworkError/i.test(why)) {
    advice =
      `. ${file} must be served at that URL, next to the module that loads it: it is ` +
      `js/wasm/${file} in the package (copy it with the js/ folder; bundlers emit it as an asset)`
  } else if (/unsafe-eval|Content Security|CSP/i.test(why)) {
    advice = `. The page must allow WebAssembly: add 'wasm-unsafe-eval' to the script-src of its Content-Security-Policy`
  }
  return new AtollError(
    'ATOLL_WASM_LOAD',
    `could not load the WebAssembly module ${url.href}: ${why.replace(/\.$/, '')}${advice}`,
    { cause: error }
  )
}

// Resolves to a ready Emscripten (MODULARIZE) module whose wasm is at the
// first readable of `urls`. The factory's own promise never settles when
// instantiation fails, so failures reject from the hook itself.
export let loadEmscripten = (factory, urls) =>
  new Promise((resolve, reject) => {
    factory({
      instantiateWasm(imports, receive) {
        instantiateFirst(urls, imports).then(result => receive(result.instance), reject)
        return {}
      }
    }).then(resolve, error => reject(wasmError(urls[0], error)))
  })
