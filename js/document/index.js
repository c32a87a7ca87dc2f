// documentOf(): the JSON copy of a store that the document module holds for
// document features. The store's value is checked and serialized (a value
// JSON cannot hold throws, naming the store and the path) and sent whole;
// nothing is sent unless all of it serialized, so a bad value leaves the
// module's copy as it was.
import { AtollError, storeLabel } from '../runtime/errors.js'
import { documents } from './load-documents.js'
import { notSerializable, toJSONText } from './to-json.js'

export function documentOf(store) {
  if (!store || typeof store.id !== 'number') {
    throw new AtollError('ATOLL_NOT_A_STORE', 'documentOf() expects an atoll-store store')
  }
  let label = storeLabel(store)
  // Reading first brings a computed up to date.
  let json = toJSONText(store.get(), label)
  // The C++ side answers '' or why it did not take the text. The check in
  // to-json.js should leave nothing for it to refuse; if it ever does, the
  // copy would silently keep an old value, so it is an error.
  let why = documents._setWhole(store.id, json)
  if (why) throw notSerializable(label, `the document module refused it (${why}) at $`)
  return documents._text(store.id, null)
}
