// Svelte and a store that persist() changed after the page was rendered.
// `$store` is Svelte's own store contract, and Svelte tells nothing outside it
// whether a component hydrates, so a hydrating component reads the restored
// value; Svelte 5 repairs the text and blocks it hydrates quietly (no
// warning, the restored value shown). What it does not repair (`src`,
// `srcset`, `{@html}`) is in the README (Persistence).
import { atom, map } from 'atoll-store'
import { flushSync, hydrate, mount, unmount } from 'svelte'
import { render } from 'svelte/server'
import { expect, test } from 'vitest'

import { restore } from '../restored.js'
import Profile from './components/Profile.svelte'
import ProfileServer from './components/Profile.svelte?server'
import { dom, text } from './dom.js'

test('$store of a restored store hydrates with no warning and shows the restored value', () => {
  const count = atom(1)
  const user = map({ name: 'Ada', age: 36 })
  const { body } = render(ProfileServer, { props: { count, user } })
  dom.container.innerHTML = body
  restore(count, 7)
  restore(user, { name: 'Grace', age: 85 })
  const app = hydrate(Profile, { target: dom.container, props: { count, user } })
  flushSync()
  expect(text('.count')).toBe('7')
  expect(text('.user')).toBe('Grace (85)')
  expect(text('.big')).toBe('big')
  unmount(app)
})

test('$store of a restored store in a mounted component shows the restored value', () => {
  const count = restore(atom(1), 7)
  const user = restore(map({ name: 'Ada', age: 36 }), { name: 'Grace', age: 85 })
  const app = mount(Profile, { target: dom.container, props: { count, user } })
  flushSync()
  expect(text('.count')).toBe('7')
  expect(text('.user')).toBe('Grace (85)')
  unmount(app)
})
