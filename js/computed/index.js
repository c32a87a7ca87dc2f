// computed() and batched(): stores derived from other stores.
// Derivation follows Nano Stores, so derived values and the side effects of
// `fn` come in the same order: while mounted, a computed listens to each
// input with `run` (an ordinary listener in the page's queue, marked as a
// graph edge for the core), and every read re-derives it first if it may be
// out of date, pulling its inputs in order. That pull is what makes a
// diamond glitch-free: the sink reads its inputs, which settle first, and
// `fn` runs once, only when an input changed by that input's `eq`.
// "May be out of date": for a mounted computed the core's stale flag (set
// when an input, or an input's input, notifies); for an unmounted one any
// notification on the page since it last derived (the engine's epoch).
import { createStore, EDGE } from '../atom/index.js'
import { clean } from '../clean-stores/index.js'
import { onMount } from '../lifecycle/index.js'
import { IDLE_WHILE_FRESH, KIND_COMPUTED } from '../runtime/engine.js'
import { AtollError, assertFunction } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { isStore } from '../runtime/store-checks.js'

let computedStore = (sources, fn, method, deferred) => {
  let inputs = Array.isArray(sources) ? sources : [sources]
  inputs.forEach((input, index) => {
    if (!isStore(input)) {
      throw new AtollError('ATOLL_NOT_A_STORE', `${method}() input ${index} is not an atoll-store store`)
    }
  })
  assertFunction(fn, method)

  let count = inputs.length
  let only = count === 1 ? inputs[0] : undefined

  return createStore(KIND_COMPUTED, undefined, undefined, store => {
    // The inputs' values `fn` last ran with (previous[i] from inputs[i]);
    // for one input, previousArg alone. Per recompute nothing is allocated:
    // this runs once per recompute of every derived store on the page.
    // `spare` is an array of `count` free for the next read of the inputs (a
    // derive takes it while it reads, so a derive started meanwhile makes its
    // own); never the same array as `previous`. It holds the values of the
    // last read only if they equalled `previous` (the same values).
    let previous // undefined: `fn` has not run since creation or clean
    let spare
    let previousArg
    let ran = false
    let derivation = 0 // counts runs of `fn` (and cleans): a task() result is
    // written only if no newer run started since (its inputs did not move on)
    let derivedAt // engine epoch of the last derivation
    let mounted = false
    // Server only (atoll-store/ssr sets engine.server): inputs may hold a
    // request's own state, so inside a request scope the value is derived per
    // scope, and the shared cache below is only ever fed shared values.
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

    // Reads every input in order (a computed input settles first), then
    // compares them in order with each input's eq, as `args.every` would.
    let derive = () => {
      let now = engine.epoch()
      if (derivedAt === now) return
      derivedAt = now
      // (A mounted computed has a core id: its edges made it.)
      if (mounted && !engine.takeStale(store)) return
      let value
      if (only) {
        let arg = only.get()
        if (ran && only.eq(arg, previousArg)) return
        ran = true
        previousArg = arg
        derivation++
        value = fn(arg)
      } else {
        let args = spare || new Array(count)
        spare = undefined
        for (let i = 0; i < count; i++) args[i] = inputs[i].get()
        if (previous) {
          let i = 0
          while (i < count && inputs[i].eq(args[i], previous[i])) i++
          if (i === count) {
            spare = args
            return
          }
        }
        // The old values are let go (a spare holds none); `fn` gets the values
        // spread, not the array.
        if (previous) for (let i = 0; i < count; i++) previous[i] = undefined
        spare = previous
        previous = args
        derivation++
        value = fn(...args)
      }
      if (value && value.then && value.t) {
        // A task() promise: write its result unless the inputs moved on.
        let mine = derivation
        value.then(result => {
          if (derivation === mine) store.set(result)
        })
      } else {
        store.set(value)
        derivedAt = engine.epoch()
      }
    }
    let settle = () => (engine.server ? engine.server.scope.exit(derive) : derive())
    let timer
    let run = deferred
      ? () => {
          clearTimeout(timer)
          timer = setTimeout(settle)
        }
      : settle
    run[EDGE] = store
    // A call of `settle` on a mounted, fresh computed does nothing; a
    // batched() store's `run` always sets a timer.
    if (!deferred) run[IDLE_WHILE_FRESH] = true

    onMount(store, () => {
      let unbinds = inputs.map(input => input.listen(run))
      // Inputs may have changed while nothing was listening.
      mounted = true
      engine.markStale(store)
      settle()
      return () => {
        mounted = false
        for (let unbind of unbinds) unbind()
      }
    })

    let get = store.get
    store.get = () => {
      let server = engine.server
      if (!server) derive()
      else {
        let scope = server.scope.getStore()
        if (scope) return scopedValue(scope)
        server.scope.exit(derive)
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
      previous = previousArg = derivedAt = undefined
      ran = false
      derivation++
      store.value = undefined
      storeClean()
    }
  })
}

/* @__NO_SIDE_EFFECTS__ */
export const computed = (sources, fn) => computedStore(sources, fn, 'computed', false)

/* @__NO_SIDE_EFFECTS__ */
export const batched = (sources, fn) => computedStore(sources, fn, 'batched', true)
