// One runtime per page. The first copy of the package to load registers a
// promise of the engine on globalThis; every later copy (another bundle, an
// inline script, another version) awaits the same one, so they share the
// wasm instance, the queue and the named stores.
import { createEngine, ENGINE_PROTOCOL } from './engine.js'
import { readHandOff } from './hand-off.js'
import { loadCore } from './load-wasm.js'
import { AtollError } from './errors.js'

const KEY = Symbol.for('atoll-store.runtime')

let shared = globalThis[KEY]
if (!shared) {
  shared = globalThis[KEY] = loadCore().then(raw => {
    let engine = createEngine(raw)
    readHandOff(engine)
    return engine
  })
  // A failed load must not poison the page: the next copy may try again.
  shared.catch(() => {
    if (globalThis[KEY] === shared) delete globalThis[KEY]
  })
}

export const engine = await shared

if (engine.protocol !== ENGINE_PROTOCOL) {
  throw new AtollError(
    'ATOLL_RUNTIME_MISMATCH',
    `this page already runs atoll-store runtime protocol ${engine.protocol}; this copy speaks ${ENGINE_PROTOCOL}`
  )
}
