import type { Store } from '../index.js'

/** A store object, or the name of a named store. */
export type StoreRef = Store | string

/** JSON text `{"<name>": value, ...}` of the given named atoms and maps, made
 * in JS (no wasm to wait for). Throws AtollError: ATOLL_NOT_A_STORE,
 * ATOLL_UNKNOWN_STORE, ATOLL_NOT_NAMED, ATOLL_NOT_WRITABLE (computed),
 * ATOLL_NOT_SERIALIZABLE (names the store and the path). */
export function snapshot(stores: readonly StoreRef[]): string

/** Writes a snapshot back in one batch. Every check runs before any write, so
 * on error no store changes. When `stores` is given, the snapshot may only
 * name those stores. Throws AtollError: ATOLL_BAD_SNAPSHOT (not JSON, not an
 * object), ATOLL_UNKNOWN_STORE, ATOLL_STORE_NOT_CHOSEN, ATOLL_NOT_WRITABLE,
 * ATOLL_NOT_PLAIN_OBJECT (a map given a non-object). */
export function restore(json: string, stores?: readonly StoreRef[]): void
