// The Astro recipe "Share state between islands", Vue version: three islands,
// each its own app, as Astro mounts them, sharing fixtures/cartStore.js.
import { expect, test } from 'vitest'
import { createApp, createSSRApp, h, nextTick } from 'vue'
import { renderToString } from 'vue/server-renderer'

import { addCartItem, cartItems, isCartOpen } from './fixtures/cartStore.js'
import AddToCartForm from './fixtures/components/AddToCartForm.vue'
import CartFlyout from './fixtures/components/CartFlyout.vue'
import CartFlyoutToggle from './fixtures/components/CartFlyoutToggle.vue'
import { dom } from './dom.js'

function island(component, slot) {
  const root = document.createElement('astro-island')
  dom.container.append(root)
  const app = createApp({ render: () => h(component, null, slot) })
  app.mount(root)
  return { root, app }
}

test('toggle, add to cart and flyout work together', async () => {
  isCartOpen.set(false)
  cartItems.set({})
  const toggle = island(CartFlyoutToggle)
  const form = island(AddToCartForm, () => h('button', { type: 'submit' }, 'Add to cart'))
  const flyout = island(CartFlyout)
  const aside = () => flyout.root.querySelector('aside')

  expect(aside()).toBeNull()

  toggle.root.querySelector('button').click()
  expect(isCartOpen.get()).toBe(true)
  await nextTick()
  expect(aside().textContent).toBe('Your cart is empty!')

  toggle.root.querySelector('button').click()
  await nextTick()
  expect(aside()).toBeNull()

  // Submitting opens the cart and adds the item.
  form.root.querySelector('button').click()
  await nextTick()
  expect(isCartOpen.get()).toBe(true)
  expect(aside().querySelectorAll('li')).toHaveLength(1)
  expect(aside().querySelector('h3').textContent).toBe('Astronaut Figurine')
  expect(aside().querySelector('img').getAttribute('src')).toBe('/images/astronaut-figurine.png')
  expect(aside().querySelector('p').textContent).toBe('Quantity: 1')

  form.root.querySelector('button').click()
  await nextTick()
  expect(aside().querySelector('p').textContent).toBe('Quantity: 2')
  expect(aside().querySelectorAll('li')).toHaveLength(1)

  for (const { app } of [toggle, form, flyout]) app.unmount()
  expect(isCartOpen.lc).toBe(0)
  expect(cartItems.lc).toBe(0)
})

test('the flyout renders on the server and hydrates', async () => {
  isCartOpen.set(true)
  cartItems.set({})
  addCartItem({ id: 'x', name: 'Rocket', imageSrc: '/rocket.png' })
  addCartItem({ id: 'x', name: 'Rocket', imageSrc: '/rocket.png' })

  const html = await renderToString(createSSRApp(CartFlyout))
  expect(html).toContain('<h3>Rocket</h3>')
  expect(html).toContain('<p>Quantity: 2</p>')

  dom.container.innerHTML = html
  const item = dom.container.querySelector('li')
  const app = createSSRApp(CartFlyout)
  app.mount(dom.container)
  expect(dom.warn).not.toHaveBeenCalled()
  expect(dom.container.querySelector('li')).toBe(item)

  isCartOpen.set(false)
  await nextTick()
  expect(dom.container.querySelector('li')).toBeNull()
  app.unmount()
  expect(isCartOpen.lc).toBe(0)
})
