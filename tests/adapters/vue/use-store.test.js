// useStore in real Vue components rendered into jsdom.
import {
  AtollError,
  atom,
  batch,
  computed as computedStore,
  map,
  onMount,
  STORE_UNMOUNT_DELAY
} from 'atoll-store'
import { mapStores, useStore, useVModel } from 'atoll-store/vue'
import { expect, test, vi } from 'vitest'
import { createApp, createSSRApp, effectScope, isReadonly, nextTick, watch } from 'vue'
import { renderToString } from 'vue/server-renderer'

import Profile from './components/Profile.vue'
import { dom, text } from './dom.js'

function stores() {
  return { count: atom(1), user: map({ name: 'Ada', age: 36 }) }
}

test('renders the initial values', () => {
  const { count, user } = stores()
  const app = createApp(Profile, { count, user })
  app.mount(dom.container)
  expect(text('.count')).toBe('1')
  expect(text('.user')).toBe('Ada (36)')
  expect(count.lc).toBe(1)
  expect(user.lc).toBe(1)
  app.unmount()
})

test('re-renders on set and on setKey', async () => {
  const { count, user } = stores()
  const app = createApp(Profile, { count, user })
  app.mount(dom.container)

  count.set(2)
  await nextTick()
  expect(text('.count')).toBe('2')

  user.setKey('age', 37)
  await nextTick()
  expect(text('.user')).toBe('Ada (37)')

  user.set({ name: 'Grace', age: 85 })
  await nextTick()
  expect(text('.user')).toBe('Grace (85)')
  app.unmount()
})

test('unsubscribes on unmount; onMount destructor runs after the delay', () => {
  const { count, user } = stores()
  const destroy = vi.fn()
  const init = vi.fn(() => destroy)
  onMount(count, init)

  const app = createApp(Profile, { count, user })
  app.mount(dom.container)
  expect(init).toHaveBeenCalledTimes(1)
  expect(count.lc).toBe(1)

  vi.useFakeTimers()
  app.unmount()
  expect(count.lc).toBe(0)
  expect(user.lc).toBe(0)
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY - 1)
  expect(destroy).not.toHaveBeenCalled()
  vi.advanceTimersByTime(1)
  expect(destroy).toHaveBeenCalledTimes(1)
})

test('remounting within the delay keeps the store mounted', () => {
  const { count, user } = stores()
  const destroy = vi.fn()
  const init = vi.fn(() => destroy)
  onMount(count, init)

  vi.useFakeTimers()
  const first = createApp(Profile, { count, user })
  first.mount(dom.container)
  first.unmount()
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY / 2)
  const second = createApp(Profile, { count, user })
  second.mount(dom.container)
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY * 2)
  expect(init).toHaveBeenCalledTimes(1)
  expect(destroy).not.toHaveBeenCalled()
  second.unmount()
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY)
  expect(destroy).toHaveBeenCalledTimes(1)
})

test('batch() gives one ref update per store and one re-render', async () => {
  const { count, user } = stores()
  const rendered = vi.fn()
  const app = createApp(Profile, { count, user, onRendered: rendered })
  app.mount(dom.container)

  // Watch the refs the adapter hands out, synchronously: how often Vue sees a change.
  const scope = effectScope()
  const changes = vi.fn()
  scope.run(() => {
    watch(useStore(count), changes, { flush: 'sync' })
    watch(useStore(user), changes, { flush: 'sync' })
  })

  batch(() => {
    count.set(2)
    count.set(3)
    user.setKey('name', 'Grace')
    user.setKey('age', 85)
    expect(changes).not.toHaveBeenCalled()
  })
  expect(changes).toHaveBeenCalledTimes(2)
  await nextTick()
  expect(rendered).toHaveBeenCalledTimes(1)
  expect(text('.count')).toBe('3')
  expect(text('.user')).toBe('Grace (85)')

  scope.stop()
  app.unmount()
})

test('the ref is read-only and keeps the store value identity', () => {
  const user = map({ name: 'Ada', tags: ['math'] })
  const scope = effectScope()
  const ref = scope.run(() => useStore(user))
  expect(ref.value).toBe(user.get())
  expect(ref.value.tags).toBe(user.get().tags)

  ref.value = { name: 'nope' }
  expect(dom.warn).toHaveBeenCalledTimes(1)
  expect(String(dom.warn.mock.calls[0][0])).toMatch(/readonly/)
  expect(user.get().name).toBe('Ada')
  dom.warn.mockClear()

  user.setKey('name', 'Grace')
  expect(ref.value).toBe(user.get())

  // An effect scope outside a component owns the listener too.
  expect(user.lc).toBe(1)
  scope.stop()
  expect(user.lc).toBe(0)
})

test('works with computed stores', async () => {
  const { count, user } = stores()
  const doubled = computedStore(count, n => n * 2)
  const app = createApp(Profile, { count: doubled, user })
  app.mount(dom.container)
  expect(text('.count')).toBe('2')
  count.set(5)
  await nextTick()
  expect(text('.count')).toBe('10')
  vi.useFakeTimers()
  app.unmount()
  expect(doubled.lc).toBe(0)
  // A computed store may keep its sources until it is itself unmounted.
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY)
  expect(count.lc).toBe(0)
})

test('server render, then hydrate with no mismatch', async () => {
  const { count, user } = stores()
  count.set(7)
  user.setKey('name', 'Grace')

  const html = await renderToString(createSSRApp(Profile, { count, user }))
  expect(html).toContain('>7</p>')
  expect(html).toContain('Grace (36)')
  // The server render read the stores without keeping a subscription.
  expect(count.lc).toBe(0)
  expect(user.lc).toBe(0)

  dom.container.innerHTML = html
  const serverElements = [...dom.container.querySelectorAll('*')]
  const app = createSSRApp(Profile, { count, user })
  app.mount(dom.container)
  expect(dom.warn).not.toHaveBeenCalled()
  expect(dom.error).not.toHaveBeenCalled()
  // Hydration adopted the server's elements rather than re-creating them.
  const hydratedElements = [...dom.container.querySelectorAll('*')]
  expect(hydratedElements).toHaveLength(serverElements.length)
  hydratedElements.forEach((el, i) => expect(el).toBe(serverElements[i]))

  // Hydrated: it is live now.
  count.set(8)
  await nextTick()
  expect(text('.count')).toBe('8')
  app.unmount()
  expect(count.lc).toBe(0)
})

test('hydration check is real: a changed store is reported as a mismatch', async () => {
  const { count, user } = stores()
  const html = await renderToString(createSSRApp(Profile, { count, user }))
  dom.container.innerHTML = html
  count.set(2)
  const app = createSSRApp(Profile, { count, user })
  app.mount(dom.container)
  const messages = [...dom.warn.mock.calls, ...dom.error.mock.calls].join('\n')
  expect(messages).toMatch(/mismatch/i)
  dom.warn.mockClear()
  dom.error.mockClear()
  app.unmount()
})

test('in production builds the ref is a plain writable ref, as in @nanostores/vue', () => {
  const user = map({ name: 'Ada' })
  const scope = effectScope()
  vi.stubEnv('NODE_ENV', 'production')
  let ref
  try {
    ref = scope.run(() => useStore(user))
  } finally {
    vi.unstubAllEnvs()
  }
  expect(isReadonly(ref)).toBe(false)
  expect(ref.value).toBe(user.get())
  // Writing changes the ref only (no warning); the store is written with set.
  ref.value = { name: 'local' }
  expect(dom.warn).not.toHaveBeenCalled()
  expect(user.get().name).toBe('Ada')
  user.setKey('name', 'Grace')
  expect(ref.value).toBe(user.get())
  scope.stop()
  expect(user.lc).toBe(0)

  // Back in development: read-only again.
  const devRef = effectScope().run(() => useStore(user))
  expect(isReadonly(devRef)).toBe(true)
})

test('without a global `process` (a browser, no bundler) it is the development build', () => {
  const count = atom(1)
  const scope = effectScope()
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'process')
  delete globalThis.process
  let ref
  try {
    expect(typeof process).toBe('undefined')
    ref = scope.run(() => useStore(count))
  } finally {
    Object.defineProperty(globalThis, 'process', saved)
  }
  expect(ref.value).toBe(1)
  expect(isReadonly(ref)).toBe(true)
  scope.stop()
})

test('a missing store (a mistyped import) throws an AtollError', () => {
  for (const [value, got] of [
    [undefined, 'undefined'],
    [null, 'null'],
    [{}, 'an object'],
    [atom, 'the function atom']
  ]) {
    const scope = effectScope()
    const error = (() => {
      try {
        scope.run(() => useStore(value))
      } catch (e) {
        return e
      }
    })()
    scope.stop()
    expect(error).toBeInstanceOf(AtollError)
    expect(error.code).toBe('ATOLL_NOT_A_STORE')
    expect(error.message).toBe(`atoll-store: useStore() expects a store, got ${got}`)
  }
  expect(() => useVModel(undefined, 'name')).toThrow(AtollError)
  expect(() => mapStores({ cart: undefined })).toThrow(/useStore\(\) expects a store/)
})
