/** @jsxImportSource preact */
// atoll-store/preact: useStore rendering real Preact components in jsdom. The
// tests React runs too are in ../shared/use-store-contract.jsx.
import 'preact/debug'

import { atom } from 'atoll-store'
import { useStore } from 'atoll-store/preact'
import { render as preactRender } from 'preact'
import { useLayoutEffect } from 'preact/hooks'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { useStoreContract } from '../shared/use-store-contract.jsx'

let container, errors

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  // preact/debug reports hook misuse and DOM mismatches here.
  errors = vi.spyOn(console, 'error')
})

afterEach(() => {
  act(() => preactRender(null, container))
  container.remove()
  vi.useRealTimers()
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})

function render(element) {
  act(() => preactRender(element, container))
}

useStoreContract({ useStore, useLayoutEffect, render, act, container: () => container })

test('updates without act too (Preact renders on its own schedule)', async () => {
  let $count = atom(1)
  function Counter() {
    return <b>{useStore($count)}</b>
  }
  render(<Counter />)
  $count.set(2)
  await vi.waitFor(() => expect(container.innerHTML).toBe('<b>2</b>'))
})
