// Compile-time checks of the package's types: code written for Nano Stores
// (the Astro recipe's store module, typical tutorial code) type-checks with
// only the import changed. `@ts-expect-error` lines must stay errors.
import {
  atom,
  batch,
  batched,
  computed,
  deepMap,
  effect,
  getKey,
  getPath,
  listenKeys,
  map,
  onMount,
  onSet,
  setByKey,
  setPath,
  subscribeKeys,
  type AllPaths,
  type DeepMapStore,
  type FromPath,
  type MapStore,
  type ReadableAtom,
  type StoreValue,
  type WritableAtom
} from 'atoll-store'
import { documentOf } from 'atoll-store/document'
import type * as nano from 'nanostores'

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

// deepMap: paths are checked against the value's shape.
type Settings = {
  theme: { mode: 'dark' | 'light'; accents?: string[] }
  users: { name: string; tags: string[] }[]
  byId: Record<string, { seen: boolean }>
}
const settings: DeepMapStore<Settings> = deepMap<Settings>({ theme: { mode: 'dark' }, users: [], byId: {} })
settings.setKey('theme.mode', 'light')
settings.setKey('users[0].tags[1]', 'admin')
settings.setKey('theme.accents', undefined)
settings.setKey('byId.abc', undefined)
// @ts-expect-error 'theme.mode' holds 'dark' | 'light'
settings.setKey('theme.mode', 'blue')
// @ts-expect-error no such path
settings.setKey('theme.size', 1)
settings.listen((value, oldValue, changedKey) => {
  const path: AllPaths<Settings> | undefined = changedKey
  void [value.theme.mode, oldValue, path]
})
listenKeys(settings, ['theme.mode', 'users[0].name'], value => void value.users)
subscribeKeys(settings, ['byId'], (value, oldValue) => void [value, oldValue])
// @ts-expect-error listenKeys takes only paths of the value
listenKeys(settings, ['theme.nope'], () => {})
const mode: 'dark' | 'light' = getKey(settings, 'theme.mode')
const firstTag: string = getPath(settings.get(), 'users[0].tags[0]')
const updated: Settings = setPath(settings.get(), 'theme.mode', 'dark')
const byKey: Settings = setByKey(settings.get(), ['users', 0, 'name'], 'A')
void [mode, firstTag, updated, byKey]

// The path types equal Nano Stores' ones.
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false
type Check<T extends true> = T
type SamePaths = Check<Equal<AllPaths<Settings>, nano.AllPaths<Settings>>>
type SameValue<P extends string> = Equal<FromPath<Settings, P>, nano.FromPath<Settings, P>>
type SameValues = [
  Check<SameValue<'theme'>>,
  Check<SameValue<'theme.accents[2]'>>,
  Check<SameValue<'users[1].tags'>>,
  Check<SameValue<'users[1].tags[0]'>>,
  Check<SameValue<'byId.x.seen'>>
]
type SameSetKey = Check<
  Equal<Parameters<DeepMapStore<Settings>['setKey']>, Parameters<nano.DeepMapStore<Settings>['setKey']>>
>
