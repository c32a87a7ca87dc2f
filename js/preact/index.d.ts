import type { Store, StoreValue } from 'atoll-store'

type StoreKeys<T> = T extends { setKey: (k: infer K, v: any) => unknown } ? K : never

export interface UseStoreOptions<SomeStore> {
  /**
   * Re-render only when one of these map keys changes.
   */
  keys?: StoreKeys<SomeStore>[]

  /**
   * Value used on the server and during hydration, so that the hydrated HTML
   * matches; the component shows the live value right after hydration.
   * `'initial'` uses the store's initial value; a function returns the server
   * value; any other truthy value is the server value itself. Default: the
   * store's current value on the server; while hydrating, the value the page
   * was rendered with (the store's value from before `persist()` or
   * `syncTabs()` changed it, else its current value).
   */
  ssr?: 'initial' | (() => StoreValue<SomeStore>) | StoreValue<SomeStore> | false
}

/**
 * Subscribe a Preact component to a store and return the store's value.
 *
 * ```js
 * import { useStore } from 'atoll-store/preact'
 * const $isCartOpen = useStore(isCartOpen)
 * ```
 */
export function useStore<SomeStore extends Store>(
  store: SomeStore,
  options?: UseStoreOptions<SomeStore>
): StoreValue<SomeStore>
