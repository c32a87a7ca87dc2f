/** @jsxImportSource preact */
// atoll-store/preact: server render with preact-render-to-string, then hydrate.
// Preact patches a text mismatch silently, so a MutationObserver checks that
// hydration itself left the server HTML untouched.
import 'preact/debug'

import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/preact'
import { hydrate, render } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

let container, errors

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  errors = vi.spyOn(console, 'error')
})

afterEach(() => {
  act(() => render(null, container))
  container.remove()
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})

// Server render, HTML into the page, client-side changes, then hydrate.
// Returns the server HTML and the DOM mutations made by the hydration render.
function serverThenHydrate(element, changeOnClient = () => {}) {
  let html = renderToString(element)
  container.innerHTML = html
  changeOnClient()
  let observer = new MutationObserver(() => {})
  observer.observe(container, {
    attributes: true,
    characterData: true,
    childList: true,
    subtree: true
  })
  // Not in act(): we look at the DOM after the hydration render, before the
  // effects (which Preact runs after paint).
  hydrate(element, container)
  let mutations = observer.takeRecords()
  observer.disconnect()
  return { html, mutations }
}

test('server render then hydration with the same value: no mismatch', async () => {
  let $cart = map({ count: 2 })
  let $open = atom(true)
  function Cart() {
    let cart = useStore($cart)
    let open = useStore($open)
    return <p>{open ? `Items: ${cart.count}` : 'closed'}</p>
  }
  let { html, mutations } = serverThenHydrate(<Cart />)
  expect(html).toBe('<p>Items: 2</p>')
  expect(mutations).toEqual([])
  // Subscribed once the effects ran.
  await vi.waitFor(() => expect($cart.lc).toBe(1))
  act(() => $cart.setKey('count', 3))
  expect(container.textContent).toBe('Items: 3')
})

test("ssr: 'initial' hydrates with the initial value, then shows the client value", async () => {
  let $theme = atom('light')
  function Theme() {
    return <p>{useStore($theme, { ssr: 'initial' })}</p>
  }
  let { html, mutations } = serverThenHydrate(<Theme />, () =>
    $theme.set('dark')
  )
  expect(html).toBe('<p>light</p>')
  expect(mutations).toEqual([])
  expect(container.innerHTML).toBe('<p>light</p>')
  await vi.waitFor(() => expect(container.innerHTML).toBe('<p>dark</p>'))

  act(() => $theme.set('blue'))
  expect(container.innerHTML).toBe('<p>blue</p>')
})

test('ssr: a function gives the server value', async () => {
  let $user = map({ name: 'client' })
  function User() {
    return <p>{useStore($user, { ssr: () => ({ name: 'server' }) }).name}</p>
  }
  let { html, mutations } = serverThenHydrate(<User />)
  expect(html).toBe('<p>server</p>')
  expect(mutations).toEqual([])
  await vi.waitFor(() => expect(container.innerHTML).toBe('<p>client</p>'))
})

test('ssr: a plain value is the server value', async () => {
  let $count = atom(5)
  function Count() {
    return <p>{useStore($count, { ssr: 1 })}</p>
  }
  let { html, mutations } = serverThenHydrate(<Count />)
  expect(html).toBe('<p>1</p>')
  expect(mutations).toEqual([])
  await vi.waitFor(() => expect(container.innerHTML).toBe('<p>5</p>'))
})

test('ssr with keys', async () => {
  let $cart = map({ count: 1, note: 'x' })
  let renders = 0
  function Count() {
    renders += 1
    return <p>{useStore($cart, { keys: ['count'], ssr: 'initial' }).count}</p>
  }
  let { mutations } = serverThenHydrate(<Count />, () =>
    $cart.setKey('count', 4)
  )
  expect(mutations).toEqual([])
  await vi.waitFor(() => expect(container.innerHTML).toBe('<p>4</p>'))
  let before = renders
  act(() => $cart.setKey('note', 'y'))
  expect(renders).toBe(before)
  act(() => $cart.setKey('count', 5))
  expect(container.innerHTML).toBe('<p>5</p>')
})

// Control: shows that these tests do see a mismatch when there is one.
test('without ssr, a client value that differs from the HTML is a mismatch', () => {
  let $theme = atom('light')
  function Theme() {
    return <p>{useStore($theme)}</p>
  }
  let { mutations } = serverThenHydrate(<Theme />, () => $theme.set('dark'))
  expect(mutations).not.toEqual([])
  expect(container.innerHTML).toBe('<p>dark</p>')
})
