// The document module (atoll-document.wasm: nlohmann/json behind embind),
// loaded on demand. Nothing imports its glue statically: the first call that
// needs it (createPatch, applyPatch, loadDocuments) imports and instantiates
// it, so no page waits for it before its islands hydrate. One load per page,
// shared on globalThis like the runtime, whichever copy of the package asks.
import { loadEmscripten, wasmUrls } from '../runtime/load-wasm.js'

// Bundlers see this literal and emit the .wasm as an asset; making the URL
// fetches nothing.
const BUNDLED_URL = new URL('../wasm/atoll-document.wasm', import.meta.url)
const KEY = Symbol.for('atoll-store.documents')

// Resolves to the module's embind functions.
export async function documentModule() {
  let shared = globalThis[KEY]
  if (!shared) {
    shared = globalThis[KEY] = import('../wasm/atoll-document.mjs').then(glue =>
      loadEmscripten(glue.default, wasmUrls('atoll-document.wasm', BUNDLED_URL))
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
