// mapStores in an options API component.
import { atom, map } from 'atoll-store'
import { mapStores } from 'atoll-store/vue'
import { expect, test } from 'vitest'
import { createApp, effectScope, nextTick } from 'vue'

import OptionsProfile from './components/OptionsProfile.vue'
import { dom, text } from './dom.js'

test('options API component reads stores through mapStores', async () => {
  const count = atom(3)
  const user = map({ name: 'Ada', age: 36 })
  const app = createApp(OptionsProfile, { count, user })
  app.mount(dom.container)
  expect(text('.summary')).toBe('Ada is 36, total 3')

  count.set(4)
  await nextTick()
  expect(text('.summary')).toBe('Ada is 36, total 4')

  dom.container.querySelector('button').click()
  expect(user.get().age).toBe(37)
  await nextTick()
  expect(text('.summary')).toBe('Ada is 37, total 4')

  app.unmount()
  expect(count.lc).toBe(0)
  expect(user.lc).toBe(0)
})

test('mapStores values are the store values, read-only', () => {
  const count = atom(1)
  const user = map({ name: 'Ada' })
  const scope = effectScope()
  const state = scope.run(() => mapStores({ count, user }))
  expect(Object.keys(state)).toEqual(['count', 'user'])
  expect(state.user).toBe(user.get())
  count.set(2)
  expect(state.count).toBe(2)
  expect(() => {
    state.count = 5
  }).toThrow(TypeError)
  expect(count.get()).toBe(2)
  scope.stop()
  expect(count.lc).toBe(0)
  expect(user.lc).toBe(0)
})
