import type { ReadableAtom, WritableAtom } from 'atoll-store'

/**
 * Svelte 5 needs no adapter in `.svelte` files: Atoll stores follow Svelte's
 * store contract, so `$store` reads (and subscribes) and `$store = value` calls
 * `store.set(value)`.
 *
 * ```svelte
 * <script>
 *   import { isCartOpen } from '../cartStore'
 * </script>
 *
 * <button onclick={() => ($isCartOpen = !$isCartOpen)}>Cart</button>
 * ```
 *
 * For runes code, where `$store` is not available (`.svelte.js` modules),
 * `fromStore` gives an object with a reactive `current`:
 *
 * ```js
 * // cart.svelte.js
 * import { fromStore } from 'atoll-store/svelte'
 * import { cartItems, isCartOpen } from './cartStore'
 *
 * const items = fromStore(cartItems)
 * export const open = fromStore(isCartOpen)
 * export const count = () => Object.keys(items.current).length
 *
 * // in a component: {#if open.current}...{count()} items...{/if}
 * //                 <button onclick={() => (open.current = !open.current)}>
 * ```
 *
 * Reading `current` in an effect (template, `$derived`, `$effect`) reruns it
 * when the store changes; the store listener lasts while such an effect does.
 * Outside effects and on the server it is a plain `store.get()`.
 * Assigning `current` calls `store.set`.
 *
 * Hydration: Svelte does not tell code outside it that a component hydrates,
 * so `$store` and `current` give the live value then too, also for a store
 * that `persist()` restored after the page was rendered. Svelte repairs the
 * text and blocks it hydrates, not `src`/`srcset` attributes or `{@html}`.
 */
export function fromStore<Value>(store: WritableAtom<Value>): { current: Value }
export function fromStore<Value>(
  store: ReadableAtom<Value>
): { readonly current: Value }
