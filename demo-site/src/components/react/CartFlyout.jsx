/** @jsxImportSource react */
import { useStore } from 'atoll-store/react';
import { cartItems, cartTotal, formatPrice, isCartOpen } from '../../cartStore.js';

export default function CartFlyout() {
  const $isCartOpen = useStore(isCartOpen);
  const $cartItems = useStore(cartItems);
  const items = Object.values($cartItems);

  return (
    <div className="flyout-slot" data-island="react" data-part="flyout">
      {$isCartOpen ? (
        <aside className="flyout">
          <h2 className="flyout-title">
            <span className="toggle-fw">React</span> Your cart
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
                    <span className="line-price">{formatPrice(cartItem.price * cartItem.quantity)}</span>
                  </li>
                ))}
              </ul>
              <p className="total">
                Total: <strong data-total>{formatPrice(cartTotal($cartItems))}</strong>
              </p>
            </>
          ) : (
            <p className="empty">Your cart is empty!</p>
          )}
        </aside>
      ) : null}
    </div>
  );
}
