/** @jsxImportSource preact */
// atoll-store/preact: a store that persist() changed after the page was
// rendered. Preact patches text quietly while hydrating but keeps the HTML's
// attributes, so a hydrating component must render the value the HTML was
// rendered with; the restored one follows right after. The tests React runs
// too are in ../shared/hydration-contract.jsx.
import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/preact'
import { useState } from 'preact/hooks'
import { expect, test } from 'vitest'

import { restore } from '../restored.js'
import { cartView, hydrationContract, restoredHTML } from '../shared/hydration-contract.jsx'
import { act, dom, hydrate, render, renderToString, serverThenHydrate } from './server-then-hydrate.js'

hydrationContract({ useStore, serverThenHydrate, render, act, container: () => dom.container })

const Cart = cartView(useStore)

test('a component mounted later inside a hydrated tree shows the restored value at once', () => {
  let cart = map({})
  let note = atom('none')
  let seen = []
  let setShown
  function Page() {
    let [shown, set] = useState(false)
    setShown = set
    return <div>{shown ? <Cart cart={cart} note={note} seen={seen} /> : <p>closed</p>}</div>
  }
  dom.container.innerHTML = renderToString(<Page />)
  restore(cart, { mug: 1, cap: 2 })
  restore(note, 'saved')
  hydrate(<Page />)
  act(() => setShown(true))
  expect(seen).toEqual([2])
  expect(dom.container.innerHTML).toBe(`<div>${restoredHTML}</div>`)
})
