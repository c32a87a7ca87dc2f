import type { WritableStore } from '../index.js'

/** localStorage, sessionStorage, or anything with the same three methods. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface PersistOptions {
  /** Storage key. Default: the store's name (required for unnamed stores). */
  key?: string
  /** Default: `globalThis.localStorage`; where there is none (SSR), persist() does nothing. */
  storage?: StorageLike
}

/**
 * Restores the store from storage now, then saves its JSON after every change.
 * Saved data that is not JSON or not of the initial value's kind is ignored
 * with a console warning. A full storage makes the write (set/setKey) throw
 * AtollError `ATOLL_STORAGE_FULL`; the value stays in memory.
 * The value the store had before the restore is kept: framework components
 * that hydrate render it (it is what the page's HTML shows), then the
 * restored value.
 * Returns a function that stops saving.
 */
export function persist(store: WritableStore, options?: PersistOptions): () => void
