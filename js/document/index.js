// documentOf(): the JSON copy of a store that the core holds for document
// features. The copy is made on demand: the core tracks what changed since
// the last sync (every map key written or deleted, or "the whole value"), and
// only that is serialized and sent. Nothing is sent unless all of it
// serialized, so a bad value leaves the core's copy as it was.
import { KIND_MAP } from '../runtime/engine.js'
import { AtollError, storeLabel } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { documents } from './load-documents.js'
import { childPath, notSerializable, toJSONText } from './to-json.js'

const CURRENT = 0
const KEYS = 1

let isMap = store => typeof store.setKey === 'function'

let syncMap = (store, label, keyIds) => {
  let { raw } = engine
  let values = store.value
  let whole = keyIds === undefined
  if (whole) {
    let pairs = engine.mapOrder(store)
    keyIds = pairs.filter((_, i) => i % 2 === 0)
  }
  let writes = Array.from(keyIds, keyId => {
    let key = engine.keyName(keyId)
    let present = raw.atoll_map_find(store.id, keyId) >= 0
    return [keyId, key, present ? toJSONText(values[key], label, key) : undefined]
  })
  if (whole) documents._clearKeys(store.id)
  for (let [keyId, key, json] of writes) {
    if (json === undefined) documents._eraseKey(store.id, keyId)
    else refused(documents._setKey(store.id, keyId, key, json), label, key)
  }
}

// The C++ side answers '' or why it did not take the text. The check in
// to-json.js should leave nothing for it to refuse; if it ever does, the copy
// would silently keep an old value (or none: "null"), so it is an error.
let refused = (why, label, key) => {
  if (!why) return
  let path = key === undefined ? '$' : childPath('$', key)
  throw notSerializable(label, `the document module refused it (${why}) at ${path}`)
}

export function documentOf(store) {
  if (!store || typeof store.id !== 'number') {
    throw new AtollError('ATOLL_NOT_A_STORE', 'documentOf() expects an atoll-store store')
  }
  let label = storeLabel(store)
  // Reading first brings a computed up to date and a map's object current.
  store.get()
  let { what, keys } = engine.documentChanges(store)
  if (what !== CURRENT) {
    try {
      if (isMap(store)) syncMap(store, label, what === KEYS ? Array.from(keys) : undefined)
      else refused(documents._setWhole(store.id, toJSONText(store.value, label)), label)
    } catch (error) {
      engine.raw.atoll_doc_invalidate(store.id)
      throw error
    }
  }
  return documents._text(store.id, isMap(store) ? Array.from(engine.mapOrder(store)) : null)
}
