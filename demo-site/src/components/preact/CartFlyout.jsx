/** @jsxImportSource preact */
import { useStore } from 'atoll-store/preact';
import { cartItems, cartTotal, formatPrice, isCartOpen } from '../../cartStore.js';

export default function CartFlyout() {
  const $isCartOpen = useStore(isCartOpen);
  const $cartItems = useStore(cartItems);
  const items = Object.values($cartItems);

  return (
    <div class="flyout-slot" data-island="preact" data-part="flyout">
      {$isCartOpen ? (
        <aside class="flyout">
          <h2 class="flyout-title">
            <span class="toggle-fw">Preact</span> Your cart
          </h2>
          {items.length ? (
            <>
              <ul>
                {items.map((cartItem) => (
                  <li key={cartItem.id} data-item-id={cartItem.id}>
                    <img src={cartItem.imageSrc} alt={cartItem.name} />
                    <div>
                      <h3>{cartItem.name}</h3>
                      <p>Quantity: {cartItem.quantity}</p>
                    </div>
                    <span class="line-price">{formatPrice(cartItem.price * cartItem.quantity)}</span>
                  </li>
                ))}
              </ul>
              <p class="total">
                Total: <strong data-total>{formatPrice(cartTotal($cartItems))}</strong>
              </p>
            </>
          ) : (
            <p class="empty">Your cart is empty!</p>
          )}
        </aside>
      ) : null}
    </div>
  );
}
