// Compile-time checks of the package's types: code written for Nano Stores
// (the Astro recipe's store module, typical tutorial code) type-checks with
// only the import changed. `@ts-expect-error` lines must stay errors.
import {
  atom,
  batch,
  batched,
  computed,
  effect,
  listenKeys,
  map,
  onMount,
  onSet,
  type MapStore,
  type ReadableAtom,
  type StoreValue,
  type WritableAtom
} from 'atoll-store'
import { documentOf } from 'atoll-store/document'

export type CartItem = { id: string; name: string; imageSrc: string; quantity: number }

export const isCartOpen = atom(false)
export const cartItems = map<Record<string, CartItem>>({})
export const named = atom(0, { name: 'count' })

export function addCartItem({ id, name, imageSrc }: Pick<CartItem, 'id' | 'name' | 'imageSrc'>) {
  const existingEntry = cartItems.get()[id]
  if (existingEntry) {
    cartItems.setKey(id, { ...existingEntry, quantity: existingEntry.quantity + 1 })
  } else {
    cartItems.setKey(id, { id, name, imageSrc, quantity: 1 })
  }
}

const open: boolean = isCartOpen.get()
isCartOpen.set(!open)
// @ts-expect-error an atom of boolean takes no string
isCartOpen.set('yes')

const count: ReadableAtom<number> = computed(cartItems, items => Object.keys(items).length)
const total = computed([cartItems, isCartOpen], (items, shown) => (shown ? Object.values(items).length : 0))
const later = batched(count, n => n * 2)
const n: number = total.get() + later.get()
// @ts-expect-error computed stores are read-only
count.set(1)

type Items = StoreValue<typeof cartItems>
const items: Items = {}
const writable: WritableAtom<boolean> = isCartOpen
const asMap: MapStore<Record<string, CartItem>> = cartItems

const unbind = cartItems.listen((value, oldValue, changedKey) => {
  const key: string | undefined = changedKey
  void [value, oldValue, key]
})
unbind()
listenKeys(cartItems, ['a'], value => void value)
effect([isCartOpen, count], (shown, c) => void [shown, c])
onMount(isCartOpen, () => () => {})
onSet(isCartOpen, ({ newValue, abort }) => {
  if (newValue) abort()
})
batch(() => isCartOpen.set(true))
const text: string = documentOf(cartItems)
void [n, items, writable, asMap, text]
