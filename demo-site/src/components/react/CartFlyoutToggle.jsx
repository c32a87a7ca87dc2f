/** @jsxImportSource react */
import { useStore } from 'atoll-store/react';
import { isCartOpen } from '../../cartStore.js';

export default function CartFlyoutToggle() {
  // read the store value with the `useStore` hook
  const $isCartOpen = useStore(isCartOpen);
  // write to the imported store using `.set`
  return (
    <button
      type="button"
      className="toggle"
      data-island="react"
      data-part="toggle"
      aria-pressed={$isCartOpen ? 'true' : 'false'}
      onClick={() => isCartOpen.set(!$isCartOpen)}
    >
      <span className="toggle-fw">React</span> Cart
    </button>
  );
}
