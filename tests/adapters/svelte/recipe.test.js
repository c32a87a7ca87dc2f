// The Astro recipe "Share state between islands", Svelte version: three
// islands, each mounted on its own as Astro does, sharing fixtures/cartStore.js.
// The components use the recipe's legacy syntax (on:click, <slot>), which
// Svelte 5 still compiles.
import { createRawSnippet, flushSync, hydrate, mount, unmount } from 'svelte'
import { render } from 'svelte/server'
import { expect, test } from 'vitest'

import { addCartItem, cartItems, isCartOpen } from './fixtures/cartStore.js'
import AddToCartForm from './fixtures/components/AddToCartForm.svelte'
import CartFlyout from './fixtures/components/CartFlyout.svelte'
import CartFlyoutServer from './fixtures/components/CartFlyout.svelte?server'
import CartFlyoutToggle from './fixtures/components/CartFlyoutToggle.svelte'
import { dom } from './dom.js'

function island(component, props = {}) {
  const root = document.createElement('astro-island')
  dom.container.append(root)
  return { root, app: mount(component, { target: root, props }) }
}

// The island's children, passed the way @astrojs/svelte passes them to a
// component that uses <slot>: a snippet, and `$$slots` saying it is there.
const addButton = {
  children: createRawSnippet(() => ({
    render: () => '<button type="submit">Add to cart</button>'
  })),
  $$slots: { default: true }
}

test('toggle, add to cart and flyout work together', () => {
  isCartOpen.set(false)
  cartItems.set({})
  const toggle = island(CartFlyoutToggle)
  const form = island(AddToCartForm, addButton)
  const flyout = island(CartFlyout)
  flushSync()
  expect(flyout.root.textContent.trim()).toBe('')

  toggle.root.querySelector('button').click()
  expect(isCartOpen.get()).toBe(true)
  flushSync()
  expect(flyout.root.textContent.trim()).toBe('Your cart is empty!')

  toggle.root.querySelector('button').click()
  flushSync()
  expect(flyout.root.textContent.trim()).toBe('')

  // Submitting opens the cart and adds the item.
  form.root.querySelector('button').click()
  flushSync()
  expect(isCartOpen.get()).toBe(true)
  const aside = flyout.root.querySelector('aside')
  expect(aside.querySelectorAll('li')).toHaveLength(1)
  expect(aside.querySelector('h3').textContent).toBe('Astronaut Figurine')
  expect(aside.querySelector('img').getAttribute('src')).toBe('/images/astronaut-figurine.png')
  expect(aside.querySelector('p').textContent).toBe('Quantity: 1')

  form.root.querySelector('button').click()
  flushSync()
  expect(flyout.root.querySelector('aside p').textContent).toBe('Quantity: 2')
  expect(flyout.root.querySelectorAll('li')).toHaveLength(1)

  for (const { app } of [toggle, form, flyout]) unmount(app)
  expect(isCartOpen.lc).toBe(0)
  expect(cartItems.lc).toBe(0)
})

test('the flyout renders on the server and hydrates', () => {
  isCartOpen.set(true)
  cartItems.set({})
  addCartItem({ id: 'x', name: 'Rocket', imageSrc: '/rocket.png' })
  addCartItem({ id: 'x', name: 'Rocket', imageSrc: '/rocket.png' })

  const { body } = render(CartFlyoutServer)
  expect(body).toContain('<h3>Rocket</h3>')
  expect(body).toContain('<p>Quantity: 2</p>')

  dom.container.innerHTML = body
  const item = dom.container.querySelector('li')
  const app = hydrate(CartFlyout, { target: dom.container })
  flushSync()
  expect(dom.warn).not.toHaveBeenCalled()
  expect(dom.container.querySelector('li')).toBe(item)

  isCartOpen.set(false)
  flushSync()
  expect(dom.container.querySelector('li')).toBeNull()
  unmount(app)
})
