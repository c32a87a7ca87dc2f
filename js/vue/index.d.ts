import type { MapStore, ReadableAtom, StoreValue, WritableAtom } from 'atoll-store'
import type { ShallowRef, WritableComputedRef } from 'vue'

/**
 * Reads a store in a component's `setup` (or any effect scope) as a read-only
 * shallow ref that follows the store. Read-only is a development aid: with
 * `process.env.NODE_ENV === 'production'` it is a plain ref, as in
 * @nanostores/vue, and writing it never changes the store (use `store.set`).
 * Throws an `AtollError` (`ATOLL_NOT_A_STORE`) when given no store, e.g.
 * `undefined` from a mistyped import. The store listener is removed when the
 * scope is disposed (the component unmounts). During a server render it reads
 * the value once and does not subscribe. In a component that hydrates
 * server-rendered HTML, a store that `persist()` or `syncTabs()` changed since
 * the page loaded starts at the value the HTML was rendered with and takes
 * the live value once mounted.
 *
 * ```vue
 * <template>
 *   <button @click="isCartOpen.set(!$isCartOpen)">Cart</button>
 * </template>
 *
 * <script setup>
 * import { useStore } from 'atoll-store/vue'
 * import { isCartOpen } from '../cartStore'
 *
 * const $isCartOpen = useStore(isCartOpen)
 * </script>
 * ```
 */
export function useStore<SomeStore extends ReadableAtom>(
  store: SomeStore
): Readonly<ShallowRef<StoreValue<SomeStore>>>

/** Options of `useVModel` with an array of keys. */
export interface UseVModelOptions<Prefix extends string = 'Model'> {
  /**
   * Appended to each key to name its ref (the name follows @nanostores/vue;
   * it is a suffix): `{ prefix: 'Field' }` gives `nameField`. Default, and
   * what an empty string gives: `'Model'`.
   */
  prefix?: Prefix
}

/**
 * A writable computed ref for `v-model`: with a key, on that key of a map store
 * (writes call `store.setKey(key, value)`); without one, on the whole store
 * (writes call `store.set(value)`). With an array of keys, an object with one
 * such ref per key, named `<key>Model` (or `<key><prefix>`).
 *
 * ```vue
 * <template>
 *   <input v-model="username" />
 *   <input v-model="emailModel" />
 * </template>
 *
 * <script setup>
 * import { useVModel } from 'atoll-store/vue'
 * import { profile } from '../stores/profile'
 *
 * const username = useVModel(profile, 'username')
 * const { emailModel, phoneModel } = useVModel(profile, ['email', 'phone'])
 * </script>
 * ```
 */
export function useVModel<
  Value extends object,
  Key extends keyof Value & string,
  Prefix extends string = 'Model'
>(
  store: MapStore<Value>,
  keys: readonly Key[],
  opts?: UseVModelOptions<Prefix>
): {
  [K in Key as `${K}${Prefix extends '' ? 'Model' : Prefix}`]: WritableComputedRef<Value[K]>
}
export function useVModel<Value extends object, Key extends keyof Value & string>(
  store: MapStore<Value>,
  key: Key
): WritableComputedRef<Value[Key]>
export function useVModel<Value>(store: WritableAtom<Value>): WritableComputedRef<Value>

/**
 * `useStore` for several stores at once, for the options API: returns an object
 * whose properties read the stores' current values (tracked by Vue, read-only).
 *
 * ```js
 * export default {
 *   setup: () => mapStores({ cart: cartItems, open: isCartOpen }),
 *   computed: {
 *     count() { return Object.keys(this.cart).length }
 *   }
 * }
 * ```
 */
export function mapStores<Stores extends Record<string, ReadableAtom>>(
  stores: Stores
): { readonly [Name in keyof Stores]: StoreValue<Stores[Name]> }
