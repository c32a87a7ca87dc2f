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
import { atom, map, onSet } from 'atoll-store';
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

  // 1. A write that changes nothing (another tab sending back the cart this
  //    tab already shows, a restore of the same cart) is dropped: it would
  //    re-render every island and add an empty Undo step.
  onSet(cartItems, ({ changed, newValue, abort }) => {
    const now = cartItems.get();
    if (changed === undefined ? sameCart(now, newValue) : sameData(now[changed], newValue[changed])) abort();
  });

  // 2. localStorage. persist() restores the saved cart at once, before any
  //    island hydrates, so it must equal what the server rendered: the server
  //    read the cookie, and cookie and localStorage are written together, so
  //    they normally agree. When they do not (a cleared cookie, a changed
  //    price in the catalog), the rendered cart wins and becomes the saved one:
  //    restoring anything else now would be a hydration mismatch.
  if (wasRenderedOnServer(cartItems.name) && !sameCart(readSaved(cartItems.name), cartItems.get())) {
    localStorage.setItem(cartItems.name, JSON.stringify(cartItems.get()));
  }
  persist(cartItems);

  // 3. Every tab of the site shows the same cart, open or closed.
  syncTabs(cartItems);
  syncTabs(isCartOpen);

  // 4. The cookie the server renders from (only ids and quantities).
  cartItems.subscribe((items) => writeCookie(CART_COOKIE, formatCart(items)));
  isCartOpen.subscribe((open) => writeCookie(OPEN_COOKIE, open ? '1' : '0'));

  // 5. ?debug in the URL: every change in the console ([cart] cart/items.moon-lamp: … → …).
  if (new URLSearchParams(location.search).has('debug')) {
    const { logStores } = await import('atoll-store/logger');
    logStores([isCartOpen, cartItems], { label: 'cart' });
  }
}

/** Equal as JSON data, whatever the order of object keys. */
function sameData(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]));
}

/** The same items in the same order (the order the carts list them in). */
function sameCart(a, b) {
  if (!a || !b) return a === b;
  const keys = Object.keys(a);
  return keys.join('\n') === Object.keys(b).join('\n') && keys.every((key) => sameData(a[key], b[key]));
}

/** What localStorage holds under `key`, or undefined. */
function readSaved(key) {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether the page's server state (<script data-atoll-state>) holds this store. */
function wasRenderedOnServer(name) {
  for (const element of document.querySelectorAll('script[type="application/json"][data-atoll-state]')) {
    try {
      if (Object.hasOwn(JSON.parse(element.textContent ?? ''), name)) return true;
    } catch {}
  }
  return false;
}

function writeCookie(name, value) {
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${60 * 60 * 24 * 30}; SameSite=Lax`;
}
