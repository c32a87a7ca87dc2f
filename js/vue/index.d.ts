import type { MapStore, ReadableAtom, StoreValue, WritableAtom } from 'atoll-store'
import type { ShallowRef, WritableComputedRef } from 'vue'

/**
 * Reads a store in a component's `setup` (or any effect scope) as a read-only
 * shallow ref that follows the store. The store listener is removed when the
 * scope is disposed (the component unmounts). During a server render it reads
 * the value once and does not subscribe.
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

/**
 * A writable computed ref for `v-model`: with a key, on that key of a map store
 * (writes call `store.setKey(key, value)`); without one, on the whole store
 * (writes call `store.set(value)`).
 *
 * ```vue
 * <template><input v-model="username" /></template>
 *
 * <script setup>
 * import { useVModel } from 'atoll-store/vue'
 * import { profile } from '../stores/profile'
 *
 * const username = useVModel(profile, 'username')
 * </script>
 * ```
 */
export function useVModel<
  Value extends object,
  Key extends keyof Value & string
>(store: MapStore<Value>, key: Key): WritableComputedRef<Value[Key]>
export function useVModel<Value>(
  store: WritableAtom<Value>
): WritableComputedRef<Value>

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
