// What a store is, by its kind (engine.js gives every store one at
// creation), for the features that take stores: one check instead of each
// feature guessing from the methods an object has.
import { KIND_COMPUTED, KIND_MAP, KIND_NAMES } from './engine.js'
import { AtollError, storeLabel } from './errors.js'

// An atoll-store store, from any copy of the package on the page (they share
// one runtime, so their stores have the same fields).
export let isStore = value =>
  value !== null &&
  typeof value === 'object' &&
  KIND_NAMES[value.kind] !== undefined &&
  typeof value.listen === 'function'

// For features that take one store: `method() expects an atoll-store store`.
export function assertStore(value, method) {
  if (!isStore(value)) {
    throw new AtollError('ATOLL_NOT_A_STORE', `${method}() expects an atoll-store store`)
  }
}

// Only atoms and maps can be written back (persist, syncTabs, restore,
// createHistory); a computed store has a set() too, but its value belongs to
// its function.

export function assertWritable(store, method) {
  if (store.kind === KIND_COMPUTED) {
    throw new AtollError(
      'ATOLL_NOT_WRITABLE',
      `${method}() takes atoms and maps: store ${storeLabel(store)} is computed, so it cannot be written back`
    )
  }
}

// A map store (setKey by key). A deepMap has a setKey too, but takes paths
// and is written whole, so the features treat it as an atom.
export let isMap = store => store.kind === KIND_MAP
