// map(): an atom over a plain object, plus setKey.
// The values live here, in JS. The plain object users read is materialized
// lazily:
// - `current` is the last materialized object; `pending` counts setKey calls
//   since. With none, `current` is the value; with one, the next object is a
//   copy of `current` with that key changed (what Nano Stores does on every
//   call); with more it is built once from `entries`.
// - `entries` (a Map: insertion order, like an object's string keys) holds
//   every key once setKey has been used since the last set(); null before.
// So a batch of k setKey costs O(k) plus one O(n) build when someone reads,
// and memory for a key is given back with the key.
// Every key is an own property of the value, whatever its name: '__proto__'
// is written with setOwn, where assignment would set the prototype.
import { createStore } from '../atom/index.js'
import { KIND_MAP } from '../runtime/engine.js'
import { AtollError, assertPlainObject, isPlainObject, storeLabel } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { setOwn } from '../runtime/own-property.js'

// The property a key names: numbers and strings alike ('1' and 1 are one key).
let propertyOf = key => (typeof key === 'symbol' ? key : String(key))

// Whether setKey(key, value) leaves a map as it is: deleting a missing key
// does nothing, a delete of a present key always writes, and otherwise eqKey
// decides (a missing key is compared as undefined, as Nano Stores does).
// `present`/`old`: whether the key is an own key now, and its value.
export let writesNothing = (store, present, old, value, key) =>
  value === undefined ? !present : store.eqKey(old, value, key)

/* @__NO_SIDE_EFFECTS__ */
export const map = (initial = {}, options) => {
  assertPlainObject(initial, 'map()')
  // The map's state, made before its store object so that `value` is an
  // accessor on it from the start (see createStore).
  let current
  let entries = null
  let pending = 0
  let lastProperty
  let lastValue
  let lastDeleted = false
  // See engine.quietMark(): while it stays the same, a write in this batch
  // reaches no listener, so its old value need not be built.
  let quietMark = -1
  let self // the store object, once made

  let load = object => {
    current = object
    entries = null
    pending = 0
  }

  let materialize = () => {
    let next
    if (pending === 1) {
      next = { ...current }
      if (lastDeleted) delete next[lastProperty]
      else setOwn(next, lastProperty, lastValue)
    } else {
      next = {}
      for (let [property, value] of entries) setOwn(next, property, value)
    }
    current = next
    pending = 0
    return next
  }
  let read = () => (pending ? materialize() : current)

  // The starting object: `initial`, or the server's state for a named map.
  let valueFrom = start => {
    load(isPlainObject(start) ? start : initial)
    return {
      get: read,
      set: object => {
        assertPlainObject(object, 'value =', self)
        load(object)
      }
    }
  }

  return createStore(
    KIND_MAP,
    initial,
    options,
    store => {
      self = store
      store.eqKey = Object.is
      let set = store.set
      store.set = object => {
        assertPlainObject(object, 'set()', store)
        set(object)
      }
      let baseNotify = store.notify

      store.setKey = function (key, value) {
        if (this && this !== store && typeof this === 'object' && 'lc' in this) {
          throw new AtollError(
            'ATOLL_NOT_A_MAP',
            `setKey() was called on store ${storeLabel(this)}, which is not a map`
          )
        }
        // Server only: inside a request scope atoll-store/ssr makes the write
        // that request's own, from the scope's value (see ssr/index.js). Unset
        // on the client.
        if (engine.server && engine.server.setKey(store, key, value)) return
        let property = propertyOf(key)
        let present = entries ? entries.has(property) : Object.hasOwn(current, property)
        let old = present ? (entries ? entries.get(property) : current[property]) : undefined
        if (writesNothing(store, present, old, value, key)) return
        let deleting = value === undefined

        let mark = engine.quietMark()
        let oldValue =
          store.notify !== baseNotify || (store.lc && (mark < 0 || mark !== quietMark)) ? read() : undefined
        quietMark = mark

        if (!entries) entries = new Map(Object.entries(current))
        if (deleting) entries.delete(property)
        else entries.set(property, value)
        lastProperty = property
        lastValue = value
        lastDeleted = deleting
        pending += 1
        store.notify(oldValue, key)
      }
    },
    valueFrom
  )
}
