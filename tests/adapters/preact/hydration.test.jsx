/** @jsxImportSource preact */
// atoll-store/preact: a store that persist() changed after the page was
// rendered. Preact patches text quietly while hydrating but keeps the HTML's
// attributes, so a hydrating component must render the value the HTML was
// rendered with; the restored one follows right after. Any other first
// render shows the restored value at once.
import 'preact/debug'

import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/preact'
import { hydrate, render } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { useState } from 'preact/hooks'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { restore } from '../restored.js'

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

function Cart({ cart, note, seen = [] }) {
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

const restoredHTML =
  '<section data-count="2"><p>saved</p><ul><li>mug</li><li>cap</li></ul></section>'

test('hydrates with the value the page was rendered with, then shows the restored one', async () => {
  let cart = map({})
  let note = atom('none')
  let html = renderToString(<Cart cart={cart} note={note} />)
  container.innerHTML = html
  restore(cart, { mug: 1, cap: 2 })
  restore(note, 'saved')
  let seen = []
  let observer = new MutationObserver(() => {})
  observer.observe(container, { attributes: true, characterData: true, childList: true, subtree: true })
  hydrate(<Cart cart={cart} note={note} seen={seen} />, container)
  // The hydration render adopted the HTML as it is.
  expect(observer.takeRecords()).toEqual([])
  observer.disconnect()
  expect(seen).toEqual([0])
  // Then the restored value, attributes included.
  await vi.waitFor(() => expect(container.innerHTML).toBe(restoredHTML))
  act(() => cart.setKey('pin', 3))
  expect(container.querySelector('section').dataset.count).toBe('3')
})

test('a component that does not hydrate shows the restored value at once', () => {
  let cart = restore(map({}), { mug: 1, cap: 2 })
  let note = restore(atom('none'), 'saved')
  let seen = []
  act(() => render(<Cart cart={cart} note={note} seen={seen} />, container))
  expect(seen).toEqual([2])
  expect(container.innerHTML).toBe(restoredHTML)
})

test('a component mounted later inside a hydrated tree shows the restored value at once', async () => {
  let cart = map({})
  let note = atom('none')
  let seen = []
  let setShown
  function Page() {
    let [shown, set] = useState(false)
    setShown = set
    return <div>{shown ? <Cart cart={cart} note={note} seen={seen} /> : <p>closed</p>}</div>
  }
  container.innerHTML = renderToString(<Page />)
  restore(cart, { mug: 1, cap: 2 })
  restore(note, 'saved')
  hydrate(<Page />, container)
  act(() => setShown(true))
  expect(seen).toEqual([2])
  expect(container.innerHTML).toBe(`<div>${restoredHTML}</div>`)
})
