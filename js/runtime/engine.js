// The JS half of the runtime: one per page, shared by every copy of the
// package. It owns what cannot live in wasm (listener functions, payload
// values, key strings) and drains the core's queue.
//
// Data structures and their invariants:
// - listenerFns[slot] / listenerStores[slot]: the function and store of the
//   core's listener `slot`; undefined once unlistened (the core reuses slots,
//   and drops queued calls of a removed listener before reusing its slot).
// - payloads: flat [oldValue, changedKey, ...]; a queue entry's payload id is
//   an index into it. Emptied when the queue is drained and no batch is open.
// - computeds[id]: computed stores that are mounted (have graph edges), so the
//   core can hand back an id to recompute.
// - keyIds / keyNames: map keys interned to small numbers for the core.
// - named: name -> store object, so every copy of the package gets the same
//   object for one name.
// - handedOff: name -> value the server rendered the page with (see
//   runtime/hand-off.js); taken by the named store when it is created.
// - errorWatchers: functions told about every listener error (devtools).
import { AtollError } from './errors.js'

export const KIND_ATOM = 0
export const KIND_MAP = 1
export const KIND_COMPUTED = 2
export const KIND_NAMES = ['atom', 'map', 'computed']
const MAX_HEIGHT = 0xffffffff

// Offsets (in u32) of the fields of the core's SharedView.
const VIEW_ENTRIES = 0
const VIEW_HEAD = 1
const VIEW_TAIL = 2
const VIEW_PENDING = 3
const VIEW_SCRATCH = 4
const VIEW_SCRATCH_LENGTH = 5

export const ENGINE_PROTOCOL = 1

// `raw`: the exports of atoll.wasm (bindings/hot_exports.cpp).
export function createEngine(raw) {
  let memory = raw.memory
  let heap = new Uint32Array(memory.buffer)
  let view = raw.atoll_view() >>> 2
  // A grown memory detaches the old buffer (its views read as length 0).
  let u32 = () => (heap.length ? heap : (heap = new Uint32Array(memory.buffer)))

  let listenerFns = []
  let listenerStores = []
  let payloads = []
  let computeds = []
  let keyIds = new Map()
  let keyNames = [undefined]
  let named = new Map()
  let handedOff = new Map()
  let errorWatchers = new Set()
  let fnIds = new WeakMap()
  let nextFnId = 1
  let draining = false
  let batchDepth = 0
  let batchId = 0

  // An unnamed store the page dropped gives its core record back. (Named
  // stores live for the page; a store with listeners is still referenced.)
  let released =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry(id => raw.atoll_release(id))
      : { register() {} }

  let fnId = fn => {
    let id = fnIds.get(fn)
    if (!id) fnIds.set(fn, (id = nextFnId++))
    return id
  }

  let settle = maxHeight => {
    let id
    while ((id = raw.atoll_next_recompute(maxHeight))) {
      let store = computeds[id]
      if (store) store.recompute()
    }
  }

  let drain = () => {
    draining = true
    let failed = false
    let error
    try {
      for (;;) {
        let h = u32()
        if (h[view + VIEW_PENDING]) {
          try {
            settle(MAX_HEIGHT)
          } catch (e) {
            failed = true
            error = e
          }
          continue
        }
        let head = h[view + VIEW_HEAD]
        if (head >= h[view + VIEW_TAIL]) break
        h[view + VIEW_HEAD] = head + 1
        let at = (h[view + VIEW_ENTRIES] >>> 2) + head * 2
        let slot = h[at]
        if (!slot) continue
        let payload = h[at + 1]
        try {
          // Listeners read the store's live value when they run.
          listenerFns[slot](listenerStores[slot].value, payloads[payload], payloads[payload + 1])
        } catch (e) {
          failed = true
          error = e
          for (let watch of errorWatchers) watch(e, listenerStores[slot] || undefined)
        }
      }
    } finally {
      draining = false
      if (!batchDepth) payloads.length = 0
    }
    if (failed) throw error
  }

  let encoder = new TextEncoder()
  let resolveName = (name, kind) => {
    let bytes = encoder.encode(name)
    let at = raw.malloc(bytes.length || 1)
    new Uint8Array(memory.buffer, at, bytes.length).set(bytes)
    try {
      return raw.atoll_resolve_name(at, bytes.length, kind)
    } finally {
      raw.free(at)
    }
  }

  let readScratch = () => {
    let h = u32()
    let start = h[view + VIEW_SCRATCH] >>> 2
    return h.slice(start, start + h[view + VIEW_SCRATCH_LENGTH])
  }

  return {
    protocol: ENGINE_PROTOCOL,
    raw,

    createStore(kind, name) {
      if (name === undefined) return { id: raw.atoll_create(kind) }
      if (typeof name !== 'string' || !name) {
        throw new AtollError(
          'ATOLL_BAD_NAME',
          `a store name must be a non-empty string, got ${typeof name === 'string' ? 'an empty string' : typeof name}`
        )
      }
      let id = resolveName(name, kind)
      if (id < 0) {
        throw new AtollError(
          'ATOLL_NAME_TAKEN',
          `the name '${name}' belongs to a ${KIND_NAMES[raw.atoll_kind(-id)]} store; it cannot also name a ${KIND_NAMES[kind]}`
        )
      }
      return { id, existing: named.get(name) }
    },
    // Called with every new unnamed store object.
    track(store) {
      released.register(store, store.id)
    },
    registerName(name, store) {
      named.set(name, store)
    },
    namedStore: name => named.get(name),
    // Values for named stores not created yet: each is used once, as the
    // store's starting value.
    handOff(values) {
      for (let name of Object.keys(values)) if (!named.has(name)) handedOff.set(name, values[name])
    },
    takeHandedOff(name) {
      if (!handedOff.has(name)) return { found: false }
      let value = handedOff.get(name)
      handedOff.delete(name)
      return { found: true, value }
    },
    onListenerError(watch) {
      errorWatchers.add(watch)
      return () => errorWatchers.delete(watch)
    },

    listen(store, fn, edgeOf = 0) {
      let slot = raw.atoll_listen(store.id, edgeOf ? 0 : fnId(fn), edgeOf)
      listenerFns[slot] = fn
      listenerStores[slot] = store
      return slot
    },
    // Returns the store's listener count left, or -1 if already removed
    // (the slot may since serve another listener: `fn` must still match).
    unlisten(slot, fn) {
      if (listenerFns[slot] !== fn) return -1
      let left = raw.atoll_unlisten(slot)
      if (left >= 0) listenerFns[slot] = listenerStores[slot] = undefined
      return left
    },
    clearListeners(store) {
      for (let slot = 0; slot < listenerStores.length; slot++) {
        if (listenerStores[slot] === store) listenerFns[slot] = listenerStores[slot] = undefined
      }
      raw.atoll_clear_listeners(store.id)
    },

    notify(store, oldValue, changedKey) {
      let payload = payloads.length
      // Inside a batch listeners get no changedKey (several keys may change).
      payloads.push(oldValue, batchDepth ? undefined : changedKey)
      if (raw.atoll_notify(store.id, payload) && !draining) drain()
    },

    batch(fn) {
      if (!batchDepth++) batchId++
      raw.atoll_batch_begin()
      try {
        return fn()
      } finally {
        try {
          // Computeds settle inside the batch, so their own changes join it.
          if (batchDepth === 1) settle(MAX_HEIGHT)
        } finally {
          batchDepth--
          if (raw.atoll_batch_end() && !draining) drain()
        }
      }
    },
    inBatch: () => batchDepth > 0,
    batchId: () => batchId,

    // Computed graph.
    addSource: (computed, source) => raw.atoll_add_source(computed.id, source.id),
    height: store => raw.atoll_height(store.id),
    mountComputed(store) {
      computeds[store.id] = store
    },
    unmountComputed(store) {
      computeds[store.id] = undefined
    },
    // Brings every pending computed up to `maxHeight` up to date.
    settle(maxHeight) {
      if (u32()[view + VIEW_PENDING]) settle(maxHeight)
    },

    // Map keys.
    keyId(key) {
      let id = keyIds.get(key)
      if (id === undefined) {
        id = keyNames.length
        keyNames.push(key)
        keyIds.set(key, id)
      }
      return id
    },
    keyName: id => keyNames[id],
    // (key, slot) pairs of a map in insertion order.
    mapOrder(store) {
      raw.atoll_map_order(store.id)
      return readScratch()
    },

    // Document tracking: 0 current, 1 changed keys (returned), 2 whole value.
    documentChanges(store) {
      let what = raw.atoll_doc_changes(store.id)
      return { what, keys: what === 1 ? readScratch() : undefined }
    }
  }
}
