/** @jsxImportSource solid-js */
// The Astro recipe "Share state between islands": its three Solid components,
// as the recipe writes them, each mounted as a separate island (own root).
import { render } from 'solid-js/web'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { cartItems, isCartOpen } from './fixtures/cartStore.js'
import AddToCartForm from './fixtures/components/AddToCartForm.jsx'
import CartFlyout from './fixtures/components/CartFlyout.jsx'
import CartFlyoutReactive from './fixtures/components/CartFlyoutReactive.jsx'
import CartFlyoutToggle from './fixtures/components/CartFlyoutToggle.jsx'

let islands, warnings

beforeEach(() => {
  // Shared stores: back to the recipe's initial state for each test.
  isCartOpen.set(false)
  cartItems.set({})
  islands = []
  warnings = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
})

afterEach(() => {
  islands.forEach(({ el, dispose }) => {
    dispose()
    el.remove()
  })
  for (let spy of warnings) {
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  }
  expect(isCartOpen.lc).toBe(0)
  expect(cartItems.lc).toBe(0)
})

function island(component) {
  let el = document.createElement('div')
  document.body.append(el)
  islands.push({ el, dispose: render(component, el) })
  return el
}

function page(Flyout = CartFlyout) {
  let toggle = island(() => <CartFlyoutToggle />)
  let form = island(() => (
    <AddToCartForm>
      <button type="submit">Add to cart</button>
    </AddToCartForm>
  ))
  let flyout = island(() => <Flyout />)
  return { toggle, form, flyout }
}

function click(el) {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
}

function submit(form) {
  let event = new Event('submit', { bubbles: true, cancelable: true })
  form.dispatchEvent(event)
  return event
}

test('the toggle flips isCartOpen; the flyout shows "Your cart is empty!"', () => {
  let { toggle, flyout } = page()
  click(toggle.querySelector('button'))
  expect(isCartOpen.get()).toBe(true)
  click(toggle.querySelector('button'))
  expect(isCartOpen.get()).toBe(false)
  click(toggle.querySelector('button'))

  // The recipe's flyout reads $isCartOpen() once, when it is created.
  let opened = island(() => <CartFlyout />)
  expect(opened.querySelector('aside').textContent).toBe('Your cart is empty!')
  expect(flyout.innerHTML).toBe('')
})

test('adding to cart lists the item with its quantity in an open flyout', () => {
  isCartOpen.set(true)
  let { form, flyout } = page()
  expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')

  let event = submit(form.querySelector('form'))
  expect(event.defaultPrevented).toBe(true)
  expect(isCartOpen.get()).toBe(true)

  let items = flyout.querySelectorAll('li')
  expect(items).toHaveLength(1)
  expect(items[0].querySelector('h3').textContent).toBe('Astronaut Figurine')
  expect(items[0].querySelector('img').getAttribute('src')).toBe('/images/astronaut-figurine.png')
  expect(items[0].querySelector('p').textContent).toBe('Quantity: 1')

  submit(form.querySelector('form'))
  expect(flyout.querySelectorAll('li')).toHaveLength(1)
  expect(flyout.querySelector('li p').textContent).toBe('Quantity: 2')
  expect(cartItems.get()['astronaut-figurine'].quantity).toBe(2)

  cartItems.setKey('astronaut-figurine', undefined)
  expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')
})

test('recipe limitation: its flyout does not follow isCartOpen after mount', () => {
  let { toggle, flyout } = page()
  click(toggle.querySelector('button'))
  expect(isCartOpen.get()).toBe(true)
  expect(flyout.innerHTML).toBe('')
})

test('with the ternary inside JSX, toggling and adding work end to end', () => {
  let { toggle, form, flyout } = page(CartFlyoutReactive)
  expect(flyout.innerHTML).toBe('')

  click(toggle.querySelector('button'))
  expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')
  click(toggle.querySelector('button'))
  expect(flyout.innerHTML).toBe('')

  submit(form.querySelector('form'))
  expect(flyout.querySelector('li p').textContent).toBe('Quantity: 1')
  submit(form.querySelector('form'))
  expect(flyout.querySelector('li p').textContent).toBe('Quantity: 2')

  // The toggle saw the form open the cart, so this click closes it.
  click(toggle.querySelector('button'))
  expect(flyout.innerHTML).toBe('')
})
