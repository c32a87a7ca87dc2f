import type { WritableStore } from '../index.js'

export interface SyncOptions {
  /** Default: 'atoll-store:' + store.name (required for unnamed stores). */
  channelName?: string
}

/**
 * Keeps the store equal in every tab of the site: BroadcastChannel, or the
 * `storage` event of localStorage where BroadcastChannel is missing. Maps send
 * one key per setKey; the last writer wins, the same way in every tab.
 * A value JSON cannot hold makes the write throw AtollError
 * `ATOLL_NOT_SERIALIZABLE` (naming the store and the path).
 * Components that hydrate render the value the store had when syncing began
 * (what the page's HTML shows), then the value other tabs sent.
 * Returns a function that stops syncing.
 */
export function syncTabs(store: WritableStore, options?: SyncOptions): () => void
