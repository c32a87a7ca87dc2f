/** @jsxImportSource react */
// The Astro recipe "Share state between islands": its three React components,
// as the recipe writes them, each mounted as a separate island (own root).
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { cartItems, isCartOpen } from './fixtures/cartStore.js'
import AddToCartForm from './fixtures/components/AddToCartForm.jsx'
import CartFlyout from './fixtures/components/CartFlyout.jsx'
import CartFlyoutToggle from './fixtures/components/CartFlyoutToggle.jsx'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

let islands, errors

beforeEach(() => {
  // Shared stores: back to the recipe's initial state for each test.
  isCartOpen.set(false)
  cartItems.set({})
  islands = []
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  act(() => islands.forEach(island => island.root.unmount()))
  islands.forEach(island => island.element.remove())
  // The recipe's list has no `key`: React warns about that, and only that.
  let other = errors.mock.calls.filter(call => !/unique "key"/.test(call[0]))
  expect(other).toEqual([])
  errors.mockRestore()
  expect(isCartOpen.lc).toBe(0)
  expect(cartItems.lc).toBe(0)
})

function island(element) {
  let el = document.createElement('div')
  document.body.append(el)
  let root = createRoot(el)
  act(() => root.render(element))
  islands.push({ element: el, root })
  return el
}

function page() {
  let toggle = island(<CartFlyoutToggle />)
  let form = island(
    <AddToCartForm>
      <button type="submit">Add to cart</button>
    </AddToCartForm>
  )
  let flyout = island(<CartFlyout />)
  return { toggle, form, flyout }
}

function click(el) {
  act(() => el.dispatchEvent(new MouseEvent('click', { bubbles: true })))
}

function submit(form) {
  let event = new Event('submit', { bubbles: true, cancelable: true })
  act(() => form.dispatchEvent(event))
  return event
}

test('the flyout starts closed; the toggle opens and closes it', () => {
  let { toggle, flyout } = page()
  expect(flyout.innerHTML).toBe('')

  click(toggle.querySelector('button'))
  expect(isCartOpen.get()).toBe(true)
  expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')

  click(toggle.querySelector('button'))
  expect(isCartOpen.get()).toBe(false)
  expect(flyout.innerHTML).toBe('')
})

test('adding to cart opens the flyout and lists the item with its quantity', () => {
  let { form, flyout } = page()
  let event = submit(form.querySelector('form'))
  expect(event.defaultPrevented).toBe(true)

  let items = flyout.querySelectorAll('li')
  expect(items).toHaveLength(1)
  expect(items[0].querySelector('h3').textContent).toBe('Astronaut Figurine')
  expect(items[0].querySelector('img').getAttribute('src')).toBe(
    '/images/astronaut-figurine.png'
  )
  expect(items[0].querySelector('p').textContent).toBe('Quantity: 1')

  submit(form.querySelector('form'))
  expect(flyout.querySelectorAll('li')).toHaveLength(1)
  expect(flyout.querySelector('li p').textContent).toBe('Quantity: 2')
  expect(cartItems.get()['astronaut-figurine'].quantity).toBe(2)
})

test('the toggle reflects a flyout opened by the form', () => {
  let { toggle, form, flyout } = page()
  submit(form.querySelector('form'))
  // The toggle read isCartOpen = true, so the next click closes.
  click(toggle.querySelector('button'))
  expect(flyout.innerHTML).toBe('')
  click(toggle.querySelector('button'))
  expect(flyout.querySelector('li p').textContent).toBe('Quantity: 1')
})

test('a store written outside any component updates the islands', () => {
  let { flyout } = page()
  act(() => {
    isCartOpen.set(true)
    cartItems.setKey('moon-rock', {
      id: 'moon-rock',
      name: 'Moon Rock',
      imageSrc: '/images/moon-rock.png',
      quantity: 3
    })
  })
  expect(flyout.querySelector('h3').textContent).toBe('Moon Rock')
  expect(flyout.querySelector('li p').textContent).toBe('Quantity: 3')

  act(() => cartItems.setKey('moon-rock', undefined))
  expect(flyout.querySelector('aside').textContent).toBe('Your cart is empty!')
})
