// Types of atoll-store: the Nano Stores 1.x types, plus named stores,
// AtollError and documentOf.

export type AllKeys<T> = T extends any ? keyof T : never

export interface StoreOptions {
  /** One name is one store per page, across bundles and package copies. */
  name?: string
}

export type Listener<Value> = (value: Value, oldValue: Value) => void
export type MapListener<Value extends object> = (
  value: Value,
  oldValue: Value,
  changedKey: AllKeys<Value> | undefined
) => void
export type Unsubscribe = () => void

export interface ReadableAtom<Value = any> {
  /** Current value. Reading it does not mount the store; `get()` does. */
  readonly value: Value | undefined
  /** The initial value. */
  readonly init: Value | undefined
  /** Number of listeners. */
  readonly lc: number
  /** Equality that decides whether a write notifies (default Object.is). */
  eq: (a: Value, b: Value) => boolean
  /** Runtime id of the store. */
  readonly id: number
  /** The store's name, for named stores. */
  readonly name?: string
  get(): Value
  listen(listener: Listener<Value>): Unsubscribe
  subscribe(listener: (value: Value, oldValue?: Value) => void): Unsubscribe
  notify(oldValue?: Value): void
  off(): void
}

export interface WritableAtom<Value = any> extends ReadableAtom<Value> {
  set(newValue: Value): void
}

export type PreinitializedWritableAtom<Value> = WritableAtom<Value> & { readonly value: Value }

export type Atom<Value = any> = ReadableAtom<Value> | WritableAtom<Value>
export type Store<Value = any> = ReadableAtom<Value> | MapStore<any>
export type AnyStore<Value = any> = Store<Value>
export type StoreValue<SomeStore> = SomeStore extends { get(): infer Value } ? Value : any

export type WritableStore<Value = any> = WritableAtom<Value> | MapStore<Value & object>

export interface MapStore<Value extends object = any> extends WritableAtom<Value> {
  readonly value: Value
  /** Equality for one key in setKey (default Object.is). */
  eqKey: (a: unknown, b: unknown) => boolean
  listen(listener: MapListener<Value>): Unsubscribe
  subscribe(
    listener: (value: Value, oldValue: Value | undefined, changedKey: AllKeys<Value> | undefined) => void
  ): Unsubscribe
  notify(oldValue?: Value, changedKey?: AllKeys<Value>): void
  /** Writes one key; `undefined` deletes it. */
  setKey<Key extends AllKeys<Value>>(key: Key, value: Value[Key] | undefined): void
}

export type PreinitializedMapStore<Value extends object = any> = MapStore<Value>

export function atom<Value, StoreExt = object>(
  ...args: undefined extends Value ? [] | [Value] | [Value, StoreOptions] : [Value] | [Value, StoreOptions]
): PreinitializedWritableAtom<Value> & StoreExt
export function map<Value extends object, StoreExt extends object = object>(
  value?: Value,
  options?: StoreOptions
): PreinitializedMapStore<Value> & StoreExt
export function readonlyType<Value>(store: Atom<Value>): ReadableAtom<Value>

type StoreValues<Stores extends AnyStore[]> = { [Index in keyof Stores]: StoreValue<Stores[Index]> }
export function computed<Value, OriginStore extends Store>(
  stores: OriginStore,
  cb: (value: StoreValue<OriginStore>) => Value | Task<Value>
): ReadableAtom<Value>
export function computed<Value, OriginStores extends AnyStore[]>(
  stores: [...OriginStores],
  cb: (...values: StoreValues<OriginStores>) => Value | Task<Value>
): ReadableAtom<Value>
export const batched: typeof computed

export function batch<Result>(fn: () => Result): Result
export function effect<OriginStore extends Store>(
  stores: OriginStore,
  cb: (value: StoreValue<OriginStore>) => void | VoidFunction
): Unsubscribe
export function effect<OriginStores extends AnyStore[]>(
  stores: [...OriginStores],
  cb: (...values: StoreValues<OriginStores>) => void | VoidFunction
): Unsubscribe

export function listenKeys<Value extends object, Key extends AllKeys<Value>>(
  store: MapStore<Value>,
  keys: readonly Key[],
  listener: MapListener<Value>
): Unsubscribe
export function subscribeKeys<Value extends object, Key extends AllKeys<Value>>(
  store: MapStore<Value>,
  keys: readonly Key[],
  listener: (value: Value, oldValue?: Value, changedKey?: Key) => void
): Unsubscribe

interface EventPayload {
  shared: any
}
export function onStart<Shared = never>(store: Store, listener: (payload: EventPayload) => void): Unsubscribe
export function onStop<Shared = never>(store: Store, listener: (payload: EventPayload) => void): Unsubscribe
export function onMount<Shared = never>(
  store: Store,
  initialize: (payload: EventPayload) => void | (() => void)
): Unsubscribe
export function onSet<Value>(
  store: Store<Value>,
  listener: (payload: EventPayload & { newValue: Value; changed?: string; abort(): void }) => void
): Unsubscribe
export function onNotify<Value>(
  store: Store<Value>,
  listener: (payload: EventPayload & { oldValue: Value; changed?: string; abort(): void }) => void
): Unsubscribe
export const STORE_UNMOUNT_DELAY: 1000

export function keepMount(store: Store): void
export const clean: unique symbol
export function cleanStores(...stores: (Store | { [clean](): void } | undefined)[]): void

export type Task<Value> = Promise<Value> & { t: true }
export function task<Value = void>(cb: () => Promise<Value> | Value): Task<Value>
export function startTask(): () => void
export function allTasks(): Promise<void>
export function cleanTasks(): void

export interface MapCreator<Value extends object = any, Args extends any[] = []> {
  (id: string, ...args: Args): MapStore<Value & { id: string }>
  build(id: string, ...args: Args): MapStore<Value & { id: string }>
  cache: Record<string, MapStore<Value & { id: string }>>
}
export function mapCreator<Value extends object, Args extends any[] = []>(
  init?: (store: MapStore<Value & { id: string }>, id: string, ...args: Args) => void | (() => void)
): MapCreator<Value, Args>

/** Codes: ATOLL_NOT_A_FUNCTION, ATOLL_NOT_PLAIN_OBJECT, ATOLL_NOT_A_MAP,
 * ATOLL_NOT_A_STORE, ATOLL_NAME_TAKEN, ATOLL_BAD_NAME, ATOLL_NOT_SERIALIZABLE,
 * ATOLL_WASM_LOAD, ATOLL_RUNTIME_MISMATCH. */
export class AtollError extends Error {
  readonly name: 'AtollError'
  readonly code: string
}
