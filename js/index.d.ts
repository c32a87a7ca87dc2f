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

// deepMap and the path helpers: the Nano Stores 1.5 types. A path is
// 'a.b[1].c'; AllPaths lists a value's paths (10 levels deep), FromPath is
// the type at one.

export type BaseDeepMap = Record<string, unknown>

type JoinPath<Prefix extends string, Key extends string> = Prefix extends '' ? Key : `${Prefix}.${Key}`
type DepthLeft = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]

export type AllPaths<T, P extends string = '', MaxDepth extends number = 10> = T extends (infer Item)[]
  ? `${P}[${number}]` | AllPaths<Item, `${P}[${number}]`, DepthLeft[MaxDepth]> | P
  : T extends BaseDeepMap
    ? MaxDepth extends 0
      ? never
      : {
          [K in keyof T]-?: K extends number | string
            ? AllPaths<T[K], JoinPath<P, `${K}`>, DepthLeft[MaxDepth]> | (P extends '' ? never : P)
            : never
        }[keyof T]
    : P

type ItemOf<T> = T extends (infer Item)[] ? Item : never
// '[1][2]' or '[1].rest' after an array: steps into its items.
type IndexSteps<T, P> = P extends `[${infer I}]${infer Rest}`
  ? I extends `${number}`
    ? Rest extends ''
      ? ItemOf<T>
      : IndexSteps<ItemOf<T>, Rest>
    : never
  : P extends `.${infer Rest}`
    ? FromPath<T, Rest>
    : never
type ArrayStep<T, P> = P extends `${infer K}[${infer Rest}`
  ? K extends keyof T
    ? NonNullable<T[K]> extends unknown[]
      ? IndexSteps<NonNullable<T[K]>, `[${Rest}`>
      : never
    : never
  : never
// `Loose`: a record's own key (index signature) may be missing, so undefined.
type ObjectStep<T, P, Loose> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? PathValue<NonNullable<T[K]>, Rest, Loose>
    : never
  : never
type PathValue<T, P, Loose> = T extends unknown
  ? ArrayStep<T, P> extends never
    ? ObjectStep<T, P, Loose> extends never
      ? P extends keyof T
        ? Loose extends true
          ? string extends keyof T
            ? T[P] | undefined
            : T[P]
          : T[P]
        : never
      : ObjectStep<T, P, Loose>
    : ArrayStep<T, P>
  : never

export type FromPath<T, P> = PathValue<T, P, false>
type FromPathWithIndexSignatureUndefined<T, P> = PathValue<T, P, true>

export type DeepMapStore<T extends BaseDeepMap> = {
  listen(
    listener: (value: T, oldValue: T | undefined, changedKey: AllPaths<T> | undefined) => void
  ): Unsubscribe
  subscribe(
    listener: (value: T, oldValue: T | undefined, changedKey: AllPaths<T> | undefined) => void
  ): Unsubscribe
  notify(oldValue?: T, changedKey?: AllPaths<T>): void
  /** Writes by path, copying only the objects on it; `undefined` deletes. */
  setKey<K extends AllPaths<T>>(key: K, value: FromPathWithIndexSignatureUndefined<T, K>): void
} & Omit<WritableAtom<T>, 'listen' | 'notify' | 'setKey' | 'subscribe'>

export function deepMap<T extends BaseDeepMap>(init?: T, options?: StoreOptions): DeepMapStore<T>
/** A value by path from a store with an object value (map, deepMap, atom). */
export function getKey<T extends Record<string, unknown>, K extends AllPaths<T>>(
  store: { get(): T },
  key: K
): FromPath<T, K>
/** The value at `path`, or `undefined`. Reads own properties only. */
export function getPath<T extends BaseDeepMap, K extends AllPaths<T>>(obj: T, path: K): FromPath<T, K>
/** A copy of `obj` with `value` at `path` (`undefined` deletes). */
export function setPath<T extends BaseDeepMap, K extends AllPaths<T>>(
  obj: T,
  path: K,
  value: FromPath<T, K>
): T
/** setPath() with the path already split: ['a', 'b', 1]. */
export function setByKey<T extends BaseDeepMap>(obj: T, splittedKeys: PropertyKey[], value: unknown): T

export function listenKeys<T extends BaseDeepMap, K extends AllPaths<T>>(
  store: DeepMapStore<T>,
  keys: readonly K[],
  listener: (value: T, oldValue: T | undefined, changedKey: AllPaths<T> | undefined) => void
): Unsubscribe
export function subscribeKeys<T extends BaseDeepMap, K extends AllPaths<T>>(
  store: DeepMapStore<T>,
  keys: readonly K[],
  listener: (value: T, oldValue?: T, changedKey?: AllPaths<T>) => void
): Unsubscribe
