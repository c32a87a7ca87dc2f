// The shared cart, as in Astro's "Share state between islands" recipe, with
// Atoll instead of Nano Stores. The names make these the same two stores for
// every script on the page, even ones bundled separately or loaded with no
// bundler at all (pages/no-bundler.astro finds the cart by name).
//
// Where the cart lives besides memory (browser only, set up below, before any
// island reads a store: every island imports this module first):
// - a cookie (ids and quantities), so the server renders the page with the
//   cart (pages/index.astro hands it over with setServerState);
// - localStorage (atoll-store/persistent), the browser's own copy;
// - the other open tabs (atoll-store/sync).
import { atom, map } from 'atoll-store';
import { persist } from 'atoll-store/persistent';
import { syncTabs } from 'atoll-store/sync';
import { CART_COOKIE, OPEN_COOKIE, formatCart } from './cartCookie.js';

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

/** @param {Record<string, CartItem>} items */
export function cartCount(items) {
  return Object.values(items).reduce((sum, item) => sum + item.quantity, 0);
}

/** @param {number} amount */
export function formatPrice(amount) {
  return `$${amount.toFixed(2)}`;
}

if (typeof window !== 'undefined') {
  // Here the stores already hold what the server rendered: the runtime read
  // the page's <script data-atoll-state> before creating them.

  // 1. localStorage. persist() restores the saved cart at once, before any
  //    island hydrates. The cart the server rendered (from the cookie, handed
  //    over with setServerState) wins over the saved one and becomes it; a
  //    saved cart equal to the store's is not set again (no re-render).
  persist(cartItems);

  // 2. Every tab of the site shows the same cart, open or closed.
  syncTabs(cartItems);
  syncTabs(isCartOpen);

  // 3. The cookie the server renders from (only ids and quantities).
  cartItems.subscribe((items) => writeCookie(CART_COOKIE, formatCart(items)));
  isCartOpen.subscribe((open) => writeCookie(OPEN_COOKIE, open ? '1' : '0'));

  // (?debug logging is set up by the page's script, pages/index.astro: the
  // logger must not be on the path every island waits for.)
}

function writeCookie(name, value) {
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${60 * 60 * 24 * 30}; SameSite=Lax`;
}
