// Adapter types: hooks return the store's value type.
import { atom, map } from 'atoll-store'
import { useStore as useReact } from 'atoll-store/react'
import { useStore as useVue } from 'atoll-store/vue'

const $open = atom(false)
const $cart = map<Record<string, { quantity: number }>>({})

export function Toggle() {
  const open: boolean = useReact($open)
  const cart = useReact($cart, { keys: ['a'] })
  return <button onClick={() => $open.set(!open)}>{Object.keys(cart).length}</button>
}

export function vueSetup() {
  const open = useVue($open)
  const value: boolean = open.value
  return value
}
