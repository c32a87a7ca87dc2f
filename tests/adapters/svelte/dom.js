// Shared set-up for the Svelte tests: a fresh container per test, and console
// warnings/errors captured quietly but checked, so a stray Svelte warning (a
// hydration mismatch, say) fails the test that caused it. A test that expects
// warnings reads them and then clears them.
import { afterEach, beforeEach, expect, vi } from 'vitest'

export const dom = { container: null, warn: null, error: null }

beforeEach(() => {
  dom.container = document.createElement('div')
  document.body.append(dom.container)
  dom.warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  dom.error = vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  const messages = [...dom.warn.mock.calls, ...dom.error.mock.calls]
  dom.container.remove()
  vi.useRealTimers()
  vi.restoreAllMocks()
  expect(messages).toEqual([])
})

export const text = selector => dom.container.querySelector(selector)?.textContent

// Svelte releases some subscriptions (createSubscriber's) a microtask after
// the effects that held them are destroyed.
export const microtask = () => new Promise(resolve => queueMicrotask(resolve))
