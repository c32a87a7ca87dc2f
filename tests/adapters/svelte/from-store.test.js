// fromStore from 'atoll-store/svelte': runes code (.svelte.js and components).
import { AtollError, atom, batch, map, onMount, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { fromStore } from 'atoll-store/svelte'
import { flushSync, hydrate, mount, unmount } from 'svelte'
import { render } from 'svelte/server'
import { expect, test, vi } from 'vitest'

import Summary from './components/Summary.svelte'
import SummaryServer from './components/Summary.svelte?server'
import { dom, microtask, text } from './dom.js'

function stores() {
  return {
    cartItems: map({ a: { name: 'Apple', quantity: 2 } }),
    isCartOpen: atom(false)
  }
}

test('current follows the store in effects, and writes with set', async () => {
  const { cartItems, isCartOpen } = stores()
  const app = mount(Summary, { target: dom.container, props: { cartItems, isCartOpen } })
  flushSync()
  expect(text('.toggle')).toBe('open')
  expect(text('.quantity')).toBeUndefined()

  // `open.current = !open.current` in the module writes the store.
  dom.container.querySelector('.toggle').click()
  expect(isCartOpen.get()).toBe(true)
  flushSync()
  expect(text('.quantity')).toBe('2 items: Apple')

  cartItems.setKey('b', { name: 'Pear', quantity: 1 })
  flushSync()
  expect(text('.quantity')).toBe('3 items: Apple, Pear')

  // One listener per fromStore() object, however many effects read it.
  expect(isCartOpen.lc).toBe(1)
  expect(cartItems.lc).toBe(2)

  // Closed: no effect reads the component's `items` now, so its listener goes;
  // the module's stays (Summary's $effect still reads the quantity).
  isCartOpen.set(false)
  flushSync()
  expect(text('.toggle')).toBe('open')
  await microtask()
  expect(cartItems.lc).toBe(1)
  expect(isCartOpen.lc).toBe(1)

  // Opened again: they come back.
  isCartOpen.set(true)
  flushSync()
  expect(text('.quantity')).toBe('3 items: Apple, Pear')
  expect(cartItems.lc).toBe(2)

  unmount(app)
  await microtask()
  expect(isCartOpen.lc).toBe(0)
  expect(cartItems.lc).toBe(0)
})

test('the store unmounts after the delay once the last effect is gone', async () => {
  const { cartItems, isCartOpen } = stores()
  const destroy = vi.fn()
  onMount(isCartOpen, () => destroy)
  const app = mount(Summary, { target: dom.container, props: { cartItems, isCartOpen } })
  flushSync()
  vi.useFakeTimers()
  unmount(app)
  await microtask()
  expect(isCartOpen.lc).toBe(0)
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY - 1)
  expect(destroy).not.toHaveBeenCalled()
  vi.advanceTimersByTime(1)
  expect(destroy).toHaveBeenCalledTimes(1)
})

test('batch() gives exactly one update', () => {
  const { cartItems, isCartOpen } = stores()
  const updates = []
  const app = mount(Summary, {
    target: dom.container,
    props: { cartItems, isCartOpen, onupdate: (...args) => updates.push(args) }
  })
  flushSync()
  expect(updates).toEqual([[2, false]])

  batch(() => {
    isCartOpen.set(true)
    cartItems.setKey('a', { name: 'Apple', quantity: 5 })
    cartItems.setKey('b', { name: 'Pear', quantity: 1 })
    flushSync()
    expect(text('.toggle')).toBe('open')
  })
  flushSync()
  expect(updates).toEqual([
    [2, false],
    [6, true]
  ])
  expect(text('.quantity')).toBe('6 items: Apple, Pear')
  unmount(app)
})

test('outside effects current is a plain read and leaves no listener', () => {
  const count = atom(1)
  const state = fromStore(count)
  expect(state.current).toBe(1)
  expect(count.lc).toBe(0)
  state.current = 2
  expect(count.get()).toBe(2)
  expect(state.current).toBe(2)
  const user = map({ name: 'Ada' })
  expect(fromStore(user).current).toBe(user.get())
})

test('server render (module and component server builds), then hydrate', () => {
  const { cartItems, isCartOpen } = stores()
  isCartOpen.set(true)
  const { body } = render(SummaryServer, { props: { cartItems, isCartOpen } })
  expect(body).toContain('2 items: Apple')
  expect(cartItems.lc).toBe(0)
  expect(isCartOpen.lc).toBe(0)

  dom.container.innerHTML = body
  const serverElements = [...dom.container.querySelectorAll('*')]
  const app = hydrate(Summary, { target: dom.container, props: { cartItems, isCartOpen } })
  flushSync()
  expect(dom.warn).not.toHaveBeenCalled()
  const hydratedElements = [...dom.container.querySelectorAll('*')]
  expect(hydratedElements).toHaveLength(serverElements.length)
  hydratedElements.forEach((el, i) => expect(el).toBe(serverElements[i]))

  cartItems.setKey('a', { name: 'Apple', quantity: 3 })
  flushSync()
  expect(text('.quantity')).toBe('3 items: Apple')
  unmount(app)
})

// `fromStore(undefined)` is what a mistyped or circular import looks like: it
// must fail at once with a message naming the call, not deep inside the framework.
test('a missing store (a mistyped import) throws an AtollError', () => {
  for (let value of [undefined, null, {}, 'cart']) {
    let error
    try {
      fromStore(value)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AtollError)
    expect(error.code).toBe('ATOLL_NOT_A_STORE')
    expect(error.message).toMatch(/^atoll-store: fromStore\(\) expects a store, got /)
  }
  expect(() => fromStore(undefined)).toThrow('atoll-store: fromStore() expects a store, got undefined')
})
