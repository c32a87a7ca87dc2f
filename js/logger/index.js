// logStores(): opt-in devtools logging, one console line per event, each
// naming the store:
//   [atoll] cart/open mounted            (onMount; "unmounted" when it ends)
//   [atoll] cart/open: false → true      (a change: old → new)
//   [atoll] cart/items.apple: 1 → 2      (setKey: that key; "(absent)" when
//                                         the key was or is now missing)
//   [atoll] cart/open: a listener threw Error: boom
// It uses only the public hooks (onMount, onNotify) and the engine's
// listener-error watchers, so it sees exactly what listeners see, and the
// function it returns removes every one of them.
import { childPath } from '../json/to-json.js'
import { onMount, onNotify } from '../lifecycle/index.js'
import { describeValue, isPlainObject } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { isMap } from '../runtime/store-checks.js'
import { resolveStores } from '../store-lists/resolve-stores.js'

const ABSENT = Symbol('absent')
const MAX_LENGTH = 200

let keyOf = (object, key) =>
  object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : ABSENT

// A value as short readable text: JSON for data, a description otherwise.
let show = value => {
  if (value === ABSENT) return '(absent)'
  switch (typeof value) {
    case 'undefined':
      return 'undefined'
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'bigint':
      return `${value}n`
    case 'symbol':
      return String(value)
    case 'function':
      return `function ${value.name || '(anonymous)'}`
  }
  // JSON would print a Map or a class instance as "{}": say what it is instead.
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isPlainObject(value)) {
    return describeValue(value)
  }
  let text
  try {
    text = JSON.stringify(value)
  } catch {
    return describeValue(value) // a cycle or a BigInt inside
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text
}

export function logStores(stores, { console: out = globalThis.console, label = 'atoll' } = {}) {
  let watched = resolveStores(stores, 'logStores')
  let prefix = `[${label}] `
  let nameOf = store => (store.name !== undefined ? store.name : `#${store.id}`)
  let stopped = false
  let log = line => {
    if (!stopped) out.log(prefix + line)
  }

  let unbinds = watched.flatMap(store => [
    onMount(store, () => {
      log(`${nameOf(store)} mounted`)
      // The destructor may run after stop(); `log` checks for that.
      return () => log(`${nameOf(store)} unmounted`)
    }),
    onNotify(store, ({ oldValue, changed }) => {
      if (changed !== undefined && isMap(store)) {
        // Reading store.value rebuilds the map's object after each change, so
        // inside a batch the next change's oldValue is the object right
        // before it (not the one from before the batch).
        let now = keyOf(store.value, changed)
        log(`${childPath(nameOf(store), changed)}: ${show(keyOf(oldValue, changed))} → ${show(now)}`)
      } else {
        log(`${nameOf(store)}: ${show(oldValue)} → ${show(store.value)}`)
      }
    })
  ])
  unbinds.push(
    engine.onListenerError((error, store) => {
      if (stopped || !watched.includes(store)) return
      let what = error instanceof Error ? String(error) : show(error)
      out.error(`${prefix}${nameOf(store)}: a listener threw ${what}`)
    })
  )

  return () => {
    stopped = true
    for (let unbind of unbinds) unbind()
    unbinds = []
  }
}
