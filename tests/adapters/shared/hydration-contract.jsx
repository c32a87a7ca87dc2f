// A store that persist() changed after the page was rendered, as React and
// Preact share it: a hydrating component renders the value the HTML was
// rendered with (no mismatch), then the restored one; any other render shows
// the restored value at once. Written once, run by each adapter's
// hydration.test.jsx with its own framework (no JSX pragma: each vitest
// project compiles this file with its framework's JSX runtime).
//
// env: as for ssr-contract.jsx, plus
//   render(element)   a client render with no hydration
import { atom, map } from 'atoll-store'
import { expect, test, vi } from 'vitest'

import { restore } from '../restored.js'

// The HTML of cartView's component for the restored cart below.
export const restoredHTML = '<section data-count="2"><p>saved</p><ul><li>mug</li><li>cap</li></ul></section>'

// A cart whose HTML shows the restored state in text and in an attribute
// (Preact keeps the HTML's attributes while hydrating). `seen` collects the
// item count of every render.
export function cartView(useStore) {
  return function Cart({ cart, note, seen = [] }) {
    let items = useStore(cart)
    let text = useStore(note)
    let keys = Object.keys(items)
    seen.push(keys.length)
    return (
      <section data-count={keys.length}>
        <p>{text}</p>
        {keys.length ? (
          <ul>
            {keys.map(key => (
              <li key={key}>{key}</li>
            ))}
          </ul>
        ) : (
          <p>empty</p>
        )}
      </section>
    )
  }
}

export function hydrationContract({ useStore, serverThenHydrate, render, act, container }) {
  let Cart = cartView(useStore)

  test('hydrates with the value the page was rendered with, then shows the restored one', async () => {
    let cart = map({})
    let note = atom('none')
    let seen = []
    // The server renders the stores as the page's HTML shows them; in the
    // browser persist() restores the saved state before hydration.
    let { mismatches } = serverThenHydrate(<Cart cart={cart} note={note} seen={seen} />, () => {
      seen.length = 0 // count the client's renders only
      restore(cart, { mug: 1, cap: 2 })
      restore(note, 'saved')
    })
    expect(mismatches).toEqual([])
    expect(seen[0]).toBe(0)
    // Then the restored value, attributes included.
    await vi.waitFor(() => expect(container().innerHTML).toBe(restoredHTML))

    act(() => cart.setKey('pin', 3))
    expect(container().querySelectorAll('li')).toHaveLength(3)
    expect(container().querySelector('section').dataset.count).toBe('3')
  })

  test('a component that does not hydrate shows the restored value at once', () => {
    let cart = restore(map({}), { mug: 1, cap: 2 })
    let note = restore(atom('none'), 'saved')
    let seen = []
    render(<Cart cart={cart} note={note} seen={seen} />)
    expect(seen).toEqual([2])
    expect(container().innerHTML).toBe(restoredHTML)
  })

  test("ssr: 'initial' still gives the initial value to a hydrating component", async () => {
    let note = atom('none')
    function Note() {
      return <p>{useStore(note, { ssr: 'initial' })}</p>
    }
    let { mismatches } = serverThenHydrate(<Note />, () => restore(note, 'saved'))
    expect(mismatches).toEqual([])
    await vi.waitFor(() => expect(container().innerHTML).toBe('<p>saved</p>'))
  })
}
