/** @jsxImportSource react */
// atoll-store/react: a store that persist() or syncTabs() changed after the
// page was rendered. The tests Preact runs too are in
// ../shared/hydration-contract.jsx.
import { atom, map } from 'atoll-store'
import { useStore } from 'atoll-store/react'
import { syncTabs } from 'atoll-store/sync'
import { expect, test, vi } from 'vitest'

import { cartView, hydrationContract, restoredHTML } from '../shared/hydration-contract.jsx'
import { act, dom, hydrate, render, renderToString, serverThenHydrate } from './server-then-hydrate.js'

hydrationContract({ useStore, serverThenHydrate, render, act, container: () => dom.container })

const Cart = cartView(useStore)

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
  dom.container.innerHTML = renderToString(<Cart cart={cart} note={note} />)
  let stop = syncTabs(cart, { channelName })
  await vi.waitFor(() => expect(Object.keys(cart.get())).toEqual(['mug', 'cap']))
  expect(hydrate(<Cart cart={cart} note={note} />)).toEqual([])
  expect(dom.container.innerHTML).toBe(restoredHTML)
  stop()
  stopOther()
})
