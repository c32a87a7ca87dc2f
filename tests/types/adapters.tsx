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

// Svelte: fromStore with and without the component's id; rendered() keeps
// the value type and is writable only for a writable store.
import { fromStore, rendered } from 'atoll-store/svelte'
import { computed } from 'atoll-store'

export function svelteScript(id: string) {
  const open = fromStore($open, id)
  open.current = !open.current
  const shared: boolean = fromStore($open).current
  const cart = rendered($cart, id)
  cart.set({ a: { quantity: 1 } })
  const unsubscribe: () => void = cart.subscribe(value => value.a?.quantity)
  const count = rendered(
    computed($cart, c => Object.keys(c).length),
    id
  )
  // @ts-expect-error a computed store has no set
  count.set(2)
  const n: number = count.get()
  return [shared, unsubscribe, n]
}
