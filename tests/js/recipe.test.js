// The Astro recipe "Share state between islands": its cartStore.js runs
// unchanged but for the import (tests/js/fixtures/cartStore.js).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isCartOpen, cartItems, addCartItem } from './fixtures/cartStore.js'

const hardcodedItemInfo = {
  id: 'astronaut-figurine',
  name: 'Astronaut Figurine',
  imageSrc: '/images/astronaut-figurine.png'
}

test('the cart recipe: toggle, add to cart, quantities, subscribers see it', () => {
  // what useStore / $store do: subscribe and re-render on changes
  let openRenders = []
  let itemRenders = []
  let unOpen = isCartOpen.subscribe(v => openRenders.push(v))
  let unItems = cartItems.subscribe(v =>
    itemRenders.push(Object.values(v).map(i => `${i.name} x${i.quantity}`))
  )

  assert.equal(isCartOpen.get(), false)
  assert.deepEqual(cartItems.get(), {})

  // CartFlyoutToggle: isCartOpen.set(!$isCartOpen)
  isCartOpen.set(!isCartOpen.get())
  assert.equal(isCartOpen.get(), true)
  isCartOpen.set(!isCartOpen.get())

  // AddToCartForm: addToCart(e)
  function addToCart() {
    isCartOpen.set(true)
    addCartItem(hardcodedItemInfo)
  }
  addToCart()
  addToCart()
  addCartItem({ id: 'rocket', name: 'Rocket', imageSrc: '/images/rocket.png' })

  assert.deepEqual(cartItems.get(), {
    'astronaut-figurine': { ...hardcodedItemInfo, quantity: 2 },
    rocket: { id: 'rocket', name: 'Rocket', imageSrc: '/images/rocket.png', quantity: 1 }
  })
  assert.deepEqual(openRenders, [false, true, false, true])
  assert.deepEqual(itemRenders, [
    [],
    ['Astronaut Figurine x1'],
    ['Astronaut Figurine x2'],
    ['Astronaut Figurine x2', 'Rocket x1']
  ])
  unOpen()
  unItems()
  assert.equal(isCartOpen.lc, 0)
  assert.equal(cartItems.lc, 0)
})
