// deepMap(): an atom over nested objects and arrays whose setKey takes a path
// ('a.b[1].c'). To the core it is an atom (no per-key bookkeeping), so the
// document features write it as one whole value.
import { createStore } from '../atom/index.js'
import { KIND_ATOM } from '../runtime/engine.js'
import { AtollError } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { getPath, setPath } from './path.js'

export { getPath, setByKey, setPath } from './path.js'

/* @__NO_SIDE_EFFECTS__ */
export const deepMap = (initial = {}, options) => {
  let store = createStore(KIND_ATOM, initial, options, created => {
    // No eqKey, as in Nano Stores: listenKeys tells a deep map from a map by it.
    created.setKey = (path, value) => {
      // Object.is as everywhere else (Nano Stores' deepMap uses !==).
      if (Object.is(getPath(created.value, path), value)) return
      let oldValue = created.value
      let newValue = setPath(oldValue, path, value)
      // Server only: inside a request scope atoll-store/ssr keeps the write
      // as that request's own (see ssr/index.js). Unset on the client.
      if (engine.server && engine.server.write(created, newValue)) return
      created.value = newValue
      created.notify(oldValue, path)
    }
  })
  // A name already taken by a plain atom (same core kind) has no setKey.
  if (!store.setKey) {
    throw new AtollError(
      'ATOLL_NAME_TAKEN',
      `the name '${store.name}' belongs to an atom store; it cannot also name a deepMap`
    )
  }
  return store
}

// A value by path from any store with an object value.
export let getKey = (store, path) => getPath(store.get(), path)
