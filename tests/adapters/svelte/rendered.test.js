// rendered() and fromStore() with the component's $props.id(): a Svelte
// component that hydrates HTML rendered before persist() restored a store
// shows the HTML's value while it hydrates (no mismatch, nothing Svelte
// would leave stale) and the restored value right after it has mounted;
// a component mounted in the browser shows the restored value at once.
import { AtollError, atom, map } from 'atoll-store'
import { fromStore, rendered } from 'atoll-store/svelte'
import { flushSync, hydrate, mount, unmount } from 'svelte'
import { render } from 'svelte/server'
import { expect, test } from 'vitest'

import { restore } from '../restored.js'
import Rendered from './components/Rendered.svelte'
import RenderedServer from './components/Rendered.svelte?server'
import { dom, microtask, text } from './dom.js'

const shown = () => ({
  count: text('.count'),
  user: text('.user'),
  src: dom.container.querySelector('.pic').getAttribute('src'),
  html: dom.container.querySelector('.html b')?.textContent
})

// Server-renders with the initial values, then restores as persist() does
// after a reload, and hydrates.
function hydrateRestored(props = {}) {
  const count = atom(1)
  const user = map({ name: 'Ada' })
  const { body } = render(RenderedServer, { props: { count, user, ...props } })
  dom.container.innerHTML = body
  restore(count, 7)
  restore(user, { name: 'Grace' })
  const listening = count.lc // persist()'s own listener
  const renders = []
  const app = hydrate(Rendered, { target: dom.container, props: { count, user, renders, ...props } })
  return { app, count, user, renders, listening }
}

test('a hydrating component shows the HTML value, then the restored one after mount', async () => {
  const { app, count, renders, listening } = hydrateRestored()
  // Hydrated with what the HTML shows: nothing to repair.
  expect(renders).toEqual([[1, 'Ada']])
  expect(shown()).toEqual({ count: '1', user: 'Ada', src: '/pic/1.png', html: '1' })
  await microtask() // onMount, then the update
  flushSync()
  expect(renders.at(-1)).toEqual([7, 'Grace'])
  expect(shown()).toEqual({ count: '7', user: 'Grace', src: '/pic/7.png', html: '7' })

  // Live afterwards, both ways.
  dom.container.querySelector('.inc').click()
  flushSync()
  expect(count.get()).toBe(8)
  expect(shown().src).toBe('/pic/8.png')
  unmount(app)
  await microtask()
  expect(count.lc).toBe(listening)
})

test('with $store alone Svelte warns (in dev) that src and {@html} changed: what rendered() avoids', async () => {
  hydrateRestored({ plain: true })
  await microtask()
  flushSync()
  expect(text('.count')).toBe('7')
  const warnings = dom.warn.mock.calls.map(args => args.join(' ')).join('\n')
  dom.warn.mockClear()
  expect(warnings).toMatch(/hydration_attribute_changed/)
  expect(warnings).toMatch(/hydration_html_changed/)
})

test('a mounted component (id made in the browser) shows the restored value at once', () => {
  const count = restore(atom(1), 7)
  const user = restore(map({ name: 'Ada' }), { name: 'Grace' })
  const renders = []
  const app = mount(Rendered, { target: dom.container, props: { count, user, renders } })
  flushSync()
  expect(renders[0]).toEqual([7, 'Grace'])
  expect(shown()).toEqual({ count: '7', user: 'Grace', src: '/pic/7.png', html: '7' })
  unmount(app)
})

test('a store nothing changed since the render is given back as it is', () => {
  const count = atom(1)
  // Not in a component: a gate would need onMount, but none is made here.
  expect(rendered(count, 's1')).toBe(count)
  expect(fromStore(count, 'c3').current).toBe(1)
})

test('a missing id throws ATOLL_NOT_AN_ID', () => {
  const count = atom(1)
  for (const call of [() => rendered(count), () => fromStore(count, undefined), () => rendered(count, 5)]) {
    let error
    try {
      call()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AtollError)
    expect(error.code).toBe('ATOLL_NOT_AN_ID')
    expect(error.message).toMatch(/\$props\.id\(\)/)
  }
})
