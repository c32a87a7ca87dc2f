import type { Doc } from 'yjs'
import type { WritableStore } from '../index.js'

export interface BindYjsOptions {
  /**
   * Map stores: the name of their Y.Map in the document. Atoms and deepMaps:
   * the key of their entry in the Y.Map 'atoll-store'.
   * Default: the store's name (required for unnamed stores).
   */
  name?: string
  /**
   * When the document does not hold the store yet, write the store's value
   * into it. Default true. With false the store waits for the document.
   */
  seed?: boolean
}

/** The Y.Map whose entries hold atoms and deepMaps: 'atoll-store'. */
export const ATOMS_MAP: 'atoll-store'

/**
 * Keeps the store and a part of the Y.Doc equal, both ways. A map store is a
 * Y.Map with one entry per key (a setKey sends one key, changes to different
 * keys never conflict); an atom or deepMap is one entry. Entries hold JSON text.
 * Remote changes reach the store in one step (one batch); a local batch is
 * one Yjs transaction; nothing is echoed back. A document that already holds
 * the store wins over the store's value at bind time.
 * A value JSON cannot hold makes the write throw AtollError
 * `ATOLL_NOT_SERIALIZABLE` (naming the store and the path); a remote value
 * that is not JSON text, or not of an atom's kind, is ignored with a warning.
 * Works with any provider (Hocuspocus, y-websocket, y-indexeddb).
 * Returns a function that unbinds.
 */
export function bindYjs(store: WritableStore, ydoc: Doc, options?: BindYjsOptions): () => void
