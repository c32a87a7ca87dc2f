// The storefront's cart on Nano Stores, for the page benchmark: it replaces
// demo-site/src/cartStore.js in the generated copy (see ../nanoSite.js) and
// exports the same names, so every island is the demo's own file.
//
// Persistence and tab sync the way @nanostores/persistent does them: one
// localStorage key per cart item ("cart/items:<id>") and one for the open
// state, read back when a store is first used, and the `storage` event for
// other tabs. The server renders the cart from the same cookie as the Atoll
// demo (the page sets these stores from it, ../nanoSite.js): Nano Stores has
// no per-request scope, so that is only safe with one request at a time, as
// in the benchmark.
import { persistentAtom, persistentMap } from '@nanostores/persistent';
import { CART_COOKIE, OPEN_COOKIE, formatCart } from './cartCookie.js';

export const isCartOpen = persistentAtom('cart/open', false, { encode: JSON.stringify, decode: JSON.parse });

export const cartItems = persistentMap('cart/items:', {}, { encode: JSON.stringify, decode: JSON.parse });

// From here on, the same as demo-site/src/cartStore.js.

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

export function cartTotal(items) {
  return Object.values(items).reduce((sum, item) => sum + item.price * item.quantity, 0);
}

export function cartCount(items) {
  return Object.values(items).reduce((sum, item) => sum + item.quantity, 0);
}

export function formatPrice(amount) {
  return `$${amount.toFixed(2)}`;
}

if (typeof window !== 'undefined') {
  // The cookie the server renders from (only ids and quantities).
  cartItems.subscribe((items) => writeCookie(CART_COOKIE, formatCart(items)));
  isCartOpen.subscribe((open) => writeCookie(OPEN_COOKIE, open ? '1' : '0'));
}

function writeCookie(name, value) {
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${60 * 60 * 24 * 30}; SameSite=Lax`;
}
