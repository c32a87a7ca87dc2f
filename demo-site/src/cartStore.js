// The shared cart, as in Astro's "Share state between islands" recipe, with
// Atoll instead of Nano Stores. The names make these the same two stores for
// every script on the page, even ones bundled separately or loaded with no
// bundler at all (see the inline "recently added" widget in pages/index.astro).
import { atom, map } from 'atoll-store';

export const isCartOpen = atom(false, { name: 'cart/open' });

/**
 * @typedef {Object} CartItem
 * @property {string} id
 * @property {string} name
 * @property {string} imageSrc
 * @property {number} price
 * @property {number} quantity
 */

/** @type {import('atoll-store').MapStore<Record<string, CartItem>>} */
export const cartItems = map({}, { name: 'cart/items' });

/** @param {Pick<CartItem, 'id' | 'name' | 'imageSrc' | 'price'>} item */
export function addCartItem({ id, name, imageSrc, price }) {
  const existingEntry = cartItems.get()[id];
  if (existingEntry) {
    cartItems.setKey(id, {
      ...existingEntry,
      quantity: existingEntry.quantity + 1,
    });
  } else {
    cartItems.setKey(id, { id, name, imageSrc, price, quantity: 1 });
  }
}

/** @param {Record<string, CartItem>} items */
export function cartTotal(items) {
  return Object.values(items).reduce((sum, item) => sum + item.price * item.quantity, 0);
}

/** @param {number} amount */
export function formatPrice(amount) {
  return `$${amount.toFixed(2)}`;
}
