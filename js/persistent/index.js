// persist(): keeps a store in localStorage (or any Web Storage).
//
// The saved state is read back at once (JSON.parse), before persist()
// returns, so a store module that calls persist() at its top level holds the
// saved state before any island reads it. After that every change saves the
// store's JSON (JSON.stringify behind the check in json/to-json.js), once per
// batch: a listener runs once per batch. The save is synchronous, so a page
// unload never loses a write, and a full storage throws to the writer.
//
// Two cases keep the store's value instead of the saved one:
// - a store that started from server state (atoll-store/ssr handed it to the
//   page): the server's state is newer than the browser's copy and is what
//   the HTML shows, so it wins and is saved;
// - a saved value equal (as JSON) to the store's: taking it would only make
//   a new object, which re-renders every island showing the store.
import { sameJSON } from '../json/same-json.js'
import { toJSONText, unserializable } from '../json/to-json.js'
import { engine } from '../runtime/index.js'
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
    if (store.name !== undefined && engine.startedFromServer(store.name)) saveServerState(store, storage, key)
    else restore(store, storage, key)
    return store.listen(() => save(store, storage, key))
  })
}

// The store's value as saved: its JSON text, or null for undefined (JSON has
// no undefined: an atom set to undefined is saved as "nothing saved", so the
// next load starts from the initial value).
let savedText = store => (store.value === undefined ? null : toJSONText(store.value, storeLabel(store)))

let save = (store, storage, key, text = savedText(store)) => {
  if (text === null) storage.removeItem(key)
  else writeItem(storage, key, text, store)
}

// The page keeps working with the server's state when it cannot be saved
// now (a full storage): the next write tries again.
// (Storage holds the same text on most loads: cookie and storage are written
// together. Reading is far cheaper than writing it again.)
let saveServerState = (store, storage, key) => {
  try {
    let text = savedText(store)
    if (storage.getItem(key) !== text) save(store, storage, key, text)
  } catch (error) {
    console.warn(`${error.message} (the server's state, at page load)`)
  }
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
  if (!sameJSON(saved, store.value)) store.set(saved)
}
