// documentOf(): a store's value as JSON text, checked (json/to-json.js): a
// value JSON cannot carry throws ATOLL_NOT_SERIALIZABLE naming the store and
// the path, never a silent null. Plain JS: no wasm to wait for.
import { toJSONText } from '../json/to-json.js'
import { storeLabel } from '../runtime/errors.js'
import { assertStore } from '../runtime/store-checks.js'

export function documentOf(store) {
  assertStore(store, 'documentOf')
  // get(), not value: it brings a computed store up to date.
  return toJSONText(store.get(), storeLabel(store))
}
