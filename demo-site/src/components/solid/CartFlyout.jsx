/** @jsxImportSource solid-js */
import { For, Show } from 'solid-js';
import { useStore } from 'atoll-store/solid';
import { cartItems, cartTotal, formatPrice, isCartOpen } from '../../cartStore.js';

export default function CartFlyout() {
  const $isCartOpen = useStore(isCartOpen);
  const $cartItems = useStore(cartItems);
  const items = () => Object.values($cartItems());

  return (
    <div class="flyout-slot" data-island="solid" data-part="flyout">
      <Show when={$isCartOpen()}>
        <aside class="flyout">
          <h2 class="flyout-title">
            <span class="toggle-fw">Solid</span> Your cart
          </h2>
          <Show when={items().length} fallback={<p class="empty">Your cart is empty!</p>}>
            <ul>
              <For each={items()}>
                {(cartItem) => (
                  <li data-item-id={cartItem.id}>
                    <img src={cartItem.imageSrc} alt={cartItem.name} />
                    <div>
                      <h3>{cartItem.name}</h3>
                      <p>Quantity: {cartItem.quantity}</p>
                    </div>
                    <span class="line-price">{formatPrice(cartItem.price * cartItem.quantity)}</span>
                  </li>
                )}
              </For>
            </ul>
            <p class="total">
              Total: <strong data-total>{formatPrice(cartTotal($cartItems()))}</strong>
            </p>
          </Show>
        </aside>
      </Show>
    </div>
  );
}
