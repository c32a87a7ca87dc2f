// A Vue island, a Svelte island and a plain-DOM island on one page, sharing
// stores: whichever writes, all three show the change.
import { atom, batch, map } from 'atoll-store'
import { flushSync, mount, unmount } from 'svelte'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createApp, nextTick } from 'vue'

import SvelteCounter from './components/SvelteCounter.svelte'
import VueCounter from './components/VueCounter.vue'

let page
let warn
let error

beforeEach(() => {
  page = document.createElement('main')
  document.body.append(page)
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  error = vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  const messages = [...warn.mock.calls, ...error.mock.calls]
  page.remove()
  vi.restoreAllMocks()
  expect(messages).toEqual([])
})

function islandRoot() {
  const root = document.createElement('astro-island')
  page.append(root)
  return root
}

// Mounts the three islands; the Vue and Svelte ones may get different store
// objects (see the named-store test).
function mountPage({ vueStores, svelteStores, plainStores }) {
  const vueRenders = vi.fn()
  const svelteUpdates = vi.fn()

  const vueApp = createApp(VueCounter, { ...vueStores, onRendered: vueRenders })
  vueApp.mount(islandRoot())

  const svelteApp = mount(SvelteCounter, {
    target: islandRoot(),
    props: { ...svelteStores, onupdate: svelteUpdates }
  })

  // The plain island: what a <script> on the page would do.
  const plain = islandRoot()
  plain.innerHTML = '<button class="plain-inc">+</button> <span class="plain-count"></span>'
  const plainListener = vi.fn(value => {
    plain.querySelector('.plain-count').textContent = String(value)
  })
  const unbindPlain = plainStores.count.subscribe(plainListener)
  plain.querySelector('.plain-inc').addEventListener('click', () => {
    plainStores.count.set(plainStores.count.get() + 1)
  })

  return {
    vueRenders,
    svelteUpdates,
    plainListener,
    unmountAll() {
      vueApp.unmount()
      unmount(svelteApp)
      unbindPlain()
    }
  }
}

const $ = selector => page.querySelector(selector)

// Vue renders on a microtask, Svelte on flushSync (or a microtask).
async function settle() {
  flushSync()
  await nextTick()
}

function shown() {
  return [$('.vue-inc').textContent, $('.svelte-inc').textContent, $('.plain-count').textContent]
}

test('whichever island writes, all three update', async () => {
  const count = atom(0)
  const profile = map({ name: 'Ada' })
  const stores = { count, profile }
  const islands = mountPage({ vueStores: stores, svelteStores: stores, plainStores: stores })
  await settle()
  expect(shown()).toEqual(['vue 0', 'svelte 0', '0'])

  $('.vue-inc').click()
  await settle()
  expect(shown()).toEqual(['vue 1', 'svelte 1', '1'])

  $('.svelte-inc').click()
  await settle()
  expect(shown()).toEqual(['vue 2', 'svelte 2', '2'])

  $('.plain-inc').click()
  await settle()
  expect(shown()).toEqual(['vue 3', 'svelte 3', '3'])

  // A map key, typed into the Vue input (v-model), then into the Svelte one.
  const type = (input, value) => {
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  type($('.vue-name'), 'Grace')
  await settle()
  expect($('.svelte-name').value).toBe('Grace')
  expect($('.svelte-name-shown').textContent).toBe('Grace')

  type($('.svelte-name'), 'Lin')
  await settle()
  expect($('.vue-name').value).toBe('Lin')
  expect($('.vue-name-shown').textContent).toBe('Lin')
  expect(profile.get()).toEqual({ name: 'Lin' })

  // Unmounting the framework islands leaves only the plain listener.
  islands.unmountAll()
  expect(count.lc).toBe(0)
  expect(profile.lc).toBe(0)
})

test('one batch from the plain island: one update in each island', async () => {
  const count = atom(0)
  const profile = map({ name: 'Ada' })
  const stores = { count, profile }
  const islands = mountPage({ vueStores: stores, svelteStores: stores, plainStores: stores })
  await settle()
  islands.vueRenders.mockClear()
  islands.svelteUpdates.mockClear()
  islands.plainListener.mockClear()

  batch(() => {
    count.set(1)
    count.set(2)
    profile.setKey('name', 'Grace')
    profile.setKey('name', 'Lin')
  })
  await settle()
  expect(shown()).toEqual(['vue 2', 'svelte 2', '2'])
  expect($('.vue-name-shown').textContent).toBe('Lin')
  expect($('.svelte-name-shown').textContent).toBe('Lin')
  expect(islands.vueRenders).toHaveBeenCalledTimes(1)
  expect(islands.svelteUpdates).toHaveBeenCalledTimes(1)
  expect(islands.plainListener).toHaveBeenCalledTimes(1)
  expect(islands.plainListener.mock.calls[0].slice(0, 2)).toEqual([2, 0])
  islands.unmountAll()
})

// Atoll's named stores: two separately created stores with one name are one
// store on the page (as when islands are bundled separately). The scaffold
// runtime (plain Nano Stores) has no names, so this runs once the real one does.
const probeA = atom(0, { name: 'cross/probe' })
const probeB = atom(0, { name: 'cross/probe' })
probeA.set(1)
const namedStores = probeB.get() === 1

test.skipIf(!namedStores)('named stores join islands that import different modules', async () => {
  const fromVueBundle = {
    count: atom(0, { name: 'cross/count' }),
    profile: map({ name: 'Ada' }, { name: 'cross/profile' })
  }
  const fromSvelteBundle = {
    count: atom(0, { name: 'cross/count' }),
    profile: map({ name: 'Ada' }, { name: 'cross/profile' })
  }
  const fromScript = { count: atom(0, { name: 'cross/count' }) }
  const islands = mountPage({
    vueStores: fromVueBundle,
    svelteStores: fromSvelteBundle,
    plainStores: fromScript
  })
  await settle()

  $('.vue-inc').click()
  await settle()
  expect(shown()).toEqual(['vue 1', 'svelte 1', '1'])

  $('.svelte-inc').click()
  $('.plain-inc').click()
  await settle()
  expect(shown()).toEqual(['vue 3', 'svelte 3', '3'])

  fromSvelteBundle.profile.setKey('name', 'Grace')
  await settle()
  expect($('.vue-name').value).toBe('Grace')
  islands.unmountAll()
})
