import type { Store } from '../index.js'

/** The JSON text the C++ core holds for the store, brought up to date first.
 * Throws AtollError ATOLL_NOT_SERIALIZABLE naming the store and the path. */
export function documentOf(store: Store): string
