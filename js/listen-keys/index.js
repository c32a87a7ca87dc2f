// listenKeys(): a listener that runs only when one of the watched keys changed.
import { assertFunction } from '../runtime/errors.js'

export function listenKeys(store, keys, listener) {
  assertFunction(listener, 'listenKeys', store)
  let watched = new Set(keys)
  return store.listen((value, oldValue, changed) => {
    // A set() or a batch gives no changedKey: compare the watched keys.
    let eqKey = store.eqKey || Object.is
    let hit =
      changed === undefined
        ? oldValue === undefined || keys.some(key => !eqKey(oldValue[key], value[key]))
        : watched.has(changed)
    if (hit) listener(value, oldValue, changed)
  })
}

export function subscribeKeys(store, keys, listener) {
  assertFunction(listener, 'subscribeKeys', store)
  let unbind = listenKeys(store, keys, listener)
  listener(store.value)
  return unbind
}
