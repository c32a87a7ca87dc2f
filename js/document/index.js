// documentOf(): the JSON copy of a store that the document module holds for
// document features. The store's value is serialized (which checks it is
// JSON: a bad value throws naming the store and path) and sent whole; nothing
// is sent unless all of it serialized, so a bad value leaves the module's
// copy as it was.
import { AtollError, storeLabel } from '../runtime/errors.js'
import { documents } from './load-documents.js'
import { toJSONText } from './to-json.js'

export function documentOf(store) {
  if (!store || typeof store.id !== 'number') {
    throw new AtollError('ATOLL_NOT_A_STORE', 'documentOf() expects an atoll-store store')
  }
  // Reading first brings a computed up to date.
  let json = toJSONText(store.get(), storeLabel(store))
  documents._setWhole(store.id, json)
  return documents._text(store.id, null)
}
