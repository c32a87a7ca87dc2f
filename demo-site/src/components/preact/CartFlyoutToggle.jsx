/** @jsxImportSource preact */
import { useStore } from 'atoll-store/preact';
import { isCartOpen } from '../../cartStore.js';

export default function CartFlyoutToggle() {
  // read the store value with the `useStore` hook
  const $isCartOpen = useStore(isCartOpen);
  // write to the imported store using `.set`
  return (
    <button
      type="button"
      class="toggle"
      data-island="preact"
      data-part="toggle"
      aria-pressed={$isCartOpen ? 'true' : 'false'}
      onClick={() => isCartOpen.set(!$isCartOpen)}
    >
      <span class="toggle-fw">Preact</span> Cart
    </button>
  );
}
