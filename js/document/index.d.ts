import type { Store, WritableStore } from '../index.js'

/** The store's value as JSON text (made in JS; no wasm). Throws AtollError
 * ATOLL_NOT_SERIALIZABLE naming the store and the path. */
export function documentOf(store: Store): string

/** One RFC 6902 operation. Pointers are RFC 6901 JSON Pointers ('' is the
 * whole value, '/items/0/quantity' a part of it). */
export type JsonPatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'move'; from: string; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'test'; path: string; value: unknown }

/** The RFC 6902 operations that turn `from` into `to` (stores, read when
 * called, or plain values), made by the C++ document module, which loads on
 * first use. Throws AtollError ATOLL_NOT_SERIALIZABLE (with the path). */
export function createPatch(from: unknown, to: unknown): Promise<JsonPatchOperation[]>

/**
 * Applies `patch` to the store's current value, all or nothing: every
 * operation is checked first, and on any error the store is unchanged.
 * Written in one batch: a map gets one `setKey` per top-level key the patch
 * writes (one notification; `changedKey` when it writes a single key), a
 * patch of the whole value (path '') and any atom get one `set()`, and a
 * patch of only `test` operations writes nothing. The write happens after
 * the module has loaded, so it never joins a batch the caller is inside.
 * Rejects with AtollError: ATOLL_BAD_PATCH (malformed patch, a path that does
 * not exist, ...) and ATOLL_PATCH_TEST_FAILED, each naming the store and the
 * failing operation (also in `error.op`); ATOLL_NOT_A_STORE,
 * ATOLL_NOT_WRITABLE (computed), ATOLL_NOT_SERIALIZABLE (the store's value),
 * ATOLL_NOT_PLAIN_OBJECT (a map patched into a non-object).
 */
export function applyPatch(store: WritableStore, patch: readonly JsonPatchOperation[]): Promise<void>

/** Loads the document module now (say, once the islands have hydrated), so
 * the first patch does not wait for it. */
export function loadDocuments(): Promise<void>
