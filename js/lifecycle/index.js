// Lifecycle hooks. Each hook wraps one of the store's own methods the first
// time a handler of its kind is added and unwraps it when the last one leaves.
// Handlers of one kind run newest first and share `payload.shared`.
import { clean } from '../clean-stores/index.js'
import { assertFunction } from '../runtime/errors.js'

export const STORE_UNMOUNT_DELAY = 1000

const START = 'start'
const STOP = 'stop'
const SET = 'set'
const NOTIFY = 'notify'
const MOUNT = 'mount'

// store.events[kind]: the handlers, oldest first, plus `unwrap` to restore
// the methods that were wrapped for them.
let on = (store, handler, kind, wrap) => {
  assertFunction(handler, `on${kind[0].toUpperCase()}${kind.slice(1)}`, store)
  let events = (store.events ||= {})
  let handlers = events[kind]
  if (!handlers) {
    handlers = events[kind] = []
    handlers.unwrap = wrap(props => {
      let payload = { shared: {}, ...props }
      // Newest first over the live list, as Nano Stores does: a handler
      // removed meanwhile shifts the ones after it (Array#reduceRight rules).
      for (let i = handlers.length - 1; i >= 0; i--) if (i in handlers) handlers[i](payload)
    })
  }
  handlers.push(handler)
  return () => {
    let index = handlers.indexOf(handler)
    if (index < 0) return
    handlers.splice(index, 1)
    if (!handlers.length) {
      handlers.unwrap()
      if (events[kind] === handlers) delete events[kind]
    }
  }
}

export let onStart = (store, handler) =>
  on(store, handler, START, run => {
    let listen = store.listen
    store.listen = listener => {
      if (!store.lc && !store.starting) {
        store.starting = true
        try {
          run()
        } finally {
          delete store.starting
        }
      }
      return listen(listener)
    }
    return () => {
      store.listen = listen
    }
  })

export let onStop = (store, handler) =>
  on(store, handler, STOP, run => {
    let off = store.off
    store.off = () => {
      run()
      off()
    }
    return () => {
      store.off = off
    }
  })

// `abort()` cancels the write; for setKey `newValue` is the whole new object.
export let onSet = (store, handler) =>
  on(store, handler, SET, run => {
    let set = store.set
    let setKey = store.setKey
    let guarded = (props, write) => {
      let aborted = false
      run({ ...props, abort: () => (aborted = true) })
      if (!aborted) return write()
    }
    store.set = newValue => guarded({ newValue }, () => set(newValue))
    if (setKey) {
      store.setKey = (key, value) =>
        guarded({ changed: key, newValue: { ...store.value, [key]: value } }, () => setKey(key, value))
    }
    return () => {
      store.set = set
      if (setKey) store.setKey = setKey
    }
  })

// Runs before listeners; `abort()` skips them (the value is already written).
export let onNotify = (store, handler) =>
  on(store, handler, NOTIFY, run => {
    let notify = store.notify
    store.notify = (oldValue, changed) => {
      let aborted = false
      run({ oldValue, changed, abort: () => (aborted = true) })
      if (!aborted) return notify(oldValue, changed)
    }
    return () => {
      store.notify = notify
    }
  })

// `initialize` runs when the store gets its first listener (or a get());
// its destructor runs STORE_UNMOUNT_DELAY ms after the last listener left,
// unless one came back meanwhile.
export let onMount = (store, initialize) => {
  assertFunction(initialize, 'onMount', store)
  let handler = payload => {
    let destroy = initialize(payload)
    if (destroy) store.events.destroy.push(destroy)
  }
  return on(store, handler, MOUNT, run => {
    let listen = store.listen
    let off = store.off
    let storeClean = store[clean]
    store.events.destroy = []
    let unmount = () => {
      store.active = false
      let destroys = store.events.destroy
      store.events.destroy = []
      for (let destroy of destroys) destroy()
    }
    store.listen = listener => {
      if (!store.lc && !store.active) {
        store.active = true
        run()
      }
      return listen(listener)
    }
    store.off = () => {
      off()
      // Looked up at call time, so fake timers in tests apply.
      setTimeout(() => {
        if (store.active && !store.lc) unmount()
      }, STORE_UNMOUNT_DELAY)
    }
    store[clean] = () => {
      unmount()
      storeClean()
    }
    return () => {
      store.listen = listen
      store.off = off
      store[clean] = storeClean
    }
  })
}
