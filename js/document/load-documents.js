// The document module (atoll-document.wasm: nlohmann/json behind embind),
// loaded once per page when the first document feature is imported, and
// shared on globalThis like the runtime.
import createAtollDocumentModule from '../wasm/atoll-document.mjs'
import { loadEmscripten, wasmUrls } from '../runtime/load-wasm.js'

const BUNDLED_URL = new URL('../wasm/atoll-document.wasm', import.meta.url)
const KEY = Symbol.for('atoll-store.documents')

let shared = globalThis[KEY]
if (!shared) {
  shared = globalThis[KEY] = loadEmscripten(
    createAtollDocumentModule,
    wasmUrls('atoll-document.wasm', BUNDLED_URL)
  )
  shared.catch(() => {
    if (globalThis[KEY] === shared) delete globalThis[KEY]
  })
}

export const documents = await shared
