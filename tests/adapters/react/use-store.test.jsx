/** @jsxImportSource react */
// atoll-store/react: useStore rendering real React components in jsdom. The
// tests Preact runs too are in ../shared/use-store-contract.jsx.
import { useStore } from 'atoll-store/react'
import { act, StrictMode, useLayoutEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, expect, vi } from 'vitest'

import { useStoreContract } from '../shared/use-store-contract.jsx'

// Tells React that updates are wrapped in act() (no "not wrapped in act" warning).
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let container, root, errors

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  // React reports render loops, uncached snapshots and act problems here.
  errors = vi.spyOn(console, 'error')
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.useRealTimers()
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})

useStoreContract({
  useStore,
  useLayoutEffect,
  render: element => act(() => root.render(element)),
  act,
  container: () => container,
  // StrictMode renders twice and checks that getSnapshot is stable.
  strict: element => <StrictMode>{element}</StrictMode>
})
