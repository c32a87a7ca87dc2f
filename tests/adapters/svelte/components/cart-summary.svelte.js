// A runes module (.svelte.js) built on fromStore: no `$store` syntax here.
import { fromStore } from 'atoll-store/svelte'

export function cartSummary(cartItems, isCartOpen) {
  const items = fromStore(cartItems)
  const open = fromStore(isCartOpen)
  const quantity = $derived(Object.values(items.current).reduce((sum, item) => sum + item.quantity, 0))
  return {
    get quantity() {
      return quantity
    },
    get open() {
      return open.current
    },
    toggle() {
      open.current = !open.current
    }
  }
}
