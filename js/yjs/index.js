// bindYjs(): a named store kept equal to a part of a Y.Doc, both ways.
//
// Yjs merges; Atoll only maps. A map store is a Y.Map of its own, one entry
// per key: two people changing different cart lines change different
// entries, so they never conflict, and a setKey sends one entry. An atom (a
// deepMap too: it is written whole) is one entry of the shared Y.Map
// 'atoll-store'. Entries hold JSON text (see values.js for why).
//
// Like syncTabs(), a remote change reaches the store in one step: a single
// key keeps its changedKey, several are one batch (one render per island).
// A local write is one Yjs transaction per listener call, so one per batch.
// No echo: a change that came from the document is not written back (the
// `applying` flag, and a write is skipped when the document already holds
// the same JSON text, which also covers listeners that run later, from the
// page's queue).
//
// Nothing here imports yjs: the Y.Doc is used through its own methods, so the
// application's copy of yjs is the only one (two copies of yjs on a page
// break its type checks), and any provider works: Hocuspocus, y-websocket,
// y-indexeddb.
import { batch } from '../batch/index.js'
import { toJSONText } from '../json/to-json.js'
import { AtollError, describeValue, storeLabel } from '../runtime/errors.js'
import { isMap } from '../runtime/store-checks.js'
import { assertWritableStore, attachOnce, unnamedStore } from '../attach/attach-once.js'
import { keepRendered } from '../hydration/rendered.js'
import { sameText } from '../json/same-json.js'
import { readEntry } from './values.js'

/** The Y.Map whose entries hold atoms (and deepMaps), one per store name. */
export const ATOMS_MAP = 'atoll-store'

let isYDoc = value => !!value && typeof value.getMap === 'function' && typeof value.transact === 'function'

export function bindYjs(store, ydoc, options = {}) {
  assertWritableStore(store, 'bindYjs')
  let label = storeLabel(store)
  if (!isYDoc(ydoc)) {
    throw new AtollError(
      'ATOLL_NOT_A_YDOC',
      `bindYjs() of store ${label} expects a Y.Doc, got ${ydoc === undefined ? 'undefined' : describeValue(ydoc)}`
    )
  }
  let name = options.name === undefined ? store.name : options.name
  if (name === undefined) throw unnamedStore(store, 'bindYjs', 'name')
  name = String(name)
  let seed = options.seed !== false
  let mapStore = isMap(store)
  let ymap = sharedMap(ydoc, mapStore ? name : ATOMS_MAP, label)
  // One binding per store, document and name, even when several copies of a
  // bundle each bind it (as persist() and syncTabs() do).
  return attachOnce(store, ydoc, (mapStore ? 'map:' : 'atom:') + name, () => {
    // The document's state replaces the value the page's HTML shows: islands
    // hydrate with the rendered one (see hydration/rendered.js).
    keepRendered(store)
    return (mapStore ? bindMap : bindAtom)(store, ydoc, ymap, name, seed, label)
  })
}

function sharedMap(ydoc, name, label) {
  try {
    return ydoc.getMap(name)
  } catch (error) {
    throw new AtollError(
      'ATOLL_YJS_TYPE',
      `bindYjs() of store ${label} needs '${name}' in the Y.Doc to be a Y.Map: ${error.message}`,
      { cause: error }
    )
  }
}

// Runs fn while the store takes a change from the document (its listener
// must not send it back).
function applying(state, fn) {
  state.applying = true
  try {
    fn()
  } finally {
    state.applying = false
  }
}

function bindMap(store, ydoc, ymap, name, seed, label) {
  let origin = { bindYjs: label } // marks this binding's own transactions
  let state = { applying: false }

  // Document -> store, for the keys a transaction changed.
  let take = keys => {
    let writes = []
    for (let key of keys) {
      let had = Object.hasOwn(store.value, key)
      if (!ymap.has(key)) {
        if (had) writes.push([key, undefined]) // undefined deletes the key
        continue
      }
      let entry = ymap.get(key)
      let value
      try {
        value = readEntry(entry, key)
      } catch (error) {
        console.warn(
          `atoll-store: store ${label} ignored key ${JSON.stringify(key)} of Y.Map '${name}': ${error.message}`
        )
        continue
      }
      if (had && sameText(entry, store.value[key])) continue
      writes.push([key, value])
    }
    // One write keeps its changedKey for listeners; several notify once.
    applying(state, () => {
      if (writes.length === 1) store.setKey(...writes[0])
      else if (writes.length) batch(() => writes.forEach(([key, value]) => store.setKey(key, value)))
    })
  }

  // Store -> document: the JSON text of every key that may differ, made
  // before anything is written (a value JSON cannot hold throws to the
  // writer, and the document gets none of the batch).
  let give = keys => {
    let writes = []
    let value = store.value
    for (let key of keys) {
      key = String(key)
      if (Object.hasOwn(value, key)) {
        let text = toJSONText(value[key], label, key)
        if (ymap.get(key) !== text) writes.push([key, text])
      } else if (ymap.has(key)) {
        writes.push([key, undefined])
      }
    }
    if (!writes.length) return
    ydoc.transact(() => {
      for (let [key, text] of writes) {
        if (text === undefined) ymap.delete(key)
        else ymap.set(key, text)
      }
    }, origin)
  }

  // Start: a document that holds the map wins (the store takes it whole);
  // an empty one takes the store's keys, unless seed is false.
  if (ymap.size > 0) take(new Set([...ymap.keys(), ...Object.keys(store.value)]))
  else if (seed) give(Object.keys(store.value))

  let observer = (event, transaction) => {
    if (transaction.origin !== origin) take(event.keysChanged)
  }
  ymap.observe(observer)

  let unbind = store.listen((value, oldValue, changedKey) => {
    if (state.applying) return
    if (changedKey !== undefined) return give([changedKey])
    // set() or a batch: the keys whose value is a new object (unchanged
    // keys keep their references), and the keys the document holds and the
    // store does not (the store's value is the whole truth: they go).
    let now = store.value
    let keys = new Set()
    for (let key of ymap.keys()) if (!Object.hasOwn(now, key)) keys.add(key)
    for (let key of Object.keys(now)) {
      if (!oldValue || !Object.hasOwn(oldValue, key) || oldValue[key] !== now[key]) keys.add(key)
    }
    give(keys)
  })

  return () => {
    unbind()
    ymap.unobserve(observer)
  }
}

function bindAtom(store, ydoc, ymap, name, seed, label) {
  let origin = { bindYjs: label }
  let state = { applying: false }

  // undefined (which JSON lacks) is "no entry", both ways.
  let take = () => {
    if (!ymap.has(name)) {
      if (store.value !== undefined) applying(state, () => store.set(undefined))
      return
    }
    let entry = ymap.get(name)
    let value
    try {
      value = readEntry(entry, undefined, store.init)
    } catch (error) {
      console.warn(
        `atoll-store: store ${label} ignored its entry '${name}' of Y.Map '${ATOMS_MAP}': ${error.message}`
      )
      return
    }
    if (!sameText(entry, store.value)) applying(state, () => store.set(value))
  }

  let give = () => {
    let value = store.value
    if (value === undefined) {
      if (ymap.has(name)) ydoc.transact(() => ymap.delete(name), origin)
      return
    }
    let text = toJSONText(value, label)
    if (ymap.get(name) !== text) ydoc.transact(() => ymap.set(name, text), origin)
  }

  if (ymap.has(name)) take()
  else if (seed) give()

  let observer = (event, transaction) => {
    if (transaction.origin !== origin && event.keysChanged.has(name)) take()
  }
  ymap.observe(observer)
  let unbind = store.listen(() => {
    if (!state.applying) give()
  })

  return () => {
    unbind()
    ymap.unobserve(observer)
  }
}
