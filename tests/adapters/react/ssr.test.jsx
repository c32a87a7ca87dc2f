/** @jsxImportSource react */
// atoll-store/react: server render with react-dom/server, then hydrateRoot.
import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/react'
import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

let container, root, errors, recoverable

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = undefined
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  recoverable = vi.fn()
})

afterEach(() => {
  if (root) act(() => root.unmount())
  container.remove()
  errors.mockRestore()
})

// Renders on the "server", puts the HTML in the page, optionally changes the
// stores (the client's state differs from the server's), then hydrates.
function serverThenHydrate(element, changeOnClient = () => {}) {
  let html = renderToString(element)
  container.innerHTML = html
  changeOnClient()
  act(() => {
    root = hydrateRoot(container, element, { onRecoverableError: recoverable })
  })
  return html
}

test('server render then hydration with the same value: no mismatch', () => {
  let $cart = map({ count: 2 })
  let $open = atom(true)
  function Cart() {
    let cart = useStore($cart)
    let open = useStore($open)
    return <p>{open ? `Items: ${cart.count}` : 'closed'}</p>
  }
  let html = serverThenHydrate(<Cart />)
  expect(html).toBe('<p>Items: 2</p>')
  expect(container.innerHTML).toBe(html)
  expect(errors).not.toHaveBeenCalled()
  expect(recoverable).not.toHaveBeenCalled()

  act(() => $cart.setKey('count', 3))
  expect(container.textContent).toBe('Items: 3')
})

test("ssr: 'initial' hydrates with the initial value, then shows the client value", () => {
  let $theme = atom('light')
  function Theme() {
    return <p>{useStore($theme, { ssr: 'initial' })}</p>
  }
  let html = serverThenHydrate(<Theme />, () => $theme.set('dark'))
  expect(html).toBe('<p>light</p>')
  expect(errors).not.toHaveBeenCalled()
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe('<p>dark</p>')

  act(() => $theme.set('blue'))
  expect(container.innerHTML).toBe('<p>blue</p>')
})

test('ssr: a function gives the server value; it may return a new object', () => {
  let $user = map({ name: 'client' })
  let fromServer = () => ({ name: 'server' })
  function User() {
    return <p>{useStore($user, { ssr: fromServer }).name}</p>
  }
  let html = renderToString(<User />)
  expect(html).toBe('<p>server</p>')
  container.innerHTML = html
  act(() => {
    root = hydrateRoot(container, <User />, { onRecoverableError: recoverable })
  })
  expect(errors).not.toHaveBeenCalled()
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe('<p>client</p>')
})

test('ssr: a plain value is the server value', () => {
  let $count = atom(5)
  function Count() {
    return <p>{useStore($count, { ssr: 1 })}</p>
  }
  let html = serverThenHydrate(<Count />)
  expect(html).toBe('<p>1</p>')
  expect(errors).not.toHaveBeenCalled()
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe('<p>5</p>')
})

test('ssr with keys', () => {
  let $cart = map({ count: 1, note: 'x' })
  let renders = 0
  function Count() {
    renders += 1
    return <p>{useStore($cart, { keys: ['count'], ssr: 'initial' }).count}</p>
  }
  serverThenHydrate(<Count />, () => $cart.setKey('count', 4))
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe('<p>4</p>')
  let before = renders
  act(() => $cart.setKey('note', 'y'))
  expect(renders).toBe(before)
})

// Control: shows that these tests do see a mismatch when there is one.
test('without ssr, a client value that differs from the HTML is a mismatch', () => {
  let $theme = atom('light')
  function Theme() {
    return <p>{useStore($theme)}</p>
  }
  serverThenHydrate(<Theme />, () => $theme.set('dark'))
  expect(recoverable).toHaveBeenCalled()
  expect(container.innerHTML).toBe('<p>dark</p>')
})
