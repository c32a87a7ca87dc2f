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

const VALUE_PAIR = Symbol('atoll-store.value')
let sharedValue = {
  enumerable: true,
  configurable: true,
  get() {
    return this[VALUE_PAIR].get()
  },
  set(next) {
    this[VALUE_PAIR].set(next)
  }
}

// Makes the store object of a new store, or returns the existing store of a
// name. `setup` runs only for a new store.
// `valueFrom(start)`, for a store whose `value` is an accessor (map: the
// object is built on read), makes that accessor pair { get, set } from the
// starting value. Every such store gets the same `value` property (shared
// functions that find the store's pair under VALUE_PAIR), added to a fast
// object: a literal with an accessor is made a slow dictionary, and an
// accessor of its own functions per store gives each store its own hidden
// class (measured: a 3-key map store took 1920 B with either).
export function createStore(kind, initialValue, options, setup, valueFrom) {
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

  let store
  let get = () => {
    // Reading an unmounted store mounts and unmounts it, so onMount runs.
    if (!store.lc) store.listen(noop)()
    return store.value
  }
  let set = newValue => {
    let oldValue = store.value
    if (!store.eq(oldValue, newValue)) {
      // Server only: inside a request scope atoll-store/ssr keeps the write
      // as that request's own (see ssr/index.js). Unset on the client.
      if (engine.server && engine.server.write(store, newValue)) return
      store.value = newValue
      store.notify(oldValue)
    }
  }
  let notify = (oldValue, changedKey) => {
    engine.notify(store, oldValue, changedKey)
  }
  let listen = listener => {
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
  }
  let subscribe = listener => {
    assertFunction(listener, 'subscribe', store)
    let unbind = store.listen(listener)
    listener(store.value)
    return unbind
  }
  // Called when the last listener leaves; lifecycle hooks wrap it.
  let off = () => {}
  let cleanUp = () => {
    engine.clearListeners(store)
    store.lc = 0
    store.off()
  }
  // (core: see engine.js.)
  if (valueFrom) {
    // prettier-ignore
    store = {
      id, core: 0, kind, init: initialValue,
      lc: 0, eq: Object.is, get, set, notify, listen, subscribe, off, [clean]: cleanUp,
      [VALUE_PAIR]: valueFrom(start)
    }
    // (So `value` comes last among the keys of a map store.)
    Object.defineProperty(store, 'value', sharedValue)
  } else {
    // prettier-ignore
    store = {
      id, core: 0, kind, value: start, init: initialValue,
      lc: 0, eq: Object.is, get, set, notify, listen, subscribe, off, [clean]: cleanUp
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
