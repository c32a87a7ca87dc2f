// One runtime per page. The first copy of the package to load puts its
// engine on globalThis; every later copy (another bundle, an inline script,
// another version) uses the same one, so they share the wasm instance, the
// queue and the named stores. The core compiles synchronously (see
// load-core.js): nothing here awaits.
import { createEngine, ENGINE_PROTOCOL } from './engine.js'
import { readHandOff } from './hand-off.js'
import { loadCore } from './load-core.js'
import { AtollError } from './errors.js'

const KEY = Symbol.for('atoll-store.runtime')

let shared = globalThis[KEY]
if (!shared) {
  // A failed load leaves nothing behind: the next copy may try again.
  shared = createEngine(loadCore())
  readHandOff(shared)
  globalThis[KEY] = shared
}

// Copies before protocol 3 shared a promise of their engine here.
let protocol = typeof shared.then === 'function' ? 'below 3' : shared.protocol
if (protocol !== ENGINE_PROTOCOL) {
  throw new AtollError(
    'ATOLL_RUNTIME_MISMATCH',
    `this page already runs atoll-store runtime protocol ${protocol}; this copy speaks ${ENGINE_PROTOCOL}`
  )
}

export const engine = shared
