// computed() and batched(): stores derived from other stores.
// Derivation follows Nano Stores, so derived values and the side effects of
// `fn` come in the same order: while mounted, a computed listens to each
// input with `run` (an ordinary listener in the page's queue, marked as a
// graph edge for the core; see derived.js for its state), and every read
// re-derives it first if it may be out of date, pulling its inputs in order.
// That pull is what makes a diamond glitch-free: the sink reads its inputs,
// which settle first, and `fn` runs once, only when an input changed by that
// input's `eq`.
// "May be out of date": for a mounted computed the core's stale flag (set
// when an input, or an input's input, notifies); for an unmounted one any
// notification on the page since it last derived (the engine's epoch).
import { createStore, EDGE } from '../atom/index.js'
import { clean } from '../clean-stores/index.js'
import { onMount } from '../lifecycle/index.js'
import { KIND_COMPUTED, SETTLES } from '../runtime/engine.js'
import { AtollError, assertFunction } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { isStore } from '../runtime/store-checks.js'
import { Derived } from './derived.js'

let computedStore = (sources, fn, method, deferred) => {
  let inputs = Array.isArray(sources) ? sources : [sources]
  inputs.forEach((input, index) => {
    if (!isStore(input)) {
      throw new AtollError('ATOLL_NOT_A_STORE', `${method}() input ${index} is not an atoll-store store`)
    }
  })
  assertFunction(fn, method)

  return createStore(KIND_COMPUTED, undefined, undefined, store => {
    let derived = new Derived(store, inputs, fn)
    // Server only (atoll-store/ssr sets engine.server): inputs may hold a
    // request's own state, so inside a request scope the value is derived per
    // scope, and the shared cache (derived) is only ever fed shared values.
    let perScope = new WeakMap() // scope -> { args, value }
    let currentScope = () => engine.server && engine.server.scope.getStore()
    let scopedValue = scope => {
      let args = inputs.map(input => input.get())
      let last = perScope.get(scope)
      if (!last || !args.every((arg, i) => inputs[i].eq(arg, last.args[i]))) {
        perScope.set(scope, (last = { args, value: fn(...args) }))
      }
      return last.value
    }

    let timer
    let settle = () => derived.settle()
    let run = deferred
      ? () => {
          clearTimeout(timer)
          timer = setTimeout(settle)
        }
      : settle
    run[EDGE] = store
    // A computed() edge: the engine calls derived.settle() for it, and the
    // core passes over its calls while the store is fresh (settle() would do
    // nothing). A batched() store's `run` sets a timer instead.
    if (!deferred) run[SETTLES] = derived

    onMount(store, () => {
      let unbinds = inputs.map(input => input.listen(run))
      // Inputs may have changed while nothing was listening.
      derived.mounted = true
      engine.markStale(store)
      derived.settle()
      return () => {
        derived.mounted = false
        for (let unbind of unbinds) unbind()
      }
    })

    let get = store.get
    store.get = () => {
      let server = engine.server
      if (!server) derived.derive()
      else {
        let scope = server.scope.getStore()
        if (scope) return scopedValue(scope)
        derived.settle()
      }
      return get()
    }

    let subscribe = store.subscribe
    store.subscribe = listener => {
      let scope = currentScope()
      if (!scope) return subscribe(listener)
      assertFunction(listener, 'subscribe', store)
      let unbind = store.listen(listener)
      listener(scopedValue(scope))
      return unbind
    }

    let storeClean = store[clean]
    store[clean] = () => {
      derived.forget()
      store.value = undefined
      storeClean()
    }
  })
}

/* @__NO_SIDE_EFFECTS__ */
export const computed = (sources, fn) => computedStore(sources, fn, 'computed', false)

/* @__NO_SIDE_EFFECTS__ */
export const batched = (sources, fn) => computedStore(sources, fn, 'batched', true)
