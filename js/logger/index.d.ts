import type { Store } from '../index.js'

export interface LogOptions {
  /** Where lines go: `log` for mounts and changes, `error` for listener
   * errors. Default `globalThis.console`. */
  console?: Pick<Console, 'log' | 'error'>
  /** Prefix of every line, in brackets. Default `'atoll'`. */
  label?: string
}

/** Logs mounts/unmounts, every change (maps: the changed key, old → new) and
 * listener errors of the given stores (store objects or names), one line per
 * event. Returns a function that stops logging and removes every hook. */
export function logStores(stores: readonly (Store | string)[], options?: LogOptions): () => void
