// atom(): the store object every other store kind starts from.
// Methods are closures over the store (no `this`), so `const { set } = store`
// works as in Nano Stores, and every internal step calls the store's *current*
// method (set -> store.notify, last unbind -> store.off), so hooks that wrap
// those methods (onSet, onNotify, onStop, loggers, devtools) see everything.
import { clean } from '../clean-stores/index.js'
import { KIND_ATOM, KIND_COMPUTED } from '../runtime/engine.js'
import { assertFunction } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { warnIfInitialDiffers } from './same-name.js'

// Marks a computed store's internal listener as a graph edge (see computed/):
// its value is the computed store the listener derives.
export const EDGE = Symbol.for('atoll-store.edge')

let noop = () => {}

// Makes the store object of a new store, or returns the existing store of a
// name. `setup` runs only for a new store.
export function createStore(kind, initialValue, options, setup) {
  let name = options && options.name
  let { id, existing } = engine.createStore(kind, name)
  if (existing) {
    if (kind !== KIND_COMPUTED) warnIfInitialDiffers(existing, initialValue)
    return existing
  }
  // A named store may start from the state the server rendered the page with.
  let start = initialValue
  if (name !== undefined) {
    let handed = engine.takeHandedOff(name)
    if (handed.found) start = handed.value
  }

  let store = {
    id,
    core: 0, // see engine.js
    kind,
    value: start,
    init: initialValue,
    lc: 0,
    eq: Object.is,
    get() {
      // Reading an unmounted store mounts and unmounts it, so onMount runs.
      if (!store.lc) store.listen(noop)()
      return store.value
    },
    set(newValue) {
      let oldValue = store.value
      if (!store.eq(oldValue, newValue)) {
        // Server only: inside a request scope atoll-store/ssr keeps the write
        // as that request's own (see ssr/index.js). Unset on the client.
        if (engine.server && engine.server.write(store, newValue)) return
        store.value = newValue
        store.notify(oldValue)
      }
    },
    notify(oldValue, changedKey) {
      engine.notify(store, oldValue, changedKey)
    },
    listen(listener) {
      assertFunction(listener, 'listen', store)
      engine.listen(store, listener, listener[EDGE])
      store.lc += 1
      // As in Nano Stores, an unbind removes the first listen() of this
      // function still there, so calling one unbind twice removes another
      // listen() of the same function, if there is one.
      return () => {
        let left = engine.unlisten(store, listener)
        if (left < 0) return // none left (unbound already, or cleanStores())
        store.lc = left
        if (!left) store.off()
      }
    },
    subscribe(listener) {
      assertFunction(listener, 'subscribe', store)
      let unbind = store.listen(listener)
      listener(store.value)
      return unbind
    },
    // Called when the last listener leaves; lifecycle hooks wrap it.
    off() {},
    [clean]() {
      engine.clearListeners(store)
      store.lc = 0
      store.off()
    }
  }
  if (name !== undefined) {
    store.name = name
    engine.registerName(name, store)
  }
  if (setup) setup(store)
  return store
}

/* @__NO_SIDE_EFFECTS__ */
export const atom = (initialValue, options) => createStore(KIND_ATOM, initialValue, options)

export let readonlyType = store => store
