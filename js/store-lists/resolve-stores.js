// The store lists that snapshot, undo and logger take: each item is a store
// object or the name of a named store. Names resolve through the page's one
// runtime, so a name works from any bundle or copy of the package.
import { AtollError, describeValue } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { isStore } from '../runtime/store-checks.js'

export let quoteNames = names => names.map(name => `'${name}'`).join(', ')

// Store objects for `stores`, without duplicates; throws before anything is
// hooked or written, naming every unknown name at once.
export function resolveStores(stores, method) {
  if (!Array.isArray(stores)) {
    throw new AtollError(
      'ATOLL_NOT_A_STORE',
      `${method}() expects an array of stores or store names, got ${describeValue(stores)}`
    )
  }
  let unknown = stores.filter(item => typeof item === 'string' && !engine.namedStore(item))
  if (unknown.length) {
    throw new AtollError(
      'ATOLL_UNKNOWN_STORE',
      `${method}(): no store on this page is named ${quoteNames(unknown)}`
    )
  }
  let found = stores.map((item, index) => {
    let store = typeof item === 'string' ? engine.namedStore(item) : item
    if (!isStore(store)) {
      throw new AtollError(
        'ATOLL_NOT_A_STORE',
        `${method}() item ${index} is not a store or a store name: ${describeValue(item)}`
      )
    }
    return store
  })
  return [...new Set(found)]
}

export { assertWritable } from '../runtime/store-checks.js'
