// documentOf(): a store's value as JSON text, checked (json/to-json.js): a
// value JSON cannot carry throws ATOLL_NOT_SERIALIZABLE naming the store and
// the path, never a silent null. Plain JS: no wasm to wait for.
import { toJSONText } from '../json/to-json.js'
import { AtollError, storeLabel } from '../runtime/errors.js'

export let isStore = value =>
  value !== null &&
  typeof value === 'object' &&
  typeof value.id === 'number' &&
  typeof value.listen === 'function'

export function documentOf(store) {
  if (!isStore(store)) {
    throw new AtollError('ATOLL_NOT_A_STORE', 'documentOf() expects an atoll-store store')
  }
  // get(), not value: it brings a computed store up to date.
  return toJSONText(store.get(), storeLabel(store))
}
