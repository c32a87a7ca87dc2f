// atoll-store: the Nano Stores API on a WebAssembly core, plus named stores
// and the JSON document of a store.
export { atom, readonlyType } from './atom/index.js'
export { batch } from './batch/index.js'
export { clean, cleanStores } from './clean-stores/index.js'
export { batched, computed } from './computed/index.js'
export { effect } from './effect/index.js'
export { keepMount } from './keep-mount/index.js'
export {
  onMount,
  onNotify,
  onSet,
  onStart,
  onStop,
  STORE_UNMOUNT_DELAY
} from './lifecycle/index.js'
export { listenKeys, subscribeKeys } from './listen-keys/index.js'
export { mapCreator } from './map-creator/index.js'
export { map } from './map/index.js'
export { AtollError } from './runtime/errors.js'
export { allTasks, cleanTasks, startTask, task } from './task/index.js'
export { deepMap, getKey, getPath, setByKey, setPath } from './deep-map/index.js'
