// Svelte 5 adapter.
//
// In .svelte files no adapter is needed: Atoll stores keep Svelte's store
// contract (subscribe returns the unsubscribe function, writable stores have
// set), so `$store` and `$store = value` work as they are.
//
// This file is for runes code (.svelte.js / .svelte.ts modules, or components
// that prefer `x.current` to `$x`), where the `$` prefix is not available.
//
// Hydration: the other adapters render the value a page's HTML was rendered
// with while a component hydrates (hydration/rendered.js). Svelte tells no
// code outside it whether a component hydrates or mounts (its `hydrating`
// flag is internal), and `$store` calls the store's own subscribe, so here
// a hydrating component reads the live value; Svelte 5 repairs text, {#if}
// and {#each} quietly, not src/srcset or {@html} (README, Persistence).

import { createSubscriber } from 'svelte/reactivity'

import { assertStore } from '../runtime/errors.js'

// A `{ current }` view of a store, like `fromStore` from 'svelte/store'.
// Reading `current` inside an effect (template, $derived, $effect) makes it
// rerun when the store changes. The store listener is shared by all those
// effects and is removed when the last of them is destroyed (createSubscriber
// does the counting). Outside effects, and on the server, `current` is a plain
// read, and it always reads the store itself, so it is never stale.
export function fromStore(store) {
  // A mistyped import gives `undefined`: fail here, not at the first `.current`.
  assertStore(store, 'fromStore')
  const subscribe = createSubscriber(update => store.listen(() => update()))
  return {
    get current() {
      subscribe()
      return store.get()
    },
    set current(value) {
      store.set(value)
    }
  }
}
