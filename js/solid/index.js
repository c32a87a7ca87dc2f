// Solid adapter: `useStore(store, options)` returns an accessor. Values live in
// a Solid store and each change goes through `reconcile`, so for objects only
// the properties that really changed notify their readers (fine-grained),
// the way @nanostores/solid behaves.
import { onCleanup, onMount, sharedConfig } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { isServer } from 'solid-js/web'

import { hydrationValue } from '../hydration/rendered.js'
import { assertStore } from '../runtime/errors.js'

export function useStore(store, options = {}) {
  // A mistyped import gives `undefined`: say so here, on the server too,
  // rather than later from inside an accessor.
  assertStore(store, 'useStore')
  // A server render reads once and never cleans up its owner: a subscription
  // there would stay on the store after every request.
  if (isServer) return () => store.get()
  let [state, setState] = createStore({ value: undefined })
  let show = value => setState('value', reconcile(copy(value), options))
  // While Solid hydrates (its hydration context is set), HTML that shows the
  // value from before persist() or syncTabs() changed the store
  // (hydration/rendered.js) is hydrated with that value; the live one comes
  // in one update once mounted (Solid runs onMount after hydration).
  let first = sharedConfig.context && hydrationValue(store)
  let live = !first
  // subscribe() calls us at once with the current value, then on each change.
  let unsubscribe = store.subscribe(value => {
    if (live) show(value)
  })
  if (first) {
    show(first.current)
    onMount(() => {
      live = true
      show(store.get())
    })
  }
  // Unsubscribe when the owning component (or root) is disposed; the store
  // then unmounts after STORE_UNMOUNT_DELAY if nobody else listens.
  onCleanup(unsubscribe)
  return () => state.value
}

// A Solid store mutates the objects it holds (reconcile writes the new
// properties into the old object). Those objects must not be the store's own
// values: old values are still passed to listeners as oldValue, `store.init`
// is one of them, and map versions share their unchanged items. So Solid gets
// its own copy of plain objects and arrays (what Solid wraps anyway); other
// objects (Date, Map, class instances) are passed as they are, Solid does not
// wrap them. reconcile walks the whole value anyway, so this keeps its cost.
function copy(value, seen = new Map()) {
  if (value === null || typeof value !== 'object') return value
  let proto = Object.getPrototypeOf(value)
  let isArray = Array.isArray(value)
  if (!isArray && proto !== Object.prototype && proto !== null) return value
  // `seen` keeps shared and cyclic references shared and cyclic in the copy.
  if (seen.has(value)) return seen.get(value)
  let result = isArray ? [] : {}
  seen.set(value, result)
  for (let key of Object.keys(value)) result[key] = copy(value[key], seen)
  return result
}
