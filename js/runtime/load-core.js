// Instantiates the store core. Its wasm (8 KB) is inlined in this package as
// hex (js/wasm/core-hex.js, written by the CMake build; hex compresses far
// better than base64, see CMakeLists.txt) and compiled synchronously, so:
// - nothing waits for a second request: the core arrives with the first
//   store chunk and is ready when the chunk runs (no top-level await);
// - `require('atoll-store')` works from CommonJS, and a worker bundled as a
//   classic script (Vite's default) can import the package.
// Browsers allow synchronous compiles of modules far larger than this on the
// main thread (Chrome: up to 8 MB). A page's Content-Security-Policy must
// allow wasm ('wasm-unsafe-eval' in script-src), as for any wasm.
import CORE_HEX from '../wasm/core-hex.js'
import { AtollError } from './errors.js'

// The core has no Emscripten JS glue: its few imports are answered here.
let imports = {
  env: {
    // The engine notices a grown memory itself (detached views).
    emscripten_notify_memory_growth() {}
  },
  wasi_snapshot_preview1: {
    // Reached only if the core aborts (e.g. out of memory).
    proc_exit(code) {
      throw new AtollError('ATOLL_CORE_ABORT', `the wasm core stopped (exit code ${code})`)
    }
  }
}

// Bytes from hex. The browser's own Uint8Array.fromHex (Chrome 140+,
// Firefox 133+, Safari 18.2+) takes next to nothing for the 8 KB; elsewhere
// (Node 22, older browsers) the fallback takes about 1 ms, once. It is the
// shortest one, for the core entry's size budget: a loop is 0.5 ms faster
// and 28 B more gzip.
let fromHex = hex =>
  Uint8Array.fromHex ? Uint8Array.fromHex(hex) : Uint8Array.from(hex.match(/../g), pair => parseInt(pair, 16))

// The core's exports, initialized.
export function loadCore() {
  let instance
  try {
    let bytes = fromHex(CORE_HEX)
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports)
  } catch (error) {
    let csp = /unsafe-eval|Content Security|CSP/i.test(error && error.message)
    throw new AtollError(
      'ATOLL_WASM_LOAD',
      `could not start the wasm store core: ${String(error && error.message).replace(/\.$/, '')}` +
        (csp || typeof WebAssembly !== 'object'
          ? `. The page must allow WebAssembly: add 'wasm-unsafe-eval' to the script-src of its Content-Security-Policy`
          : ''),
      { cause: error }
    )
  }
  instance.exports._initialize()
  return instance.exports
}
