/** @jsxImportSource solid-js */
import { useStore } from 'atoll-store/solid';
import { isCartOpen } from '../../cartStore.js';

export default function CartFlyoutToggle() {
  // read the store value with the `useStore` hook (an accessor in Solid)
  const $isCartOpen = useStore(isCartOpen);
  // write to the imported store using `.set`
  return (
    <button
      type="button"
      class="toggle"
      data-island="solid"
      data-part="toggle"
      aria-pressed={$isCartOpen() ? 'true' : 'false'}
      onClick={() => isCartOpen.set(!$isCartOpen())}
    >
      <span class="toggle-fw">Solid</span> Cart
    </button>
  );
}
