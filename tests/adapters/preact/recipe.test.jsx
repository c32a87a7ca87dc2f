/** @jsxImportSource preact */
// The Astro recipe "Share state between islands": its three Preact components,
// as the recipe writes them, each mounted as a separate island (own root).
// The tests are ../shared/recipe-contract.jsx, which React runs too.
import 'preact/debug'

import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, expect, vi } from 'vitest'

import { recipeContract } from '../shared/recipe-contract.jsx'
import { cartItems, isCartOpen } from './fixtures/cartStore.js'
import AddToCartForm from './fixtures/components/AddToCartForm.jsx'
import CartFlyout from './fixtures/components/CartFlyout.jsx'
import CartFlyoutToggle from './fixtures/components/CartFlyoutToggle.jsx'

let islands, errors

beforeEach(() => {
  // Shared stores: back to the recipe's initial state for each test.
  isCartOpen.set(false)
  cartItems.set({})
  islands = []
  errors = vi.spyOn(console, 'error')
})

afterEach(() => {
  act(() => islands.forEach(el => render(null, el)))
  islands.forEach(el => el.remove())
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
  expect(isCartOpen.lc).toBe(0)
  expect(cartItems.lc).toBe(0)
})

function island(element) {
  let el = document.createElement('div')
  document.body.append(el)
  act(() => render(element, el))
  islands.push(el)
  return el
}

recipeContract({
  island,
  act,
  components: { AddToCartForm, CartFlyout, CartFlyoutToggle },
  stores: { cartItems, isCartOpen }
})
