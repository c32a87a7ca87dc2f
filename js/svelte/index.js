// Svelte 5 adapter.
//
// In .svelte files no adapter is needed: Atoll stores keep Svelte's store
// contract (subscribe returns the unsubscribe function, writable stores have
// set), so `$store` and `$store = value` work as they are.
//
// This file is for runes code (.svelte.js / .svelte.ts modules, or components
// that prefer `x.current` to `$x`), where the `$` prefix is not available,
// and for components that hydrate with a persisted or tab-synced store.
//
// Hydration: the other adapters render the value a page's HTML was rendered
// with while a component hydrates (hydration/rendered.js). Svelte tells no
// code outside it whether a component hydrates, and `$store` calls the
// store's own subscribe, so `$store` reads the live value then. A component
// that passes its `$props.id()` to `rendered()` or `fromStore()` hydrates
// with the HTML's value instead (hydration.js says how that works).

import { createSubscriber } from 'svelte/reactivity'

import { assertStore } from '../runtime/errors.js'
import { hydrationGate } from './hydration.js'

// A `{ current }` view of a store, like `fromStore` from 'svelte/store'.
// Reading `current` inside an effect (template, $derived, $effect) makes it
// rerun when the store changes. The store listener is shared by all those
// effects and is removed when the last of them is destroyed (createSubscriber
// does the counting). Outside effects, and on the server, `current` is a plain
// read, and it always reads the store itself, so it is never stale.
// With the component's `$props.id()` as `id` (in a component only), a
// hydrating component reads the HTML's value until it has mounted.
export function fromStore(store, id) {
  // A mistyped import gives `undefined`: fail here, not at the first `.current`.
  assertStore(store, 'fromStore')
  let gate = arguments.length > 1 ? hydrationGate(store, id, 'fromStore') : undefined
  const subscribe = createSubscriber(update => {
    // On mount the value shown changes from the kept one to the live one.
    if (gate && !gate.open) gate.opened.add(update)
    let unbind = store.listen(() => update())
    return () => {
      if (gate) gate.opened.delete(update)
      unbind()
    }
  })
  return {
    get current() {
      subscribe()
      return gate && !gate.open ? gate.kept : store.get()
    },
    set current(value) {
      store.set(value)
    }
  }
}

// The store for `$name` in a component that hydrates: `$view` is the value
// the page's HTML was rendered with until the component has mounted, then
// the store's live value; `$view = x` writes the store. In a component that
// does not hydrate (its id was made in the browser), on the server, and for
// a store nothing changed since the page was rendered, it is the store itself.
export function rendered(store, id) {
  assertStore(store, 'rendered')
  let gate = hydrationGate(store, id, 'rendered')
  if (!gate) return store
  let view = {
    subscribe(fn) {
      if (gate.open) return store.subscribe(fn)
      let live = false
      let show = () => {
        live = true
        fn(store.get())
      }
      gate.opened.add(show)
      fn(gate.kept)
      let unbind = store.listen(value => {
        if (live) fn(value)
      })
      return () => {
        gate.opened.delete(show)
        unbind()
      }
    },
    get: () => (gate.open ? store.get() : gate.kept)
  }
  if (typeof store.set === 'function') view.set = value => store.set(value)
  return view
}
