// Svelte's store contract on Atoll stores, no adapter: `$store` and
// `$store = value` in .svelte files, and svelte/store's get() and derived().
import { atom, batch, computed as computedStore, map, onMount, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { flushSync, hydrate, mount, unmount } from 'svelte'
import { render } from 'svelte/server'
import { derived, get } from 'svelte/store'
import { expect, test, vi } from 'vitest'

import Profile from './components/Profile.svelte'
import ProfileServer from './components/Profile.svelte?server'
import Writer from './components/Writer.svelte'
import { dom, text } from './dom.js'

function stores() {
  return { count: atom(1), user: map({ name: 'Ada', age: 36 }) }
}

function show(component, props) {
  const app = mount(component, { target: dom.container, props })
  flushSync()
  return app
}

test('the store contract Svelte relies on', () => {
  const count = atom(1)
  const seen = []
  const unsubscribe = count.subscribe(value => seen.push(value))
  expect(typeof unsubscribe).toBe('function')
  expect(seen).toEqual([1]) // called at once, synchronously
  count.set(2)
  unsubscribe()
  count.set(3)
  expect(seen).toEqual([1, 2])
  // `$store = x` compiles to set().
  expect(typeof count.set).toBe('function')
  expect(typeof map({}).set).toBe('function')
})

test('svelte/store get() and derived() accept Atoll stores', () => {
  vi.useFakeTimers()
  const a = atom(2)
  const m = map({ n: 3 })
  const c = computedStore([a, m], (a, m) => a * m.n)
  expect(get(a)).toBe(2)
  expect(get(c)).toBe(6)
  const d = derived([a, m], ([a, m]) => a + m.n)
  const seen = []
  const unsubscribe = d.subscribe(value => seen.push(value))
  a.set(5)
  m.setKey('n', 10)
  unsubscribe()
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY) // let the computed read by get(c) unmount
  expect(seen).toEqual([5, 8, 15])
  expect(a.lc).toBe(0)
  expect(m.lc).toBe(0)
  expect(c.lc).toBe(0)
})

test('renders the initial values', () => {
  const { count, user } = stores()
  const app = show(Profile, { count, user })
  expect(text('.count')).toBe('1')
  expect(text('.user')).toBe('Ada (36)')
  expect(count.lc).toBe(1)
  expect(user.lc).toBe(1)
  unmount(app)
})

test('updates on set and on setKey', () => {
  const { count, user } = stores()
  const app = show(Profile, { count, user })

  count.set(2)
  flushSync()
  expect(text('.count')).toBe('2')

  user.setKey('age', 37)
  flushSync()
  expect(text('.user')).toBe('Ada (37)')

  user.set({ name: 'Grace', age: 85 })
  count.set(6)
  flushSync()
  expect(text('.user')).toBe('Grace (85)')
  expect(text('.big')).toBe('big')
  unmount(app)
})

test('unsubscribes on unmount; onMount destructor runs after the delay', () => {
  const { count, user } = stores()
  const destroy = vi.fn()
  const init = vi.fn(() => destroy)
  onMount(count, init)

  const app = show(Profile, { count, user })
  expect(init).toHaveBeenCalledTimes(1)

  vi.useFakeTimers()
  unmount(app)
  expect(count.lc).toBe(0)
  expect(user.lc).toBe(0)
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY - 1)
  expect(destroy).not.toHaveBeenCalled()
  vi.advanceTimersByTime(1)
  expect(destroy).toHaveBeenCalledTimes(1)
})

test('batch() gives exactly one update', () => {
  const { count, user } = stores()
  const updates = []
  const app = show(Profile, {
    count,
    user,
    onupdate: (c, u) => updates.push([c, u.name, u.age])
  })
  expect(updates).toEqual([[1, 'Ada', 36]])

  batch(() => {
    count.set(2)
    count.set(3)
    user.setKey('name', 'Grace')
    user.setKey('age', 85)
    // Nothing has reached Svelte yet, even if it flushes now.
    flushSync()
    expect(text('.count')).toBe('1')
  })
  flushSync()
  expect(updates).toEqual([
    [1, 'Ada', 36],
    [3, 'Grace', 85]
  ])
  expect(text('.count')).toBe('3')
  expect(text('.user')).toBe('Grace (85)')
  unmount(app)
})

test('$store = value and bind:value={$store} write with set', () => {
  const count = atom(1)
  const name = atom('Ada')
  const app = show(Writer, { count, name })

  dom.container.querySelector('.inc').click()
  flushSync()
  expect(count.get()).toBe(2)
  expect(text('.inc')).toBe('2')

  const input = dom.container.querySelector('.name')
  expect(input.value).toBe('Ada')
  input.value = 'Grace'
  input.dispatchEvent(new Event('input', { bubbles: true }))
  flushSync()
  expect(name.get()).toBe('Grace')
  expect(text('.shown')).toBe('Grace')

  name.set('Lin')
  flushSync()
  expect(input.value).toBe('Lin')

  dom.container.querySelector('.reset').click()
  expect(count.get()).toBe(0)
  unmount(app)
  expect(count.lc).toBe(0)
  expect(name.lc).toBe(0)
})

test('works with computed stores', () => {
  const { count, user } = stores()
  const doubled = computedStore(count, n => n * 2)
  const app = show(Profile, { count: doubled, user })
  expect(text('.count')).toBe('2')
  count.set(5)
  flushSync()
  expect(text('.count')).toBe('10')
  unmount(app)
  expect(doubled.lc).toBe(0)
})

// Every element in the container, in order: hydration must adopt the server's
// elements, so this list is the same objects before and after it.
const elements = () => [...dom.container.querySelectorAll('*')]
const sameNodes = (a, b) => a.length === b.length && a.every((node, i) => node === b[i])

test('server render, then hydrate with no mismatch', () => {
  const { count, user } = stores()
  count.set(7)
  user.setKey('name', 'Grace')

  const { body } = render(ProfileServer, { props: { count, user } })
  expect(body).toContain('<p class="count">7</p>')
  expect(body).toContain('Grace (36)')
  expect(body).toContain('<p class="big">big</p>')
  // The server render unsubscribed when it finished.
  expect(count.lc).toBe(0)
  expect(user.lc).toBe(0)

  dom.container.innerHTML = body
  const serverElements = elements()
  const app = hydrate(Profile, { target: dom.container, props: { count, user } })
  flushSync()
  expect(dom.warn).not.toHaveBeenCalled()
  expect(sameNodes(elements(), serverElements)).toBe(true)

  // Hydrated: it is live now.
  count.set(1)
  flushSync()
  expect(text('.count')).toBe('1')
  expect(text('.big')).toBeUndefined()
  unmount(app)
  expect(count.lc).toBe(0)
})

test('the hydration checks can fail', () => {
  const { count, user } = stores()
  const { body } = render(ProfileServer, { props: { count, user } })

  // A store that differs on the client: Svelte quietly repairs the {#if}
  // block, which shows as elements that the server did not send.
  dom.container.innerHTML = body
  const serverElements = elements()
  count.set(6)
  let app = hydrate(Profile, { target: dom.container, props: { count, user } })
  flushSync()
  expect(sameNodes(elements(), serverElements)).toBe(false)
  unmount(app)

  // Markup that Svelte cannot adopt (here: an extra element at the end) is
  // reported with a warning, which these tests would see.
  dom.container.innerHTML = body.replace(/<!--\]-->$/, '<p>extra</p><!--]-->')
  app = hydrate(Profile, { target: dom.container, props: { count, user } })
  flushSync()
  expect(dom.warn.mock.calls.join('\n')).toMatch(/hydration_mismatch/)
  dom.warn.mockClear()
  unmount(app)
})
