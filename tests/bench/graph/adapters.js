// Two adapters give the graph workloads (workloads.js) one small interface:
//
//   signal(value)        a writable source
//   computed(deps, fn)   a derived value: fn(...values of deps), deps fixed
//   get(node)            read a source or a derived value
//   set(source, value)
//   effect(node, fn)     fn(value) runs whenever node's value changes
//   batch(fn)
//
// nanoStyle() is used unchanged for nanostores and atoll-store (both have the
// Nano Stores API). alienSignals() maps the same calls onto alien-signals 3,
// whose computed() tracks what its getter reads: it reads every dep, in order,
// so the three libraries run the same fixed-dependency graph (the Nano Stores
// API has no dynamic dependencies).
//
// run.js imports this module once per library (`adapters.js?lib=…`), so each
// library gets its own copy of the adapter and workload functions and no call
// site turns polymorphic across libraries.

export function nanoStyle({ atom, computed, batch }) {
  return {
    signal: value => atom(value),
    computed: (deps, fn) => computed(deps, fn),
    get: node => node.get(),
    set: (source, value) => source.set(value),
    // A listener: called on every change, not once at creation. A fresh
    // function per effect: inside batch() Nano Stores calls one function
    // once, however many of the stores it listens to changed.
    effect: (node, fn) => node.listen(value => fn(value)),
    batch
  }
}

export function alienSignals({ signal, computed, effect, startBatch, endBatch }) {
  let derive = (deps, fn) => {
    switch (deps.length) {
      case 1: {
        let [a] = deps
        return () => fn(a())
      }
      case 2: {
        let [a, b] = deps
        return () => fn(a(), b())
      }
      case 3: {
        let [a, b, c] = deps
        return () => fn(a(), b(), c())
      }
      case 4: {
        let [a, b, c, d] = deps
        return () => fn(a(), b(), c(), d())
      }
      default: {
        let n = deps.length
        return () => {
          let values = new Array(n)
          for (let i = 0; i < n; i++) values[i] = deps[i]()
          return fn(...values)
        }
      }
    }
  }
  return {
    signal: value => signal(value),
    computed: (deps, fn) => computed(derive(deps, fn)),
    get: node => node(),
    set: (source, value) => source(value),
    // alien-signals runs an effect once at creation; like a Nano Stores
    // listener, fn is called only on later changes.
    effect: (node, fn) => {
      let first = true
      return effect(() => {
        let value = node()
        if (first) first = false
        else fn(value)
      })
    },
    batch: fn => {
      startBatch()
      try {
        fn()
      } finally {
        endBatch()
      }
    }
  }
}
