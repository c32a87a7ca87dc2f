// "Recently added": the last item added and how many of it, from the map's
// changed key (listen() passes it, as in Nano Stores).
import { cartItems } from '../cartStore.js';

export function startRecent() {
  const line = document.querySelector('[data-island="script"][data-part="recent"]');
  const recent = line.querySelector('[data-recent]');

  cartItems.listen((items, oldItems, changedKey) => {
    if (Object.keys(items).length === 0) {
      recent.textContent = 'nothing yet';
      return;
    }
    const item = changedKey && items[changedKey];
    const before = changedKey && oldItems && oldItems[changedKey];
    if (item && (!before || item.quantity > before.quantity)) {
      recent.textContent = `${item.name} (×${item.quantity})`;
    }
  });

  line.dataset.ready = 'true';
}
