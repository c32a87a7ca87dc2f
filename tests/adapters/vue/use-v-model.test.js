// useVModel with real <input v-model> elements.
import { atom, map } from 'atoll-store'
import { useVModel } from 'atoll-store/vue'
import { expect, test } from 'vitest'
import { createApp, effectScope, isRef, nextTick } from 'vue'

import KeysInput from './components/KeysInput.vue'
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

test('with an array of keys, returns one <key>Model ref per key', async () => {
  const user = map({ name: 'Ada', age: 36, city: 'London' })
  const app = createApp(KeysInput, { user })
  app.mount(dom.container)
  const name = dom.container.querySelector('.name')
  const age = dom.container.querySelector('.age')
  const city = dom.container.querySelector('.city')
  expect([name.value, age.value, city.value]).toEqual(['Ada', '36', 'London'])

  const changed = []
  const unbind = user.listen((value, old, key) => changed.push(key))
  type(name, 'Grace')
  type(age, '85')
  type(city, 'Arlington')
  expect(changed).toEqual(['name', 'age', 'city'])
  expect(user.get()).toEqual({ name: 'Grace', age: 85, city: 'Arlington' })
  await nextTick()
  expect(text('.shown')).toBe('Grace / 85 / Arlington')
  unbind()

  user.setKey('age', 86)
  await nextTick()
  expect(age.value).toBe('86')

  app.unmount()
  expect(user.lc).toBe(0)
})

test('the returned object has exactly the <key><prefix> refs', () => {
  const user = map({ name: 'Ada', age: 36 })
  const scope = effectScope()
  const { models, custom, empty } = scope.run(() => ({
    models: useVModel(user, ['name', 'age']),
    custom: useVModel(user, ['name'], { prefix: 'Ref' }),
    // As in @nanostores/vue, an empty prefix falls back to 'Model'.
    empty: useVModel(user, ['age'], { prefix: '' })
  }))
  expect(Object.keys(models)).toEqual(['nameModel', 'ageModel'])
  expect(Object.keys(custom)).toEqual(['nameRef'])
  expect(Object.keys(empty)).toEqual(['ageModel'])
  for (const ref of [models.nameModel, models.ageModel, custom.nameRef]) {
    expect(isRef(ref)).toBe(true)
  }
  expect(models.nameModel.value).toBe('Ada')
  custom.nameRef.value = 'Lin'
  expect(user.get().name).toBe('Lin')
  expect(models.nameModel.value).toBe('Lin')
  // One key as a string still gives a single ref, no key the whole store.
  const single = scope.run(() => useVModel(user, 'age'))
  const whole = scope.run(() => useVModel(user))
  expect(single.value).toBe(36)
  whole.value = { name: 'Grace', age: 85 }
  expect(single.value).toBe(85)
  scope.stop()
  expect(user.lc).toBe(0)
})
