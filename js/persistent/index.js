// persist(): keeps a store in localStorage (or any Web Storage).
//
// The saved state is read back at once (JSON.parse), before persist()
// returns, so a store module that calls persist() at its top level holds the
// saved state before any island reads it. After that every change saves the
// store's JSON (JSON.stringify behind the check in json/to-json.js), once per
// batch: a listener runs once per batch. The save is synchronous, so a page
// unload never loses a write, and a full storage throws to the writer.
import { toJSONText, unserializable } from '../json/to-json.js'
import { AtollError, isPlainObject, storeLabel } from '../runtime/errors.js'
import { assertWritableStore, attachOnce, unnamedStore } from '../attach/attach-once.js'
import { keepRendered } from '../hydration/rendered.js'
import { isStorage, pageStorage, writeItem } from '../web-storage/storage.js'

export function persist(store, options = {}) {
  assertWritableStore(store, 'persist')
  let key = options.key === undefined ? store.name : String(options.key)
  if (key === undefined) throw unnamedStore(store, 'persist', 'key')
  let storage = options.storage
  if (storage === undefined) {
    storage = pageStorage()
    // No storage on this side (server rendering): nothing to restore or save.
    if (!storage) return () => {}
  } else if (!isStorage(storage)) {
    throw new AtollError(
      'ATOLL_BAD_STORAGE',
      `persist() of store ${storeLabel(store)} needs a storage with getItem, setItem and removeItem`
    )
  }

  return attachOnce(store, storage, key, () => {
    // The page's HTML shows the value from before the restore: islands
    // hydrate with that one (see hydration/rendered.js).
    keepRendered(store)
    restore(store, storage, key)
    let label = storeLabel(store)
    return store.listen(() => {
      // JSON has no undefined: an atom set to undefined is saved as "nothing
      // saved", so the next load starts from the initial value.
      if (store.value === undefined) storage.removeItem(key)
      else writeItem(storage, key, toJSONText(store.value, label), store)
    })
  })
}

// The JSON kind a saved value must have to replace the store's initial value.
let kindOf = value => {
  if (Array.isArray(value)) return 'an array'
  if (isPlainObject(value)) return 'an object'
  if (value === null || value === undefined) return undefined
  return `a ${typeof value}`
}

let parseJSON = text => {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`it is not JSON: ${error.message}`, { cause: error })
  }
}

// Data that is not ours (another app's key, an older format, a hand edit)
// must not break the page: warn and keep the initial value.
function restore(store, storage, key) {
  let saved
  try {
    let text = storage.getItem(key)
    if (text === null || text === undefined) return
    saved = parseJSON(text)
    let expected = kindOf(store.init)
    if (expected && kindOf(saved) !== expected) {
      throw new Error(`it holds ${kindOf(saved) || 'null'} where the store holds ${expected}`)
    }
    // JSON.parse can give what no save could write back (a lone surrogate
    // from a "\ud800" escape, nesting too deep to save): taking it would make
    // every later write of the store throw.
    let where = unserializable(saved)
    if (where) throw new Error(`it could not be saved again: ${where}`)
  } catch (error) {
    console.warn(
      `atoll-store: store ${storeLabel(store)} keeps its initial value: ` +
        `the saved state at storage key '${key}' cannot be used (${error.message})`
    )
    return
  }
  store.set(saved)
}
