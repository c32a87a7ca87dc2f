/** @jsxImportSource react */
// The Astro recipe "Share state between islands": its three React components,
// as the recipe writes them, each mounted as a separate island (own root).
// The tests are ../shared/recipe-contract.jsx, which Preact runs too.
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, expect, vi } from 'vitest'

import { recipeContract } from '../shared/recipe-contract.jsx'
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

recipeContract({
  island,
  act,
  components: { AddToCartForm, CartFlyout, CartFlyoutToggle },
  stores: { cartItems, isCartOpen }
})
