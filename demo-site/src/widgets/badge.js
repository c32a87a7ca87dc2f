// The header's cart badge (how many items are in the cart) and its "Clear
// cart" button: plain script, no framework, the same cart store the islands use.
import { cartCount, cartItems } from '../cartStore.js';

export function startBadge() {
  const badge = document.querySelector('[data-island="script"][data-part="badge"]');
  const clear = document.querySelector('[data-island="script"][data-part="clear"]');

  cartItems.subscribe((items) => {
    const count = cartCount(items);
    badge.textContent = String(count);
    badge.classList.toggle('badge-empty', count === 0);
  });
  clear.addEventListener('click', () => cartItems.set({}));

  badge.dataset.ready = 'true';
  clear.dataset.ready = 'true';
}
