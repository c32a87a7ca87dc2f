/** @jsxImportSource react */
// atoll-store/react: a store that persist() changed after the page was
// rendered. A hydrating component renders the value the HTML was rendered
// with (no mismatch), then the restored one; any other render shows the
// restored value at once.
import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/react'
import { syncTabs } from 'atoll-store/sync'
import { act } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { restore } from '../restored.js'

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

test('hydrates with the value the page was rendered with, then shows the restored one', () => {
  let cart = map({})
  let note = atom('none')
  // The server render: the stores as the page's HTML shows them.
  let html = renderToString(<Cart cart={cart} note={note} />)
  container.innerHTML = html
  // The browser: persist() restores the saved state before hydration.
  restore(cart, { mug: 1, cap: 2 })
  restore(note, 'saved')
  let seen = []
  act(() => {
    root = hydrateRoot(container, <Cart cart={cart} note={note} seen={seen} />, {
      onRecoverableError: recoverable
    })
  })
  expect(recoverable).not.toHaveBeenCalled()
  expect(errors).not.toHaveBeenCalled()
  expect(seen[0]).toBe(0)
  expect(container.innerHTML).toBe(restoredHTML)

  act(() => cart.setKey('pin', 3))
  expect(container.querySelectorAll('li')).toHaveLength(3)
})

test('a component that does not hydrate shows the restored value at once', () => {
  let cart = restore(map({}), { mug: 1, cap: 2 })
  let note = restore(atom('none'), 'saved')
  let seen = []
  root = createRoot(container)
  act(() => root.render(<Cart cart={cart} note={note} seen={seen} />))
  expect(seen).toEqual([2])
  expect(container.innerHTML).toBe(restoredHTML)
})

test('a store changed by another tab before hydration hydrates the same way', async () => {
  let channelName = `hydration-${Math.random()}`
  // The open tab, with items in its cart.
  let other = map({})
  let stopOther = syncTabs(other, { channelName })
  other.setKey('mug', 1)
  other.setKey('cap', 2)
  // This tab: its HTML shows an empty cart; the open tab answers its hello.
  let cart = map({})
  let note = atom('saved')
  container.innerHTML = renderToString(<Cart cart={cart} note={note} />)
  let stop = syncTabs(cart, { channelName })
  await vi.waitFor(() => expect(Object.keys(cart.get())).toEqual(['mug', 'cap']))
  act(() => {
    root = hydrateRoot(container, <Cart cart={cart} note={note} />, { onRecoverableError: recoverable })
  })
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe(restoredHTML)
  stop()
  stopOther()
})

test("ssr: 'initial' still gives the initial value to a hydrating component", () => {
  let note = atom('none')
  function Note() {
    return <p>{useStore(note, { ssr: 'initial' })}</p>
  }
  container.innerHTML = renderToString(<Note />)
  restore(note, 'saved')
  act(() => {
    root = hydrateRoot(container, <Note />, { onRecoverableError: recoverable })
  })
  expect(recoverable).not.toHaveBeenCalled()
  expect(container.innerHTML).toBe('<p>saved</p>')
})
