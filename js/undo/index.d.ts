import type { ReadableAtom, Store } from '../index.js'

export interface HistoryOptions {
  /** Steps kept for undo; the oldest is dropped beyond it. Default 100. */
  limit?: number
}

export interface History {
  /** Puts the stores back as they were before the last step. False if none. */
  undo(): boolean
  /** Re-applies the last undone step. False if none. */
  redo(): boolean
  /** Forgets every step. */
  clear(): void
  /** Stops recording and forgets every step. */
  stop(): void
  /** True while there is a step to undo (for a button's disabled state). */
  readonly canUndo: ReadableAtom<boolean>
  /** True while there is a step to redo. */
  readonly canRedo: ReadableAtom<boolean>
}

/** Records changes of the given atoms and maps (store objects or names). A
 * change outside a batch is one step; everything one batch changes is one
 * step. Throws AtollError: ATOLL_NOT_A_STORE, ATOLL_UNKNOWN_STORE,
 * ATOLL_NOT_WRITABLE (computed), ATOLL_BAD_OPTION (limit). */
export function createHistory(stores: readonly (Store | string)[], options?: HistoryOptions): History
