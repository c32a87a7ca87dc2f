// useStore on the server and while hydrating, as React and Preact share it:
// written once, run by each adapter's ssr.test.jsx with its own framework.
// No JSX pragma: each vitest project compiles this file with its framework's
// JSX runtime (see vitest.jsx.config.mjs).
//
// env: what the calling test file provides (see react/server-then-hydrate.js).
//   useStore                                 the adapter's hook
//   serverThenHydrate(element, onClient?)    server render, the HTML into the
//       page, onClient(), hydrate; gives { html, mismatches }, the problems
//       the framework reported or made while hydrating ([] for none)
//   act(fn)                                  the framework's act()
//   container()                              the page's element
import { atom, map } from 'atoll-store'
import { expect, test, vi } from 'vitest'

export function ssrContract({ useStore, serverThenHydrate, act, container }) {
  test('server render then hydration with the same value: no mismatch', async () => {
    let $cart = map({ count: 2 })
    let $open = atom(true)
    function Cart() {
      let cart = useStore($cart)
      let open = useStore($open)
      return <p>{open ? `Items: ${cart.count}` : 'closed'}</p>
    }
    let { html, mismatches } = serverThenHydrate(<Cart />)
    expect(html).toBe('<p>Items: 2</p>')
    expect(mismatches).toEqual([])
    expect(container().innerHTML).toBe(html)
    // Subscribed once the effects ran.
    await vi.waitFor(() => expect($cart.lc).toBe(1))

    act(() => $cart.setKey('count', 3))
    expect(container().textContent).toBe('Items: 3')
  })

  test("ssr: 'initial' hydrates with the initial value, then shows the client value", async () => {
    let $theme = atom('light')
    function Theme() {
      return <p>{useStore($theme, { ssr: 'initial' })}</p>
    }
    let { html, mismatches } = serverThenHydrate(<Theme />, () => $theme.set('dark'))
    expect(html).toBe('<p>light</p>')
    expect(mismatches).toEqual([])
    await vi.waitFor(() => expect(container().innerHTML).toBe('<p>dark</p>'))

    act(() => $theme.set('blue'))
    expect(container().innerHTML).toBe('<p>blue</p>')
  })

  test('ssr: a function gives the server value; it may return a new object', async () => {
    let $user = map({ name: 'client' })
    let fromServer = () => ({ name: 'server' })
    function User() {
      return <p>{useStore($user, { ssr: fromServer }).name}</p>
    }
    let { html, mismatches } = serverThenHydrate(<User />)
    expect(html).toBe('<p>server</p>')
    expect(mismatches).toEqual([])
    await vi.waitFor(() => expect(container().innerHTML).toBe('<p>client</p>'))
  })

  test('ssr: a plain value is the server value', async () => {
    let $count = atom(5)
    function Count() {
      return <p>{useStore($count, { ssr: 1 })}</p>
    }
    let { html, mismatches } = serverThenHydrate(<Count />)
    expect(html).toBe('<p>1</p>')
    expect(mismatches).toEqual([])
    await vi.waitFor(() => expect(container().innerHTML).toBe('<p>5</p>'))
  })

  test('ssr with keys', async () => {
    let $cart = map({ count: 1, note: 'x' })
    let renders = 0
    function Count() {
      renders += 1
      return <p>{useStore($cart, { keys: ['count'], ssr: 'initial' }).count}</p>
    }
    let { mismatches } = serverThenHydrate(<Count />, () => $cart.setKey('count', 4))
    expect(mismatches).toEqual([])
    await vi.waitFor(() => expect(container().innerHTML).toBe('<p>4</p>'))
    let before = renders
    act(() => $cart.setKey('note', 'y'))
    expect(renders).toBe(before)
    act(() => $cart.setKey('count', 5))
    expect(container().innerHTML).toBe('<p>5</p>')
  })

  // Control: shows that these tests do see a mismatch when there is one.
  test('without ssr, a client value that differs from the HTML is a mismatch', async () => {
    let $theme = atom('light')
    function Theme() {
      return <p>{useStore($theme)}</p>
    }
    let { mismatches } = serverThenHydrate(<Theme />, () => $theme.set('dark'))
    expect(mismatches).not.toEqual([])
    await vi.waitFor(() => expect(container().innerHTML).toBe('<p>dark</p>'))
  })
}
