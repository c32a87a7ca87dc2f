// What persist() and syncTabs() share: checking the store they are given,
// and making sure a store is persisted (or synced) once per target on a page.
import { AtollError, storeLabel } from '../runtime/errors.js'
import { assertStore, assertWritable } from '../runtime/store-checks.js'

export function assertWritableStore(store, method) {
  assertStore(store, method)
  assertWritable(store, method)
}

export function unnamedStore(store, method, option) {
  return new AtollError(
    'ATOLL_UNNAMED_STORE',
    `${method}() needs a ${option}: store ${storeLabel(store)} has no name, so pass { ${option} } or create the store with { name }`
  )
}

// A page may hold several copies of one bundle: named stores are shared
// between them, and every copy runs its store module's persist()/syncTabs()
// call. A second sync of one store would send the first one's changes again
// (and double every write), so the first call does the work and later calls
// only join it; the work stops when every caller has stopped. The table is on
// the store object under a Symbol.for key, so every package copy sees it.
const ATTACHED = Symbol.for('atoll-store.attached')

export function attachOnce(store, target, key, start) {
  let targets = (store[ATTACHED] ||= new Map())
  if (!targets.has(target)) targets.set(target, new Map())
  let byKey = targets.get(target)
  let entry = byKey.get(key)
  if (!entry) {
    entry = { users: 0, stop: start() }
    byKey.set(key, entry)
  }
  entry.users += 1
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    entry.users -= 1
    if (!entry.users) {
      byKey.delete(key)
      entry.stop()
    }
  }
}
