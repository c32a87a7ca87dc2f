// The JS half of the runtime: one per page, shared by every copy of the
// package. It owns what cannot live in wasm (listener functions, payload
// values, key strings) and drains the core's queue.
//
// Data structures and their invariants:
// - listenerFns[slot] / listenerStores[slot]: the function and store of the
//   core's listener `slot`; undefined once unlistened (the core reuses slots,
//   and drops queued calls of a removed listener before reusing its slot).
//   listenerEdges[slot]: for a computed's edge, the object whose settle() the
//   function calls (see SETTLES), called directly by the drain; else undefined.
// - payloads: flat [oldValue, changedKey, ...]; a queue entry's payload id is
//   an index into it. payloads[0..payloadCount) are in use. When the
//   outermost drain ends outside a batch they are overwritten with undefined
//   (no old value is kept alive) and the count goes back to 0; the array keeps
//   its room, so a flush allocates nothing for them (up to PAYLOADS_KEPT).
// - batchOpen mirrors the core's: true from the outermost batch() until its
//   flush has drained the queue (writes made by listeners during the flush
//   belong to the batch, as in Nano Stores).
// - held: while a batch's flush calls a listener, that listener's latest
//   notify (store core id, payload id) waits here instead of calling the
//   core, and goes in with the drain's next take (atoll_notify_take): a
//   computed's re-derive ends with a notify, so a recompute in a flush costs
//   one call, not two. 0 = nothing held. Every other step that reads or
//   writes the core's state calls sendHeld() first, so the core sees the same
//   steps in the same order as without holding.
// - heldListen (the store), heldListenId, heldListenFresh: a listen() made
//   outside any batch and drain, of a store the core knows, by a function
//   that listens nowhere else, and not a computed's edge, waits here instead
//   of calling the core, and goes in first with the core's next call
//   (sendHeld). An unbind of it before then cancels it: neither call is
//   made, so a subscribe and its unsubscribe with nothing in between (what
//   React's useSyncExternalStore does on every mount, and a get() of an
//   unmounted store) cost no call. Exact, because that listen is its
//   function's only one (so it is the one an unbind removes), nothing was
//   queued for it, and the id it freshly took is fresh again for whichever
//   function takes it next. undefined = nothing held.
// - epoch: counts notifications. An unmounted computed store re-derives when
//   it moved (a mounted one asks the core's stale flags instead).
// - fnOwner[id] / fnRefs[id]: the function that holds core function id `id`
//   (a batch runs a function once however many stores it listens to) and
//   how many of its listen()s are in place. FN_ID on the function caches its
//   id (a plain property write: a WeakMap or defineProperty costs 20x more
//   per fresh closure); it counts only while fnOwner[id] is that function.
//   When an unbind takes fnRefs[id] to 0 the id goes back to freeFnIds, so
//   ids and the core's per-function table stay as small as the number of
//   functions listening now. An id cleanStores() took to 0 stays with its
//   function (see clearListeners).
// - store.core: the store's id in the core, given on its first listen(), so
//   a store nobody listens to costs the core nothing and its creation makes
//   no call (0 = none yet; such a store has no listeners and no edges, so a
//   write to it has nothing to tell the core). store.id is a serial number
//   for labels, from `serial`, shared by every copy of the package.
// - named: name -> store object, so every copy of the package gets the same
//   object for one name. Names live here, not in the core: every copy shares
//   this one engine, and the core then holds no strings.
// - fromServer: names of the stores that started from a handed-off value
//   (persist() lets that state win over the saved one).
// - handedOff: name -> value the server rendered the page with (see
//   runtime/hand-off.js); taken by the named store when it is created.
// - errorWatchers: functions told about every listener error (devtools).
// - server (a field of the engine object): undefined in a browser. On a
//   server, the first copy of atoll-store/ssr to load sets it once to the
//   request-scope hooks every copy shares:
//     scope: the AsyncLocalStorage holding the current request's values;
//     scoped: WeakSet of the stores whose `value` reads through the scope;
//     started: true once any request scope has begun;
//     write(store, next), setKey(store, key, value): called by the write
//       paths (atom set, deepMap setKey, map setKey) after their equality
//       checks; true means the write was the request's own and is done.
//   Computed stores derive outside any scope (scope.exit). Nothing else
//   reads it.
import {
  ENTRY_U32,
  VIEW_BATCH,
  VIEW_CREATED,
  VIEW_ENTRIES,
  VIEW_HEAD,
  VIEW_REMOVED,
  VIEW_STALE,
  VIEW_TAIL,
  VIEW_TAKEN_PAYLOAD
} from './core-layout.js'
import { AtollError } from './errors.js'

export const KIND_ATOM = 0
export const KIND_MAP = 1
export const KIND_COMPUTED = 2
export const KIND_NAMES = ['atom', 'map', 'computed']
let withArticle = word => (/^[aeiou]/.test(word) ? 'an ' : 'a ') + word

export const ENGINE_PROTOCOL = 5 // 4: engine.server, startedFromServer; 5: takeStale, SETTLES
const FN_ID = Symbol.for('atoll-store.fn')
// On a computed's edge listener (computed/, not batched/): the object whose
// settle() the listener calls. The drain calls it directly (one call site
// for every edge, see listenerEdges), and since settle() does nothing while
// the computed is not stale, the core's take() passes over such calls then
// instead of returning them (see Runtime::take).
export const SETTLES = Symbol.for('atoll-store.settles')
const PAYLOADS_KEPT = 1024 // see `payloads` above

// `raw`: the exports of the core wasm (bindings/hot_exports.cpp).
export function createEngine(raw) {
  let memory = raw.memory
  let heap = new Uint32Array(memory.buffer)
  let bytes = new Uint8Array(memory.buffer)
  let view = raw.atoll_view() >>> 2
  // A grown memory detaches the old buffer (its views read as length 0).
  let u32 = () => (heap.length ? heap : (heap = new Uint32Array(memory.buffer)))
  let u8 = () => (bytes.length ? bytes : (bytes = new Uint8Array(memory.buffer)))

  // Byte offset of the stale flags. The core's array moves only when it makes
  // a store (atoll_create, or atoll_listen of store 0), so it is read again
  // after those calls only.
  let staleBase = u32()[view + VIEW_STALE]
  let staleFlag = store => staleBase + store.core

  let sendHeld = () => {
    if (heldListen) {
      let store = heldListen
      heldListen = undefined
      let slot = raw.atoll_listen(store.core, heldListenId, 0, heldListenFresh)
      // (The id's owner is the function: it holds the id while it listens.)
      listenerFns[slot] = fnOwner[heldListenId]
      listenerStores[slot] = store
    }
    if (heldStore) {
      let store = heldStore
      heldStore = 0
      raw.atoll_notify(store, heldPayload)
    }
  }

  let listenerFns = []
  let listenerStores = []
  let listenerEdges = []
  let payloads = []
  let payloadCount = 0
  let named = new Map()
  let handedOff = new Map()
  let fromServer = new Set()
  let errorWatchers = new Set()
  let frozenFnIds = new Map() // only for functions that cannot take FN_ID
  let fnOwner = [undefined] // id 0 is "no function"
  let fnRefs = [0]
  let freeFnIds = []
  let draining = false
  let heldStore = 0 // see `held` above
  let heldPayload = 0
  let heldListen // see `heldListen` above
  let heldListenId = 0
  let heldListenFresh = 0 // atoll_listen's flags: 1 = the id is fresh
  let batchOpen = false
  let flushing = false
  let batchId = 0 // also the core's batch number (view.batch) while one is open
  let quiet = 0 // see quietMark()
  let epoch = 0
  let serial = 0

  // An unnamed store the page dropped gives its core record back. (Named
  // stores live for the page; a store with listeners is still referenced.)
  let released =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry(id => {
          sendHeld()
          raw.atoll_release(id)
        })
      : { register() {} }

  // The function's id, or 0 if it has none. (The owner check also keeps a
  // function from using the id its prototype, another listener, holds.)
  let fnId = fn => {
    let id = fn[FN_ID] || (frozenFnIds.size && frozenFnIds.get(fn))
    return id && fnOwner[id] === fn ? id : 0
  }
  let newFnId = fn => {
    let id = freeFnIds.length ? freeFnIds.pop() : fnOwner.push(undefined) - 1
    fnOwner[id] = fn
    fnRefs[id] = 0
    // A function that listens, leaves and listens again mostly gets its id back.
    if (fn[FN_ID] !== id) {
      // (A frozen function throws here: ES modules are strict.)
      try {
        fn[FN_ID] = id
      } catch {
        frozenFnIds.set(fn, id)
      }
    }
    return id
  }
  let releaseFnId = id => {
    if (--fnRefs[id]) return
    if (frozenFnIds.size) frozenFnIds.delete(fnOwner[id])
    fnOwner[id] = undefined
    freeFnIds.push(id)
  }

  // A store's core id is made on its first listen (atoll_listen of store 0
  // creates it) or, for a computed store, when its first input edge is added.
  // An unnamed store the page drops then gives its core record back (named
  // stores live for the page).
  let gotCoreId = (store, id) => {
    store.core = id
    if (store.name === undefined) released.register(store, id)
    return id
  }
  let coreId = store => {
    if (store.core) return store.core
    let id = raw.atoll_create() // (only from listen(), after its sendHeld)
    staleBase = u32()[view + VIEW_STALE]
    return gotCoreId(store, id)
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
          // An empty queue closes the batch here; the core needs asking only
          // when there is a call to take (it skips calls the batch merged).
          if (heldStore) {
            let store = heldStore
            heldStore = 0
            slot = raw.atoll_notify_take(store, heldPayload)
          } else {
            let h = u32()
            slot = h[view + VIEW_HEAD] < h[view + VIEW_TAIL] ? raw.atoll_take() : 0
          }
          if (!slot) {
            batchOpen = false
            u32()[view + VIEW_BATCH] = 0
            break
          }
          payload = u32()[view + VIEW_TAKEN_PAYLOAD]
        } else {
          sendHeld()
          let h = u32()
          let head = h[view + VIEW_HEAD]
          if (head >= h[view + VIEW_TAIL]) break
          h[view + VIEW_HEAD] = head + 1
          let at = (h[view + VIEW_ENTRIES] >>> 2) + head * ENTRY_U32
          slot = h[at]
          if (!slot) continue
          payload = h[at + 1]
        }
        try {
          let edge = listenerEdges[slot]
          if (edge) edge.settle()
          else call(slot, payload)
        } catch (e) {
          failed = true
          error = e
          for (let watch of errorWatchers) watch(e, listenerStores[slot] || undefined)
        }
      }
    } finally {
      sendHeld() // (only if a listener threw past the loop)
      draining = false
      if (!batchOpen) {
        if (payloadCount > PAYLOADS_KEPT) payloads = []
        else for (let i = 0; i < payloadCount; i++) payloads[i] = undefined
        payloadCount = 0
      }
    }
    if (failed) throw error
  }

  return {
    protocol: ENGINE_PROTOCOL,
    raw,

    // A new store's serial number, or the store already named `name`.
    createStore(kind, name) {
      if (name === undefined) return { id: ++serial }
      if (typeof name !== 'string' || !name) {
        throw new AtollError(
          'ATOLL_BAD_NAME',
          `a store name must be a non-empty string, got ${typeof name === 'string' ? 'an empty string' : typeof name}`
        )
      }
      let existing = named.get(name)
      if (!existing) return { id: ++serial }
      if (existing.kind !== kind) {
        throw new AtollError(
          'ATOLL_NAME_TAKEN',
          `the name '${name}' belongs to ${withArticle(KIND_NAMES[existing.kind])} store; it cannot also name ${withArticle(KIND_NAMES[kind])}`
        )
      }
      return { id: existing.id, existing }
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
    startedFromServer: name => fromServer.has(name),
    takeHandedOff(name) {
      if (!handedOff.has(name)) return { found: false }
      let value = handedOff.get(name)
      handedOff.delete(name)
      fromServer.add(name)
      return { found: true, value }
    },
    onListenerError(watch) {
      errorWatchers.add(watch)
      return () => errorWatchers.delete(watch)
    },

    // `edgeOf`: the computed store this listener derives (see computed/).
    listen(store, fn, edgeOf) {
      quiet++
      let id = fnId(fn)
      let fresh = !id
      if (fresh) id = newFnId(fn)
      sendHeld()
      if (!edgeOf && store.core && !fnRefs[id] && !draining && !batchOpen) {
        fnRefs[id] = 1
        heldListen = store
        heldListenId = id
        heldListenFresh = fresh ? 1 : 0
        return
      }
      fnRefs[id]++
      let settles = edgeOf && fn[SETTLES]
      let flags = (fresh ? 1 : 0) | (settles ? 2 : 0)
      let slot = raw.atoll_listen(store.core, id, edgeOf ? coreId(edgeOf) : 0, flags)
      if (!store.core) {
        // This listen made the store in the core, which may move the flags.
        staleBase = u32()[view + VIEW_STALE]
        gotCoreId(store, u32()[view + VIEW_CREATED])
      }
      listenerFns[slot] = fn
      listenerStores[slot] = store
      // (A freed slot's edge is cleared when it is freed.)
      if (settles) listenerEdges[slot] = settles
    },
    // Removes the first listen() of `fn` on `store` (as Nano Stores does).
    // Returns the store's listener count left, or -1 if there was none.
    unlisten(store, fn) {
      quiet++
      let id = fnId(fn)
      if (!id || !fnRefs[id] || !store.core) return -1 // listens nowhere: nothing to ask
      if (heldListen === store && heldListenId === id) {
        // Its only listen, never sent: cancel it. The store's count left is
        // the one before it (store.lc counts every listen() in place).
        heldListen = undefined
        releaseFnId(id)
        return store.lc - 1
      }
      sendHeld()
      let left = raw.atoll_unlisten(store.core, id)
      if (left >= 0) {
        let slot = u32()[view + VIEW_REMOVED]
        listenerFns[slot] = listenerStores[slot] = listenerEdges[slot] = undefined
        releaseFnId(id)
      }
      return left
    },
    // cleanStores(): the functions keep their ids even when no listen() is
    // left, because Nano Stores keeps their batch records (a function that
    // listens again in the same batch stays merged); a later unbind frees them.
    clearListeners(store) {
      quiet++
      if (!store.core) return
      sendHeld()
      for (let slot = 0; slot < listenerStores.length; slot++) {
        if (listenerStores[slot] === store) {
          fnRefs[fnId(listenerFns[slot])]--
          listenerFns[slot] = listenerStores[slot] = listenerEdges[slot] = undefined
        }
      }
      raw.atoll_clear_listeners(store.core)
    },

    notify(store, oldValue, changedKey) {
      epoch++
      if (!store.core) return // never listened to: nobody to tell
      let payload = payloadCount
      payloadCount += 2
      // Inside a batch listeners get no changedKey (several keys may change).
      payloads[payload] = oldValue
      payloads[payload + 1] = batchOpen ? undefined : changedKey
      sendHeld()
      if (batchOpen && draining) {
        // In a flush (or a batch a listener opened): held for the drain's next take.
        heldStore = store.core
        heldPayload = payload
      } else if (raw.atoll_notify(store.core, payload) && !draining) drain()
    },

    // Only the outermost batch opens one in the core and flushes it, even
    // when `fn` throws; a batch() inside it (or inside its flush) just runs.
    batch(fn) {
      if (batchOpen) return fn()
      sendHeld() // (the core sees a held listen before the batch opens, as it was made)
      batchOpen = true
      batchId = (batchId + 1) >>> 0 || 1 // the core reads 0 as "no batch"
      u32()[view + VIEW_BATCH] = batchId
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
    server: undefined, // request-scope hooks, see above
    inBatch: () => batchOpen,
    // While a batch runs (before its flush) a store's listener functions are
    // queued once: after a store's first write, its next writes reach no
    // listener until a listener is added or removed. Returns a number that
    // stays the same exactly that long, or -1 when every write may reach one.
    quietMark: () => (batchOpen && !flushing ? quiet : -1),
    batchId: () => batchId,
    epoch: () => epoch,

    // Computed graph: the core marks a mounted computed stale when one of its
    // inputs (or theirs) notifies; the computed clears the flag as it re-derives.
    // takeStale: a mounted computed is about to derive; clears its flag and
    // returns whether it was set (one step, read and write, per recompute).
    // Only a mounted computed clears its flag, so while its edges are being
    // added (before it counts as mounted) a queued edge call is never passed
    // over by the core (see SETTLES).
    takeStale(store) {
      sendHeld()
      if (!store.core) return false
      let flags = u8()
      let at = staleFlag(store)
      let was = flags[at] !== 0
      flags[at] = 0
      return was
    },
    markStale(store) {
      sendHeld()
      u8()[staleFlag(store)] = 1
    }
  }
}
