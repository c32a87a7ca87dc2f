// useVModel with real <input v-model> elements.
import { atom, map } from 'atoll-store'
import { expect, test } from 'vitest'
import { createApp, nextTick } from 'vue'

import NameInput from './components/NameInput.vue'
import { dom, text } from './dom.js'

function type(input, value) {
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

test('v-model reads one key and writes it with setKey', async () => {
  const user = map({ name: 'Ada', age: 36, city: 'London' })
  const noteStore = atom('hi')
  const before = user.get()
  const app = createApp(NameInput, { user, noteStore })
  app.mount(dom.container)
  const name = dom.container.querySelector('.name')
  const age = dom.container.querySelector('.age')
  expect(name.value).toBe('Ada')
  expect(age.value).toBe('36')

  const changed = []
  const unbind = user.listen((value, old, key) => changed.push(key))
  type(name, 'Grace')
  type(age, '85')
  expect(changed).toEqual(['name', 'age'])
  expect(user.get()).toEqual({ name: 'Grace', age: 85, city: 'London' })
  expect(user.get()).not.toBe(before)
  await nextTick()
  expect(text('.shown')).toBe('Grace / 85 / hi')
  unbind()

  // And the other way: a write from elsewhere reaches the input.
  user.setKey('name', 'Lin')
  await nextTick()
  expect(name.value).toBe('Lin')

  app.unmount()
  expect(user.lc).toBe(0)
})

test('without a key, v-model drives the whole store with set', async () => {
  const user = map({ name: 'Ada', age: 36 })
  const noteStore = atom('hi')
  const app = createApp(NameInput, { user, noteStore })
  app.mount(dom.container)
  const note = dom.container.querySelector('.note')
  expect(note.value).toBe('hi')
  type(note, 'bye')
  expect(noteStore.get()).toBe('bye')
  noteStore.set('again')
  await nextTick()
  expect(note.value).toBe('again')
  app.unmount()
  expect(noteStore.lc).toBe(0)
})
