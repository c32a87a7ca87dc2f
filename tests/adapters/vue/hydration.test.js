// atoll-store/vue: a store that persist() changed after the page was
// rendered. A component that hydrates renders the value the HTML was
// rendered with (no "Hydration completed but contains mismatches"), then the
// restored one once mounted; any other component shows the restored value
// at once.
import { atom, map } from 'atoll-store'
import { expect, test } from 'vitest'
import { createApp, createSSRApp, defineComponent, h, nextTick, ref } from 'vue'
import { renderToString } from 'vue/server-renderer'

import { restore } from '../restored.js'
import Cart from './components/Cart.vue'
import { dom } from './dom.js'

const restoredHTML = '<section data-count="2"><p>saved</p><ul><li>mug</li><li>cap</li></ul></section>'

test('hydrates with the value the page was rendered with, then shows the restored one', async () => {
  const cart = map({})
  const note = atom('none')
  const html = await renderToString(createSSRApp(Cart, { cart, note }))
  dom.container.innerHTML = html
  const serverElements = [...dom.container.querySelectorAll('*')]
  restore(cart, { mug: 1, cap: 2 })
  restore(note, 'saved')

  const seen = []
  const app = createSSRApp(Cart, { cart, note, seen })
  app.mount(dom.container)
  // Hydrated without a mismatch (dom.js fails the test on any Vue warning):
  // the server's elements were adopted as they are.
  const hydrated = [...dom.container.querySelectorAll('*')]
  expect(hydrated).toHaveLength(serverElements.length)
  hydrated.forEach((el, i) => expect(el).toBe(serverElements[i]))
  expect(seen).toEqual([0])

  await nextTick()
  expect(dom.container.innerHTML.replace(/<!--.*?-->/g, '')).toBe(restoredHTML)
  expect(seen).toEqual([0, 2])

  cart.setKey('pin', 3)
  await nextTick()
  expect(dom.container.querySelectorAll('li')).toHaveLength(3)
  app.unmount()
  // Only persist()'s own listeners are left.
  expect(cart.lc).toBe(1)
  expect(note.lc).toBe(1)
})

test('a component that does not hydrate shows the restored value at once', () => {
  const cart = restore(map({}), { mug: 1, cap: 2 })
  const note = restore(atom('none'), 'saved')
  const seen = []
  const app = createApp(Cart, { cart, note, seen })
  app.mount(dom.container)
  expect(seen).toEqual([2])
  expect(dom.container.innerHTML.replace(/<!--.*?-->/g, '')).toBe(restoredHTML)
  app.unmount()
})

test('a component mounted after hydration, in a hydrated app, shows the restored value at once', async () => {
  const cart = map({})
  const note = atom('none')
  const shown = ref(false)
  const seen = []
  const Page = defineComponent({
    render: () => h('div', shown.value ? [h(Cart, { cart, note, seen })] : [h('p', 'closed')])
  })
  dom.container.innerHTML = await renderToString(createSSRApp(Page))
  restore(cart, { mug: 1, cap: 2 })
  restore(note, 'saved')
  const app = createSSRApp(Page)
  app.mount(dom.container)
  shown.value = true
  await nextTick()
  expect(seen).toEqual([2])
  expect(dom.container.innerHTML.replace(/<!--.*?-->/g, '')).toBe(`<div>${restoredHTML}</div>`)
  app.unmount()
})

test('without persist() a changed store still hydrates with its live value', async () => {
  // (So the hydration check stays real: see use-store.test.js.)
  const cart = map({})
  const note = atom('none')
  const html = await renderToString(createSSRApp(Cart, { cart, note }))
  dom.container.innerHTML = html
  note.set('changed')
  const app = createSSRApp(Cart, { cart, note })
  app.mount(dom.container)
  const messages = [...dom.warn.mock.calls, ...dom.error.mock.calls].join('\n')
  expect(messages).toMatch(/mismatch/i)
  dom.warn.mockClear()
  dom.error.mockClear()
  app.unmount()
})
