// "Save cart" keeps a snapshot of the cart ({"cart/items": {...}}) in
// localStorage (atoll-store/snapshot); "Restore saved cart" puts it back in
// one step, which Undo can take back.
import { restore, snapshot } from 'atoll-store/snapshot';
import { cartCount, cartItems } from '../cartStore.js';

const SAVED = 'atoll-demo/saved-cart';

export function startSaved() {
  const saved = document.querySelector('[data-island="script"][data-part="saved"]');
  const save = saved.querySelector('[data-action="save"]');
  const restoreButton = saved.querySelector('[data-action="restore"]');
  const note = saved.querySelector('[data-saved-note]');

  const showSaved = () => {
    const text = localStorage.getItem(SAVED);
    restoreButton.disabled = !text;
    try {
      note.textContent = text ? `saved: ${cartCount(JSON.parse(text)['cart/items'] ?? {})} items` : '';
    } catch {
      note.textContent = '';
    }
  };
  save.addEventListener('click', () => {
    localStorage.setItem(SAVED, snapshot([cartItems]));
    showSaved();
  });
  restoreButton.addEventListener('click', () => {
    const text = localStorage.getItem(SAVED);
    try {
      if (text) restore(text, [cartItems]);
    } catch (error) {
      // Not ours, or from an older page: forget it rather than break the page.
      console.warn('Forgetting a saved cart that cannot be restored:', error);
      localStorage.removeItem(SAVED);
    }
    showSaved();
  });
  addEventListener('storage', (event) => {
    if (event.key === SAVED || event.key === null) showSaved();
  });
  showSaved();

  saved.dataset.ready = 'true';
}
