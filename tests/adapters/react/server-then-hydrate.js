// Set-up of React's server-render and hydration tests: a fresh container per
// test, renderToString then hydrateRoot, and what React reports about the
// hydration (onRecoverableError, console errors) collected as mismatches.
import { act } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, vi } from 'vitest'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

export const dom = { container: null }
let root, errors, recoverable

beforeEach(() => {
  dom.container = document.createElement('div')
  document.body.append(dom.container)
  root = undefined
  // Quiet: a test that expects a mismatch reads them from hydrate().
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  recoverable = vi.fn()
})

afterEach(() => {
  if (root) act(() => root.unmount())
  dom.container.remove()
  errors.mockRestore()
})

// Hydrates the container's HTML with `element`; returns every problem React
// reported (none when the HTML was adopted as it is).
export function hydrate(element) {
  act(() => {
    root = hydrateRoot(dom.container, element, { onRecoverableError: recoverable })
  })
  return [...recoverable.mock.calls, ...errors.mock.calls].map(([problem]) => String(problem))
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
  root = createRoot(dom.container)
  act(() => root.render(element))
}

export { act, renderToString }
