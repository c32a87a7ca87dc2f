/** @jsxImportSource react */
import { addCartItem, isCartOpen } from '../../cartStore.js';

export default function AddToCartForm({ item }) {
  function addToCart(e) {
    e.preventDefault();
    isCartOpen.set(true);
    addCartItem(item);
  }

  return (
    <form className="add-form" data-island="react" data-part="add" onSubmit={addToCart}>
      <button type="submit" className="add-button">
        Add to cart
      </button>
    </form>
  );
}
