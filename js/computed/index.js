// computed() and batched(): stores derived from other stores.
// The dependency graph lives in the core: each source gets a graph-edge
// listener (counted in its `lc`, never queued); a change marks the computed
// pending, and the core hands pending computeds back lowest height first, so
// in a diamond every input settles before the sink runs, once. `fn` is JS and
// runs only when an input changed (by the input's own `eq`).
import { createStore, EDGE } from '../atom/index.js'
import { clean } from '../clean-stores/index.js'
import { onMount } from '../lifecycle/index.js'
import { KIND_COMPUTED } from '../runtime/engine.js'
import { AtollError, assertFunction } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'

let computedStore = (sources, fn, method, deferred) => {
  let inputs = Array.isArray(sources) ? sources : [sources]
  inputs.forEach((input, index) => {
    if (!input || typeof input.listen !== 'function' || typeof input.id !== 'number') {
      throw new AtollError(
        'ATOLL_NOT_A_STORE',
        `${method}() input ${index} is not an atoll-store store`
      )
    }
  })
  assertFunction(fn, method)

  return createStore(KIND_COMPUTED, undefined, undefined, store => {
    for (let input of inputs) engine.addSource(store, input)
    store.height = engine.height(store)

    let previousArgs
    // Server only (atoll-store/ssr sets engine.serverScope): inputs may hold a
    // request's own state, so inside a request scope the value is derived per
    // scope, and the shared cache below is only ever fed shared values.
    let perScope = new WeakMap() // scope -> { args, value }
    let currentScope = () => engine.serverScope && engine.serverScope.getStore()
    let scopedValue = scope => {
      let args = inputs.map(input => input.get())
      let last = perScope.get(scope)
      if (!last || !args.every((arg, i) => inputs[i].eq(arg, last.args[i]))) {
        perScope.set(scope, (last = { args, value: fn(...args) }))
      }
      return last.value
    }

    let compute = () => {
      let args = inputs.map(input => input.get())
      if (previousArgs && args.every((arg, i) => inputs[i].eq(arg, previousArgs[i]))) return
      previousArgs = args
      let value = fn(...args)
      if (value && value.then && value.t) {
        // A task() promise: write its result unless the inputs moved on.
        value.then(result => {
          if (previousArgs === args) store.set(result)
        })
      } else {
        store.set(value)
      }
    }
    let run = () => (engine.serverScope ? engine.serverScope.exit(compute) : compute())
    let timer
    store.recompute = deferred
      ? () => {
          clearTimeout(timer)
          timer = setTimeout(run)
        }
      : run

    let edge = () => {}
    edge[EDGE] = store.id
    onMount(store, () => {
      engine.mountComputed(store)
      let unbinds = inputs.map(input => input.listen(edge))
      run()
      return () => {
        for (let unbind of unbinds) unbind()
        engine.unmountComputed(store)
      }
    })

    let get = store.get
    store.get = () => {
      let scope = currentScope()
      if (scope) return scopedValue(scope)
      get()
      // A listener that reads this store mid-drain sees it settled.
      engine.settle(store.height)
      return store.value
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
      previousArgs = undefined
      store.value = undefined
      storeClean()
    }
  })
}

/* @__NO_SIDE_EFFECTS__ */
export let computed = (sources, fn) => computedStore(sources, fn, 'computed', false)

/* @__NO_SIDE_EFFECTS__ */
export let batched = (sources, fn) => computedStore(sources, fn, 'batched', true)
