import type { Store, StoreValue } from 'atoll-store'
import type { Accessor } from 'solid-js'
import type { ReconcileOptions } from 'solid-js/store'

/** Options passed to Solid's `reconcile` (`key`, `merge`). */
export type UseStoreOptions = ReconcileOptions

/**
 * Subscribe to a store from a Solid component or root and return an accessor
 * of its value. Unsubscribes when the owner is disposed. While Solid hydrates,
 * a store that `persist()` or `syncTabs()` changed since the page loaded gives
 * the value the HTML was rendered with, and the live value once mounted.
 *
 * ```js
 * import { useStore } from 'atoll-store/solid'
 * const $isCartOpen = useStore(isCartOpen)
 * $isCartOpen()
 * ```
 */
export function useStore<
  SomeStore extends Store,
  Value extends StoreValue<SomeStore> = StoreValue<SomeStore>
>(store: SomeStore, options?: UseStoreOptions): Accessor<Value>
