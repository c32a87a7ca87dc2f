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
 * that `persist()` or `syncTabs()` changed after the page was rendered.
 * Svelte repairs the text and blocks it hydrates, not `src`/`srcset`
 * attributes or `{@html}`. In a component, pass its `$props.id()` (Svelte
 * 5.20+): `const id = $props.id()` and `fromStore(store, id)` then reads the value the page's
 * HTML was rendered with while the component hydrates, and the live value
 * from its mount on (see `rendered` for `$store`).
 */
export function fromStore<Value>(store: WritableAtom<Value>, id?: string): { current: Value }
export function fromStore<Value>(store: ReadableAtom<Value>, id?: string): { readonly current: Value }

/**
 * The store for `$name` in a component that hydrates server HTML: while the
 * component hydrates, `$name` is the value the page's HTML was rendered with
 * (not the state `persist()`/`syncTabs()` restored since), and from the
 * component's mount on the store's live value; `$name = x` writes the store.
 * `id` is the component's `$props.id()`, which tells Svelte's hydration
 * apart: a component mounted in the browser (`client:only`, shown later)
 * gets the store itself, as on the server. Call it in the component's
 * `<script>`, not in a module. Throws `ATOLL_NOT_AN_ID` without an id.
 *
 * ```svelte
 * <script>
 *   import { rendered } from 'atoll-store/svelte'
 *   import { cartItems } from '../cartStore'
 *   const id = $props.id() // Svelte allows it only as a declaration
 *   const cart = rendered(cartItems, id)
 * </script>
 *
 * <img src={`/cart-${Object.keys($cart).length}.svg`} alt="cart" />
 * ```
 */
export function rendered<Value>(store: WritableAtom<Value>, id: string): SvelteWritable<Value>
export function rendered<Value>(store: ReadableAtom<Value>, id: string): SvelteReadable<Value>

/** Svelte's store contract, as `rendered` gives it. */
export interface SvelteReadable<Value> {
  subscribe(run: (value: Value) => void): () => void
  get(): Value
}
export interface SvelteWritable<Value> extends SvelteReadable<Value> {
  set(value: Value): void
}
