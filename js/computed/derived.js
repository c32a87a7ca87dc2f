// The state of one computed store and its derivation, as an object with
// shared methods instead of closures per store: every computed on the page
// then has one shape, and the engine calls `settle()` of a queued edge
// directly (see SETTLES in runtime/engine.js), one monomorphic call per
// recompute instead of a call through each store's own listener function.
//
// Fields and their invariants:
// - previous: the inputs' values `fn` last ran with (previous[i] from
//   inputs[i]); undefined when `fn` has not run since creation or clean. For
//   one input (`only`), previousArg alone, with `ran`.
// - spare: an array of `count` free for the next read of the inputs (a
//   derive takes it while it reads, so a derive started meanwhile makes its
//   own); never the same array as `previous`. It holds the values of the last
//   read only if they equalled `previous`. So a recompute allocates nothing.
// - derivation: counts runs of `fn` (and cleans): a task() result is written
//   only if no newer run started since (its inputs did not move on).
// - derivedAt: the engine epoch of the last derivation.
// - mounted: the store listens to its inputs (its edges are in the core).
import { engine } from '../runtime/index.js'

export class Derived {
  constructor(store, inputs, fn) {
    this.store = store
    this.inputs = inputs
    this.fn = fn
    this.count = inputs.length
    this.only = inputs.length === 1 ? inputs[0] : undefined
    this.previous = undefined
    this.spare = undefined
    this.previousArg = undefined
    this.ran = false
    this.derivation = 0
    this.derivedAt = undefined
    this.mounted = false
    this.deriveFn = undefined // `() => this.derive()`, made on a server only
  }

  // Re-derives if the store may be out of date: reads every input in order
  // (a computed input settles first), then compares them in order with each
  // input's eq, as `args.every` would, and runs `fn` if one changed.
  derive() {
    let now = engine.epoch()
    if (this.derivedAt === now) return
    this.derivedAt = now
    let store = this.store
    // (A mounted computed has a core id: its edges made it.)
    if (this.mounted && !engine.takeStale(store)) return
    let value
    let only = this.only
    if (only) {
      let arg = only.get()
      if (this.ran && only.eq(arg, this.previousArg)) return
      this.ran = true
      this.previousArg = arg
      this.derivation++
      value = this.fn(arg)
    } else {
      let { count, inputs } = this
      let args = this.spare || new Array(count)
      this.spare = undefined
      for (let i = 0; i < count; i++) args[i] = inputs[i].get()
      let previous = this.previous
      if (previous) {
        let i = 0
        while (i < count && inputs[i].eq(args[i], previous[i])) i++
        if (i === count) {
          this.spare = args
          return
        }
        // The old values are let go (a spare holds none).
        for (let j = 0; j < count; j++) previous[j] = undefined
      }
      this.spare = previous
      this.previous = args
      this.derivation++
      value = this.fn(...args) // the values spread, not the array
    }
    if (value && value.then && value.t) {
      // A task() promise: write its result unless the inputs moved on.
      let mine = this.derivation
      value.then(result => {
        if (this.derivation === mine) store.set(result)
      })
    } else {
      store.set(value)
      this.derivedAt = engine.epoch()
    }
  }

  // derive(), outside any request scope on a server (see ssr/).
  settle() {
    let server = engine.server
    if (!server) this.derive()
    else server.scope.exit((this.deriveFn ||= () => this.derive()))
  }

  // cleanStores(): forget the last derivation.
  forget() {
    this.previous = this.previousArg = this.derivedAt = undefined
    this.ran = false
    this.derivation++
  }
}
