// The document module (atoll-document.wasm: nlohmann/json behind embind),
// loaded on demand. Nothing imports its glue statically: the first call that
// needs it (createPatch, applyPatch, loadDocuments) imports and instantiates
// it, so no page waits for it before its islands hydrate. One load per page,
// shared on globalThis like the runtime, whichever copy of the package asks.
import { AtollError } from '../runtime/errors.js'
import { loadEmscripten, wasmUrls } from '../runtime/load-wasm.js'

const KEY = Symbol.for('atoll-store.documents')

// Where the .wasm is, from this module's URL. Bundlers see the literal and
// emit the .wasm as an asset; making the URL fetches nothing. It is made on
// the first call, not at import: a bundle in a classic-script format
// (esbuild --format=iife or cjs) has an empty import.meta, and
// `new URL(…, undefined)` at import time would break the whole bundle,
// documentOf() and the stores with it, with a bare "Invalid URL".
let bundledUrl = () => {
  if (typeof import.meta.url !== 'string') {
    throw new AtollError(
      'ATOLL_WASM_LOAD',
      'createPatch()/applyPatch() load atoll-document.wasm from next to their own ES module, ' +
        'but this copy of atoll-store/document was bundled into a classic script, which has no ' +
        'import.meta.url to find it by (esbuild --format=iife or cjs). Bundle it as an ES module ' +
        '(esbuild --format=esm, loaded with <script type="module">); the page\'s standalone ' +
        'builds (atoll-store/browser, atoll-store/browser/iife) do not include the document module'
    )
  }
  return new URL('../wasm/atoll-document.wasm', import.meta.url)
}

// Resolves to the module's embind functions.
export async function documentModule() {
  let shared = globalThis[KEY]
  if (!shared) {
    let url = bundledUrl() // throws (the call rejects) before anything is kept
    shared = globalThis[KEY] = import('../wasm/atoll-document.mjs').then(glue =>
      loadEmscripten(glue.default, wasmUrls('atoll-document.wasm', url))
    )
    // A failed load is not kept: the next call tries again.
    shared.catch(() => {
      if (globalThis[KEY] === shared) delete globalThis[KEY]
    })
  }
  return shared
}

// For pages that want the module ready before the first patch (say, once
// the islands have hydrated).
export async function loadDocuments() {
  await documentModule()
}
