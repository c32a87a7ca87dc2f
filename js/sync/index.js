// syncTabs(): one store kept equal in every tab of a site.
//
// Conflicts resolve as "last writer wins". Every write gets a stamp
// [Lamport clock, tab id]; a tab takes a remote value only if its stamp is
// later than the stamp it holds for that value. The clock orders writes that
// saw each other; the random tab id breaks ties between simultaneous writes
// the same way in every tab, so all tabs end with the same value.
// A map holds one stamp for its last whole write (set(), a batch) and one per
// key written since: setKey sends only its key, and a whole write replaces
// every key whose stamp is older. Values travel as JSON text made here
// (JSON.stringify behind the check in json/to-json.js).
import { batch } from '../batch/index.js'
import { sameJSON } from '../json/same-json.js'
import { toJSONText, unserializable } from '../json/to-json.js'
import { describeValue, isPlainObject, storeLabel } from '../runtime/errors.js'
import { isMap } from '../runtime/store-checks.js'
import { assertWritableStore, attachOnce, unnamedStore } from '../attach/attach-once.js'
import { keepRendered } from '../hydration/rendered.js'
import { openTransport } from './transport.js'

const PROTOCOL = 1

// Stamps are [clock, tabId]; null (never written) is older than any stamp.
let later = (a, b) => !!a && (!b || a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]))

export function syncTabs(store, options = {}) {
  assertWritableStore(store, 'syncTabs')
  let channelName = options.channelName
  if (channelName === undefined) {
    if (store.name === undefined) throw unnamedStore(store, 'syncTabs', 'channelName')
    channelName = 'atoll-store:' + store.name
  }
  return attachOnce(store, 'syncTabs', String(channelName), () => start(store, String(channelName)))
}

// Content-equal remote values are skipped (json/same-json.js says why; a new
// tab's hello reply would otherwise do it to every tab); their stamps still count.

function start(store, channelName) {
  let label = storeLabel(store)
  let isMapStore = isMap(store)
  let tab = Math.random().toString(36).slice(2) + Date.now().toString(36)
  let clock = 0
  let wholeStamp = null
  let keyStamps = new Map() // map key -> stamp, for keys written after wholeStamp
  let applying = false

  let transport = openTransport(channelName, message => receive(message), store)
  if (!transport) return () => {} // no other tabs to reach (server rendering)
  // Other tabs' state replaces the value the page's HTML shows, maybe before
  // every island has hydrated: they hydrate with this one (see hydration/rendered.js).
  keepRendered(store)
  let send = message => transport.post({ atoll: PROTOCOL, from: tab, clock, ...message })

  // [clock, tab, JSON or null for a deleted key]
  let keyEntry = (key, stamp) => [
    stamp[0],
    stamp[1],
    Object.hasOwn(store.value, key) ? toJSONText(store.value[key], label, key) : null
  ]

  // A local write: serialize it first (a value JSON cannot hold throws to
  // the writer and is not stamped), then stamp and send it.
  let unbind = store.listen((value, oldValue, changedKey) => {
    // Applying a remote change must not send it back: no echo.
    if (applying) return
    let stamp = [clock + 1, tab]
    if (isMapStore && changedKey !== undefined) {
      let entry = keyEntry(changedKey, stamp)
      clock += 1
      keyStamps.set(changedKey, stamp)
      // A computed key defines an own property, even for '__proto__'.
      send({ keys: { [changedKey]: entry } })
    } else {
      let doc = toJSONText(store.value, label)
      clock += 1
      wholeStamp = stamp
      keyStamps.clear()
      send({ whole: stamp, doc })
    }
  })

  // Another tab's JSON gets the check our own writes get: a message that
  // holds what this tab could not send on (a lone surrogate, nesting too
  // deep: a foreign or older sender) is refused whole, before any stamp moves.
  let parse = (text, key) => {
    let value = JSON.parse(text)
    let where = unserializable(value, key)
    if (where) throw new Error(where)
    return value
  }

  let readAtom = ({ whole, doc }) => ({ whole, value: whole ? parse(doc) : undefined })

  let mergeAtom = ({ whole, value }) => {
    if (!later(whole, wholeStamp)) return
    wholeStamp = whole
    if (!sameJSON(value, store.value)) store.set(value)
  }

  // A message is a partial state: `whole` + `doc` (a whole write) and/or
  // `keys` (key writes).
  let readMap = ({ whole = null, doc, keys = {} }) => {
    let theirs = whole ? parse(doc) : {}
    if (!isPlainObject(theirs)) throw new Error(`the map's value is ${describeValue(theirs)}`)
    let entries = new Map()
    for (let name of Object.keys(keys)) {
      let [clock, from, json] = keys[name]
      entries.set(name, { stamp: [clock, from], value: json === null ? undefined : parse(json, name) })
    }
    return { whole, theirs, entries }
  }

  // For each key, the later of our stamp and theirs wins. Keys are looked up
  // as own properties only: a key named `__proto__` or `constructor` is data.
  let mergeMap = ({ whole, theirs, entries }) => {
    // A whole write speaks for every key, even ones it deleted.
    let names = whole
      ? new Set([...Object.keys(store.value), ...keyStamps.keys(), ...Object.keys(theirs), ...entries.keys()])
      : entries.keys()
    let writes = []
    for (let name of names) {
      let entry = entries.get(name)
      let stamp = entry ? entry.stamp : whole
      if (!later(stamp, keyStamps.get(name) || wholeStamp)) continue
      keyStamps.set(name, stamp)
      // undefined deletes the key
      let value = entry ? entry.value : Object.hasOwn(theirs, name) ? theirs[name] : undefined
      // A key we lack is a change even if reading it finds something (a key
      // named __proto__ reads Object.prototype, whose JSON is '{}').
      let had = Object.hasOwn(store.value, name)
      let unchanged = value === undefined ? !had : had && sameJSON(value, store.value[name])
      if (!unchanged) writes.push([name, value])
    }
    if (later(whole, wholeStamp)) {
      wholeStamp = whole
      for (let [name, stamp] of keyStamps) if (!later(stamp, whole)) keyStamps.delete(name)
    }
    // One write keeps its changedKey for listeners; several notify once.
    if (writes.length === 1) store.setKey(...writes[0])
    else if (writes.length) batch(() => writes.forEach(([name, value]) => store.setKey(name, value)))
  }

  // What this tab knows, for a tab that just opened (nothing if it saw no write).
  let state = () => {
    if (!wholeStamp && !keyStamps.size) return undefined
    // fromEntries makes own properties: `keys[key] = ...` would set the
    // prototype of `keys` for a key named __proto__, and drop the key.
    let keys = Object.fromEntries(Array.from(keyStamps, ([key, stamp]) => [key, keyEntry(key, stamp)]))
    return { whole: wholeStamp, doc: wholeStamp ? toJSONText(store.value, label) : undefined, keys }
  }

  function receive(message) {
    if (!message || message.atoll !== PROTOCOL || message.from === tab) return
    clock = Math.max(clock, message.clock)
    if (message.hello) {
      let reply
      try {
        reply = state()
      } catch (error) {
        // The writer already got this error; the new tab just starts without it.
        console.warn(`atoll-store: ${error.message}; a new tab was not sent the state`)
      }
      // Marked, so whoever listens on the channel (devtools, tests) can tell
      // a new tab's catch-up from a write; receivers treat both alike.
      if (reply) send({ ...reply, reply: true })
      return
    }
    let change
    try {
      change = isMapStore ? readMap(message) : readAtom(message)
    } catch (error) {
      console.warn(`atoll-store: store ${label} ignored a change from another tab: ${error.message}`)
      return
    }
    applying = true
    try {
      if (isMapStore) mergeMap(change)
      else mergeAtom(change)
    } finally {
      applying = false
    }
  }

  // Ask the open tabs for their state. (A full storage, in the fallback,
  // only means this tab starts from its own state.)
  try {
    send({ hello: true })
  } catch {}

  return () => {
    unbind()
    transport.close()
  }
}
