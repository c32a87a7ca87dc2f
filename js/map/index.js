// map(): an atom over a plain object, plus setKey.
// The core keeps the map's keys (KeyIndex: O(log n) per setKey) and this
// closure keeps the values in `slots`, an array indexed by the core's slot
// numbers. The plain object users read is materialized lazily:
// - `current` is the last materialized object; `fresh` says it is current;
// - `changes` counts setKey calls since then; with exactly one, the next
//   object is a copy of `current` with that key changed (as Nano Stores
//   does), with more it is rebuilt once from the core's key order. So a batch
//   of k setKey costs O(k log n) plus one O(n) build when someone reads.
import { createStore } from '../atom/index.js'
import { KIND_MAP } from '../runtime/engine.js'
import { AtollError, assertPlainObject, isPlainObject, storeLabel } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'

/* @__NO_SIDE_EFFECTS__ */
export let map = (initial = {}, options) => {
  assertPlainObject(initial, 'map()')
  return createStore(KIND_MAP, initial, options, store => {
    let { raw } = engine
    let id = store.id
    let slots = []
    let current
    let fresh = true
    let changes = 0
    let lastKey
    let lastValue
    let lastDeleted = false
    let batchSeen = -1 // engine.batchId() of the batch that already captured oldValue

    let load = object => {
      raw.atoll_map_clear(id)
      slots = []
      for (let key of Object.keys(object)) {
        slots[raw.atoll_map_put(id, engine.keyId(key))] = object[key]
      }
      current = object
      fresh = true
      changes = 0
    }

    let materialize = () => {
      let next
      if (changes === 1) {
        next = { ...current }
        if (lastDeleted) delete next[lastKey]
        else next[lastKey] = lastValue
      } else {
        next = {}
        let pairs = engine.mapOrder(store)
        for (let i = 0; i < pairs.length; i += 2) {
          next[engine.keyName(pairs[i])] = slots[pairs[i + 1]]
        }
      }
      current = next
      fresh = true
      changes = 0
      return next
    }

    // The old value handed to notify(). Inside a batch listeners get the
    // value from before the batch (captured by this store's first change), so
    // later changes in the same batch skip the O(n) copy.
    let oldValue = () => {
      if (engine.inBatch()) {
        let first = batchSeen !== engine.batchId()
        batchSeen = engine.batchId()
        if (!first) return current
      }
      return fresh ? current : materialize()
    }

    // The starting object: `initial`, or the server's state for a named map.
    let start = isPlainObject(store.value) ? store.value : initial
    Object.defineProperty(store, 'value', {
      enumerable: true,
      get: () => (fresh ? current : materialize()),
      set: object => {
        assertPlainObject(object, 'value =', store)
        load(object)
      }
    })
    load(start)

    store.eqKey = Object.is
    let set = store.set
    store.set = object => {
      assertPlainObject(object, 'set()', store)
      set(object)
    }
    store.setKey = function (key, value) {
      if (this && this !== store && typeof this === 'object' && 'lc' in this) {
        throw new AtollError(
          'ATOLL_NOT_A_MAP',
          `setKey() was called on store ${storeLabel(this)}, which is not a map`
        )
      }
      let name = String(key)
      let keyId = engine.keyId(name)
      let slot = raw.atoll_map_find(id, keyId)
      let deleting = value === undefined
      // Deleting a missing key, or writing an equal value, changes nothing.
      if (deleting ? slot < 0 : slot >= 0 && store.eqKey(slots[slot], value)) return
      let old = oldValue()
      if (deleting) {
        raw.atoll_map_erase(id, keyId)
        slots[slot] = undefined
      } else {
        slots[raw.atoll_map_put(id, keyId)] = value
      }
      lastKey = name
      lastValue = value
      lastDeleted = deleting
      changes += 1
      fresh = false
      store.notify(old, name)
    }
  })
}
