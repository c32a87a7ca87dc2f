// The JS half of the runtime: one per page, shared by every copy of the
// package. It owns what cannot live in wasm (listener functions, payload
// values, key strings) and drains the core's queue.
//
// Data structures and their invariants:
// - listenerFns[slot] / listenerStores[slot]: the function and store of the
//   core's listener `slot`; undefined once unlistened (the core reuses slots,
//   and drops queued calls of a removed listener before reusing its slot).
// - payloads: flat [oldValue, changedKey, ...]; a queue entry's payload id is
//   an index into it. Emptied when the outermost drain ends outside a batch.
// - batchOpen mirrors the core's: true from the outermost batch() until its
//   flush has drained the queue (writes made by listeners during the flush
//   belong to the batch, as in Nano Stores).
// - epoch: counts notifications. An unmounted computed store re-derives when
//   it moved (a mounted one asks the core's stale flags instead).
// - FN_ID on a listener function: the function's id for the core (a batch
//   runs a function once however many stores it listens to). Kept on the
//   function itself, so nothing grows with the number of closures ever made.
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
let withArticle = word => (/^[aeiou]/.test(word) ? 'an ' : 'a ') + word

// Offsets (in u32) of the fields of the core's SharedView (src/runtime.hpp).
const VIEW_ENTRIES = 0
const VIEW_HEAD = 1
const VIEW_TAIL = 2
const VIEW_STALE = 3
const VIEW_TAKEN_PAYLOAD = 4
const VIEW_REMOVED = 5

export const ENGINE_PROTOCOL = 2
const FN_ID = Symbol.for('atoll-store.fn')

// `raw`: the exports of atoll.wasm (bindings/hot_exports.cpp).
export function createEngine(raw) {
  let memory = raw.memory
  let heap = new Uint32Array(memory.buffer)
  let bytes = new Uint8Array(memory.buffer)
  let view = raw.atoll_view() >>> 2
  // A grown memory detaches the old buffer (its views read as length 0).
  let u32 = () => (heap.length ? heap : (heap = new Uint32Array(memory.buffer)))
  let u8 = () => (bytes.length ? bytes : (bytes = new Uint8Array(memory.buffer)))

  // Byte offset of a store's stale flag (the core's array may have moved).
  let staleFlag = store => u32()[view + VIEW_STALE] + store.id

  let listenerFns = []
  let listenerStores = []
  let payloads = []
  let named = new Map()
  let handedOff = new Map()
  let errorWatchers = new Set()
  let frozenFnIds = new WeakMap() // only for functions that cannot take FN_ID
  let nextFnId = 1
  let draining = false
  let batchOpen = false
  let flushing = false
  let batchId = 0
  let quiet = 0 // see quietMark()
  let epoch = 0

  // An unnamed store the page dropped gives its core record back. (Named
  // stores live for the page; a store with listeners is still referenced.)
  let released =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry(id => raw.atoll_release(id))
      : { register() {} }

  let fnId = fn => {
    let id = fn[FN_ID]
    if (id) return id
    if (Object.isExtensible(fn)) {
      Object.defineProperty(fn, FN_ID, { value: (id = nextFnId++) })
      return id
    }
    id = frozenFnIds.get(fn)
    if (!id) frozenFnIds.set(fn, (id = nextFnId++))
    return id
  }

  let call = (slot, payload) => {
    // Listeners read the store's live value when they run.
    listenerFns[slot](listenerStores[slot].value, payloads[payload], payloads[payload + 1])
  }

  // Calls queued listeners until the queue is empty. As in Nano Stores, a
  // batch() that a listener opens drains the rest of the queue when it ends,
  // and from then on the queue counts as empty: the outer loop finds nothing
  // left, and a write the same listener makes next drains at once.
  let drain = () => {
    draining = true
    let failed = false
    let error
    try {
      for (;;) {
        let slot, payload
        if (batchOpen) {
          slot = raw.atoll_take()
          if (!slot) {
            batchOpen = false // the core closed the batch with its last call
            break
          }
          payload = u32()[view + VIEW_TAKEN_PAYLOAD]
        } else {
          let h = u32()
          let head = h[view + VIEW_HEAD]
          if (head >= h[view + VIEW_TAIL]) break
          h[view + VIEW_HEAD] = head + 1
          let at = (h[view + VIEW_ENTRIES] >>> 2) + head * 2
          slot = h[at]
          if (!slot) continue
          payload = h[at + 1]
        }
        try {
          call(slot, payload)
        } catch (e) {
          failed = true
          error = e
          for (let watch of errorWatchers) watch(e, listenerStores[slot] || undefined)
        }
      }
    } finally {
      draining = false
      if (!batchOpen) payloads.length = 0
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
          `the name '${name}' belongs to ${withArticle(KIND_NAMES[raw.atoll_kind(-id)])} store; it cannot also name ${withArticle(KIND_NAMES[kind])}`
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
      quiet++
      let slot = raw.atoll_listen(store.id, fnId(fn), edgeOf)
      listenerFns[slot] = fn
      listenerStores[slot] = store
    },
    // Removes the first listen() of `fn` on `store` (as Nano Stores does).
    // Returns the store's listener count left, or -1 if there was none.
    unlisten(store, fn) {
      quiet++
      let left = raw.atoll_unlisten(store.id, fnId(fn))
      if (left >= 0) {
        let slot = u32()[view + VIEW_REMOVED]
        listenerFns[slot] = listenerStores[slot] = undefined
      }
      return left
    },
    clearListeners(store) {
      quiet++
      for (let slot = 0; slot < listenerStores.length; slot++) {
        if (listenerStores[slot] === store) listenerFns[slot] = listenerStores[slot] = undefined
      }
      raw.atoll_clear_listeners(store.id)
    },

    notify(store, oldValue, changedKey) {
      epoch++
      let payload = payloads.length
      // Inside a batch listeners get no changedKey (several keys may change).
      payloads.push(oldValue, batchOpen ? undefined : changedKey)
      if (raw.atoll_notify(store.id, payload) && !draining) drain()
    },

    // Only the outermost batch opens one in the core and flushes it, even
    // when `fn` throws; a batch() inside it (or inside its flush) just runs.
    batch(fn) {
      if (batchOpen) return fn()
      raw.atoll_batch_open()
      batchOpen = true
      batchId++
      quiet++
      try {
        return fn()
      } finally {
        flushing = true
        try {
          drain()
        } finally {
          flushing = false
        }
      }
    },
    inBatch: () => batchOpen,
    // While a batch runs (before its flush) a store's listener functions are
    // queued once: after a store's first write, its next writes reach no
    // listener until a listener is added or removed. Returns a number that
    // stays the same exactly that long, or -1 when every write may reach one.
    quietMark: () => (batchOpen && !flushing ? quiet : -1),
    batchId: () => batchId,
    epoch: () => epoch,
    kind: store => raw.atoll_kind(store.id),

    // Computed graph: the core marks a mounted computed stale when one of its
    // inputs (or theirs) notifies; the computed clears the flag as it re-derives.
    isStale: store => u8()[staleFlag(store)] !== 0,
    markFresh(store) {
      u8()[staleFlag(store)] = 0
    },
    markStale(store) {
      u8()[staleFlag(store)] = 1
    }
  }
}
