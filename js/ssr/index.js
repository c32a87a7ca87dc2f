// atoll-store/ssr: request-scoped server state, handed to the client in the page.
//
// Server only (node:async_hooks). Stores are module singletons shared by every
// request a server handles, so a request's state cannot live in the store: it
// lives in a scope (an AsyncLocalStorage context, which follows the request's
// awaits, timers and streams) and the store reads through to it:
// - every write inside a scope (set, setKey of a map or deepMap, and so
//   everything built on them) is copy-on-write into the scope: the store's
//   write path asks engine.server.write / engine.server.setKey (one property
//   check on the client, where this module never loads; the hooks are
//   described in runtime/engine.js), which puts the new
//   value in the scope and stops the shared write. The shared value never
//   changes and no listener is called (listeners are process-wide: they would
//   hear one request's state while serving another). onSet handlers still run
//   (they wrap set/setKey) and abort() still cancels the write.
// - the first scoped write or setServerState() of a store makes its `value`
//   field consult the current scope, so get() and subscribe() (every
//   adapter's SSR path goes through one of them) do too; outside a scope, or
//   in a scope that has no value of the store, they read the shared value;
// - serverStateScript() writes into the page the values of the stores this
//   request gave to setServerState(), where the client runtime reads them
//   before any island's store exists (runtime/hand-off.js). Other scoped
//   writes stay on the server: state reaches the page only when asked to.
// - outside any scope, after the first scope started, a write is shared by
//   every request: the first such write of each store warns.
// The client never loads this module, so none of this costs the browser anything.
import { AsyncLocalStorage } from 'node:async_hooks'
import { toJSONText } from '../json/to-json.js'
import { writesNothing } from '../map/index.js'
import { KIND_COMPUTED } from '../runtime/engine.js'
import { AtollError, assertFunction, assertPlainObject, storeLabel } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { setOwn } from '../runtime/own-property.js'
import { assertStore, isMap } from '../runtime/store-checks.js'

// The server hooks live on the shared engine (runtime/engine.js describes
// them), so every copy of the package, and the computed stores (see the
// README), use one scope storage and one set of wrapped stores. The first
// copy to load makes them; write and setKey are set below.
// A scope is { values: Map(store -> this request's value), sent: Set(stores
// given to setServerState, the ones handed to the page), written: whether
// serverStateScript() has put them into the page already }.
let server = (engine.server ||= { scope: new AsyncLocalStorage(), scoped: new WeakSet(), started: false })
let storage = server.scope
// The stores wrapped by their first scoped write or setServerState().
let scoped = server.scoped

// The current scope's values if they include `store`.
let holding = store => {
  let scope = storage.getStore()
  return scope && scope.values.has(store) ? scope.values : undefined
}

// A change after the page got the state would make the server render
// something the client never hears of: a hydration mismatch. Say so instead.
let assertNotWritten = (scope, store, method) => {
  if (scope.written) {
    throw new AtollError(
      'ATOLL_STATE_WRITTEN',
      `${method} of store ${storeLabel(store)} came after serverStateScript() wrote this request's state into the page: set server state in the page's frontmatter or in middleware, before <head> renders`
    )
  }
}

let makeScoped = store => {
  scoped.add(store)
  // An accessor over the store's own `value` (a plain field for atoms, the
  // map's accessor for maps) that reads the scope first. The store's own code
  // (get, subscribe, set, listeners) reads `value` too, so it needs no change.
  let own = Object.getOwnPropertyDescriptor(store, 'value')
  let field = own.value
  let readShared = own.get ? () => own.get.call(store) : () => field
  let writeShared = own.set ? value => own.set.call(store, value) : value => (field = value)
  Object.defineProperty(store, 'value', {
    enumerable: true,
    configurable: true,
    get: () => {
      let values = holding(store)
      return values ? values.get(store) : readShared()
    },
    set: value => {
      let values = holding(store)
      if (values) values.set(store, value)
      else writeShared(value)
    }
  })
}

// Writes outside any scope on a server, once requests are being served, are
// every request's: the first of each store says so.
let warned = new WeakSet()
let warnShared = store => {
  if (!server.started || typeof window !== 'undefined' || store.kind === KIND_COMPUTED) return
  if (warned.has(store)) return
  warned.add(store)
  console.warn(
    `atoll-store: store ${storeLabel(store)} was written outside a request scope on the server. Writes outside a request scope are shared by every request (every visitor sees them); inside one (atollMiddleware, runWithState) a write is that request's own. Write request data while the request renders, or with setServerState().`
  )
}

// The write path's hook (atom set, deepMap setKey, after their equality
// checks): `next` is the store's whole new value. Returns true when the
// write belongs to the current scope (and is done), false for a shared write.
let writeInScope = (store, next) => {
  let scope = storage.getStore()
  // A computed store derives outside any scope (computed/index.js) and is
  // never written by a request.
  if (!scope || store.kind === KIND_COMPUTED) {
    if (!scope) warnShared(store)
    return false
  }
  if (scope.sent.has(store)) assertNotWritten(scope, store, 'set()/setKey()')
  if (!scoped.has(store)) makeScoped(store)
  scope.values.set(store, next)
  return true
}

// map setKey's hook, called first: the map's own bookkeeping holds the shared
// value, so the scope's write is made here, from `store.value` (the scope's
// value, or the shared one the first time), with the map's rules.
let setKeyInScope = (store, key, value) => {
  if (!storage.getStore()) {
    warnShared(store)
    return false
  }
  let old = store.value
  let property = typeof key === 'symbol' ? key : String(key)
  let present = Object.hasOwn(old, property)
  if (writesNothing(store, present, present ? old[property] : undefined, value, key)) return true
  let next = { ...old }
  if (value === undefined) delete next[property]
  else setOwn(next, property, value)
  return writeInScope(store, next)
}

// The first copy of the package to load installs the hooks (they use only
// what is shared on the engine, so any copy's will do).
server.write ||= writeInScope
server.setKey ||= setKeyInScope

let newScope = () => {
  server.started = true
  return { values: new Map(), sent: new Set(), written: false }
}

// Runs fn (sync or async) in a fresh, empty request scope and returns its result.
export let runWithState = fn => {
  assertFunction(fn, 'runWithState')
  return storage.run(newScope(), fn)
}

// Astro middleware (src/middleware.js: `export const onRequest = atollMiddleware`,
// or inside `sequence(...)`): the page renders, and streams, inside the scope.
export let atollMiddleware = (context, next) => storage.run(newScope(), next)

export function setServerState(store, value) {
  assertStore(store, 'setServerState')
  let label = storeLabel(store)
  if (store.name === undefined) {
    throw new AtollError(
      'ATOLL_UNNAMED_STORE',
      `setServerState() needs a named store, so the client can find it: store ${label} has no name (create it with atom(value, { name: 'cart/open' }))`
    )
  }
  let scope = storage.getStore()
  if (!scope) {
    throw new AtollError(
      'ATOLL_NO_SERVER_SCOPE',
      `setServerState() of store ${label} was called outside a request scope: use atollMiddleware (src/middleware.js: export const onRequest = atollMiddleware) or runWithState()`
    )
  }
  if (isMap(store)) assertPlainObject(value, 'setServerState()', store)
  // Refuse now, with this caller on the stack, what the page could not carry.
  // (JSON has no undefined: the client would get null and render differently.)
  if (value === undefined) {
    throw new AtollError(
      'ATOLL_NOT_SERIALIZABLE',
      `store ${label} cannot be written as JSON: undefined at $ (use null)`
    )
  }
  toJSONText(value, label)
  assertNotWritten(scope, store, 'setServerState()')
  if (!scoped.has(store)) makeScoped(store)
  scope.values.set(store, value)
  scope.sent.add(store)
}

// JSON inside <script> is raw text to the HTML parser: `</script`, `<!--` and
// `<script` must never appear, and U+2028/U+2029 break older JS parsers of the
// text. Those characters can only occur inside JSON strings, where \uXXXX is
// the same string, so JSON.parse gives back exactly the original value.
let UNSAFE = /[<>&\u2028\u2029]/g
let escapeJSON = text =>
  text.replace(UNSAFE, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)

// The values of the stores this request gave to setServerState(), as JSON
// text safe to put inside <script>. Outside a scope nothing can have been set
// (setServerState refuses), so a layout shared with prerendered pages may
// call it anywhere.
export function serverStateJSON() {
  let scope = storage.getStore()
  let parts = []
  if (scope) {
    scope.written = true
    for (let [store, value] of scope.values) {
      if (!scope.sent.has(store)) continue
      parts.push(`${JSON.stringify(store.name)}:${toJSONText(value, storeLabel(store))}`)
    }
  }
  return escapeJSON(`{${parts.join(',')}}`)
}

// The element the client runtime reads (runtime/hand-off.js), or '' when this
// request set nothing (or there is no request scope). Put it in <head>, before
// any island: <Fragment set:html={serverStateScript()} />
export function serverStateScript() {
  let json = serverStateJSON()
  return json === '{}' ? '' : `<script type="application/json" data-atoll-state>${json}</script>`
}
