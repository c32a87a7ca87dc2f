// The check shared by every feature that writes stores back (persist,
// syncTabs, restore, createHistory): only atoms and maps can be written; a
// computed store has a set() too, but its value belongs to its function.
import { KIND_COMPUTED, KIND_MAP } from './engine.js'
import { AtollError, storeLabel } from './errors.js'

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
