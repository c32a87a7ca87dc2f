// Set-up of Preact's server-render and hydration tests: a fresh container per
// test, preact-render-to-string then hydrate(). Preact patches a text
// mismatch silently, so a MutationObserver records whatever the hydration
// render changed in the server's HTML: those are the mismatches. preact/debug
// reports misuse as console errors, which fail the test.
import 'preact/debug'

import { hydrate as preactHydrate, render as preactRender } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, expect, vi } from 'vitest'

export const dom = { container: null }
let errors

beforeEach(() => {
  dom.container = document.createElement('div')
  document.body.append(dom.container)
  errors = vi.spyOn(console, 'error')
})

afterEach(() => {
  act(() => preactRender(null, dom.container))
  dom.container.remove()
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})

// Hydrates the container's HTML with `element`; returns the DOM changes the
// hydration render made (none when the HTML was adopted as it is). Not in
// act(): this looks at the DOM after the hydration render, before the effects
// (which Preact runs after paint).
export function hydrate(element) {
  let observer = new MutationObserver(() => {})
  observer.observe(dom.container, { attributes: true, characterData: true, childList: true, subtree: true })
  preactHydrate(element, dom.container)
  let mutations = observer.takeRecords()
  observer.disconnect()
  return mutations
}

// Renders on the "server", puts the HTML in the page, runs `changeOnClient`
// (the client's state differs from the server's), then hydrates.
export function serverThenHydrate(element, changeOnClient = () => {}) {
  let html = renderToString(element)
  dom.container.innerHTML = html
  changeOnClient()
  return { html, mismatches: hydrate(element) }
}

// A client render with no hydration (client:only, a test that renders).
export function render(element) {
  act(() => preactRender(element, dom.container))
}

export { act, renderToString }
