/** @jsxImportSource solid-js */
// atoll-store/solid: a store that persist() changed after the page was
// rendered. While Solid hydrates (its hydration context, sharedConfig.context,
// is set), useStore gives the value the HTML was rendered with, and the
// restored one once mounted (Solid keeps the HTML of a hydrated island that
// rendered anything else). Outside hydration it gives the restored value at
// once. The real hydration, of a server-rendered island, is in
// tests/e2e/hydration.test.js; here the adapter sees what Solid's hydrate()
// sets.
import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/solid'
import { createRenderEffect, createRoot, sharedConfig } from 'solid-js'
import { render } from 'solid-js/web'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { restore } from '../restored.js'

let container, dispose, warnings

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  dispose = undefined
  warnings = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
})

afterEach(() => {
  dispose?.()
  container.remove()
  for (let spy of warnings) {
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  }
})

// Runs `fn` in a root as solid-js/web's hydrate() does: with the hydration
// context set, cleared when the root's user effects (onMount) run.
function hydrating(fn) {
  sharedConfig.context = { id: '', count: 0 }
  try {
    return createRoot(disposeRoot => {
      dispose = disposeRoot
      return fn()
    })
  } finally {
    sharedConfig.context = null
  }
}

test('hydrating: the value the page was rendered with, then the restored one once mounted', () => {
  let cart = restore(map({}), { mug: 1, cap: 2 })
  let note = restore(atom('none'), 'saved')
  let seen = []
  let items
  hydrating(() => {
    items = useStore(cart)
    let text = useStore(note)
    createRenderEffect(() => seen.push([Object.keys(items()).length, text()]))
  })
  expect(seen).toEqual([
    [0, 'none'],
    [2, 'saved']
  ])
  cart.setKey('pin', 3)
  expect(Object.keys(items())).toEqual(['mug', 'cap', 'pin'])
  dispose()
  dispose = undefined
  // Only persist()'s own listener is left.
  expect(cart.lc).toBe(1)
})

test('a component that does not hydrate shows the restored value at once', () => {
  let cart = restore(map({}), { mug: 1, cap: 2 })
  let seen = []
  function Cart() {
    let items = useStore(cart)
    let keys = () => Object.keys(items())
    return <p>{(seen.push(keys().length), keys().join(','))}</p>
  }
  dispose = render(() => <Cart />, container)
  expect(seen).toEqual([2])
  expect(container.innerHTML).toBe('<p>mug,cap</p>')
})

test('hydrating a store that nothing changed: its value, with no extra update', () => {
  let cart = map({ mug: 1 })
  let seen = []
  hydrating(() => {
    let items = useStore(cart)
    createRenderEffect(() => seen.push(Object.keys(items()).length))
  })
  expect(seen).toEqual([1])
})
