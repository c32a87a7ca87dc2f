// listenKeys(): a listener that runs only when one of the watched keys changed.
// A map (it has eqKey) matches keys exactly. A deep map's keys are paths: a
// write to one path can change another ('a' replaces 'a.b', removing an item
// shifts 'list[1]'), so any keyed write also compares the watched paths.
import { getPath } from '../deep-map/path.js'
import { assertFunction } from '../runtime/errors.js'

export function listenKeys(store, keys, listener) {
  assertFunction(listener, 'listenKeys', store)
  // The key as given: setKey(1, x) matches a watched 1, not '1'.
  let watched = new Set(keys)
  return store.listen((value, oldValue, changed) => {
    let deep = !store.eqKey
    let differs = key =>
      deep
        ? !Object.is(getPath(value, key), getPath(oldValue, key))
        : !store.eqKey(oldValue[key], value[key], key)
    let hit
    if (changed === undefined) {
      // set(), notify() or a batch: compare; no old value counts as a change.
      hit = keys.length > 0 && (oldValue === undefined || keys.some(differs))
    } else {
      hit =
        watched.has(changed) ||
        (deep &&
          typeof changed === 'string' &&
          // A watched 'a' when 'a.b' or 'a[0]' was written, as Nano Stores.
          (watched.has(changed.split(/[.[]/)[0]) || (oldValue !== undefined && keys.some(differs))))
    }
    if (hit) listener(value, oldValue, changed)
  })
}

export function subscribeKeys(store, keys, listener) {
  assertFunction(listener, 'subscribeKeys', store)
  let unbind = listenKeys(store, keys, listener)
  listener(store.value)
  return unbind
}
