// Web Storage, as persist() and the sync fallback use it.
import { AtollError, storeLabel } from '../runtime/errors.js'

export let isStorage = storage =>
  !!storage &&
  typeof storage.getItem === 'function' &&
  typeof storage.setItem === 'function' &&
  typeof storage.removeItem === 'function'

// The page's localStorage, or undefined where there is none: on the server
// (Astro renders islands in Node), in a worker, or where the browser blocks
// it (reading `localStorage` throws a SecurityError there).
export function pageStorage() {
  try {
    return isStorage(globalThis.localStorage) ? globalThis.localStorage : undefined
  } catch {
    return undefined
  }
}

// Browsers disagree on the error's name (Firefox used
// NS_ERROR_DOM_QUOTA_REACHED; old WebKit only set code 22).
let isQuotaError = error =>
  !!error &&
  (error.name === 'QuotaExceededError' ||
    error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    error.code === 22 ||
    error.code === 1014)

// setItem, with a full storage reported as an AtollError that says what did
// not fit. The caller's store keeps its value in memory either way.
export function writeItem(storage, key, text, store) {
  try {
    storage.setItem(key, text)
  } catch (error) {
    if (!isQuotaError(error)) throw error
    throw new AtollError(
      'ATOLL_STORAGE_FULL',
      `store ${storeLabel(store)} could not be saved: the storage is full ` +
        `(key '${key}', ${text.length} characters); the store keeps its value in memory`,
      { cause: error }
    )
  }
}
