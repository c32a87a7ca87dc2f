/** @jsxImportSource solid-js */
import { addCartItem, isCartOpen } from '../../cartStore.js';

export default function AddToCartForm(props) {
  function addToCart(e) {
    e.preventDefault();
    isCartOpen.set(true);
    addCartItem(props.item);
  }

  return (
    <form class="add-form" data-island="solid" data-part="add" onSubmit={addToCart}>
      <button type="submit" class="add-button">
        Add to cart
      </button>
    </form>
  );
}
