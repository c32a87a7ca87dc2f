/** @jsxImportSource preact */
import { addCartItem, isCartOpen } from '../../cartStore.js';

export default function AddToCartForm({ item }) {
  function addToCart(e) {
    e.preventDefault();
    isCartOpen.set(true);
    addCartItem(item);
  }

  return (
    <form class="add-form" data-island="preact" data-part="add" onSubmit={addToCart}>
      <button type="submit" class="add-button">
        Add to cart
      </button>
    </form>
  );
}
