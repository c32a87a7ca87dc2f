/** @jsxImportSource solid-js */
// atoll-store/solid on the server: solid-js/web renderToString in Node, the way
// Astro renders a Solid island before hydrating it.
import { AtollError, map, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { useStore } from 'atoll-store/solid'
import { renderToString } from 'solid-js/web'
import { expect, test, vi } from 'vitest'

import { cartItems, isCartOpen } from './fixtures/cartStore.js'
import CartFlyout from './fixtures/components/CartFlyout.jsx'

test('renders the current value on the server', () => {
  let $user = map({ name: 'Ada' })
  function User() {
    let user = useStore($user)
    return <p>{user().name}</p>
  }
  let html = renderToString(() => <User />)
  expect(html).toContain('>Ada</p>')
})

test("the recipe's flyout renders its items on the server", () => {
  isCartOpen.set(true)
  cartItems.setKey('astronaut-figurine', {
    id: 'astronaut-figurine',
    name: 'Astronaut Figurine',
    imageSrc: '/images/astronaut-figurine.png',
    quantity: 2
  })
  let html = renderToString(() => <CartFlyout />)
  // Without Solid's hydration markers (<!--$-->, data-hk):
  let text = html.replace(/<!--.*?-->/g, '').replace(/ data-hk="[^"]*"/g, '')
  expect(text).toBe(
    '<aside><ul><li><img src="/images/astronaut-figurine.png" ' +
      'alt="Astronaut Figurine"><h3>Astronaut Figurine</h3>' +
      '<p>Quantity: 2</p></li></ul></aside>'
  )
})

test('the server render does not leave listeners behind', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  let $value = map({ a: 1 })
  function Value() {
    let value = useStore($value)
    return <p>{value().a}</p>
  }
  expect(renderToString(() => <Value />)).toContain('>1<')
  renderToString(() => <Value />)
  // The server render only reads: nothing subscribes, so nothing waits for
  // Solid to dispose the render's root.
  expect($value.lc).toBe(0)
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY)
  expect($value.lc).toBe(0)
  vi.useRealTimers()
})

test('a missing store throws an AtollError on the server too', () => {
  function Cart() {
    let cart = useStore(undefined)
    return <p>{cart()}</p>
  }
  expect(() => renderToString(() => <Cart />)).toThrow(AtollError)
})
