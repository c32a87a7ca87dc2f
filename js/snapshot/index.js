// snapshot() / restore(): the state of chosen named stores as one JSON text
// `{"<name>": value, ...}`, and back.
// - snapshot() joins each store's checked JSON (json/to-json.js), so a value
//   JSON cannot represent fails with the store and the path.
// - restore() checks the whole snapshot before writing anything (bad input
//   leaves every store as it was), then writes every store in one batch, so
//   listeners run once, after all stores hold the restored state.
import { batch } from '../batch/index.js'
import { assertJSON, toJSONText } from '../json/to-json.js'
import { AtollError, describeValue, isPlainObject, storeLabel } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { isMap } from '../runtime/store-checks.js'
import { assertWritable, quoteNames, resolveStores } from '../store-lists/resolve-stores.js'

export function snapshot(stores) {
  let chosen = resolveStores(stores, 'snapshot')
  for (let store of chosen) {
    // The snapshot is keyed by name: an unnamed store could not be found again.
    if (store.name === undefined) {
      throw new AtollError(
        'ATOLL_NOT_NAMED',
        `snapshot() takes named stores (a snapshot is keyed by name); store ${storeLabel(store)} has no name`
      )
    }
    // A snapshot must always restore, so it holds only what restore() can write.
    assertWritable(store, 'snapshot')
  }
  let parts = chosen.map(
    store => `${JSON.stringify(store.name)}:${toJSONText(store.get(), storeLabel(store))}`
  )
  return `{${parts.join(',')}}`
}

let parse = json => {
  if (typeof json !== 'string') {
    throw new AtollError(
      'ATOLL_BAD_SNAPSHOT',
      `restore() expects the JSON text of a snapshot, got ${describeValue(json)}`
    )
  }
  let state
  try {
    state = JSON.parse(json)
  } catch (error) {
    throw new AtollError('ATOLL_BAD_SNAPSHOT', `restore() got text that is not JSON: ${error.message}`, {
      cause: error
    })
  }
  if (!isPlainObject(state)) {
    throw new AtollError(
      'ATOLL_BAD_SNAPSHOT',
      `restore() expects a snapshot object {"<store name>": value}, got ${describeValue(state)}`
    )
  }
  return state
}

export function restore(json, stores) {
  let state = parse(json)
  let names = Object.keys(state)
  let allowed = stores === undefined ? undefined : new Set(resolveStores(stores, 'restore'))

  let unknown = names.filter(name => !engine.namedStore(name))
  if (unknown.length) {
    throw new AtollError(
      'ATOLL_UNKNOWN_STORE',
      `restore(): the snapshot names stores that do not exist on this page: ${quoteNames(unknown)}`
    )
  }
  let outside = allowed ? names.filter(name => !allowed.has(engine.namedStore(name))) : []
  if (outside.length) {
    throw new AtollError(
      'ATOLL_STORE_NOT_CHOSEN',
      `restore(): the snapshot holds ${quoteNames(outside)}, not among the stores given to restore()`
    )
  }
  let writes = names.map(name => {
    let store = engine.namedStore(name)
    assertWritable(store, 'restore')
    if (isMap(store) && !isPlainObject(state[name])) {
      throw new AtollError(
        'ATOLL_NOT_PLAIN_OBJECT',
        `restore(): store '${name}' is a map, but the snapshot holds ${describeValue(state[name])} for it`
      )
    }
    // JSON.parse can give what snapshot() could never write (a lone
    // surrogate from a "\ud800" escape, nesting too deep): refused, so a
    // restored store can always be snapshotted, persisted and synced again.
    assertJSON(state[name], storeLabel(store))
    return [store, state[name]]
  })

  batch(() => {
    for (let [store, value] of writes) store.set(value)
  })
}
