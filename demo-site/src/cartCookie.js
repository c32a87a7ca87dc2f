// The cart as the server sees it: a cookie the browser keeps up to date
// (see cartStore.js). It carries only product ids and quantities,
// "astronaut-figurine:2|moon-lamp:1"; names, prices and images always come
// from the catalog (products.js), never from the cookie, and anything the
// catalog does not know is dropped.
import { products } from './products.js';

export const CART_COOKIE = 'atoll-cart';
export const OPEN_COOKIE = 'atoll-cart-open';
const MAX_QUANTITY = 999;

const catalog = new Map(products.map((p) => [p.id, p]));

/** @param {Record<string, import('./cartStore.js').CartItem>} items */
export function formatCart(items) {
  return Object.values(items)
    .map((item) => `${item.id}:${item.quantity}`)
    .join('|');
}

/**
 * The cart items a cookie value stands for (in the cookie's order), built
 * from the catalog. Unknown ids, repeated ids and bad quantities are dropped.
 * @param {string | undefined} text
 * @returns {Record<string, import('./cartStore.js').CartItem>}
 */
export function parseCart(text) {
  /** @type {Record<string, import('./cartStore.js').CartItem>} */
  const items = {};
  for (const part of (text ?? '').split('|').slice(0, catalog.size)) {
    const match = /^([a-z0-9-]+):(\d{1,4})$/.exec(part);
    const product = match && catalog.get(match[1]);
    const quantity = match ? Math.min(Number(match[2]), MAX_QUANTITY) : 0;
    if (!product || quantity < 1 || Object.hasOwn(items, product.id)) continue;
    const { id, name, imageSrc, price } = product;
    // The same shape, key order included, as addCartItem() builds.
    items[id] = { id, name, imageSrc, price, quantity };
  }
  return items;
}

/** The cart's open state: only "1" opens it. @param {string | undefined} text */
export const parseOpen = (text) => text === '1';
