// The interpreter: runs one program against one library module and returns
// its trace, a list of strings. Two libraries agree on a program when their
// traces are equal. What goes into the trace:
// - a marker per top-level step, and whether the step threw (not the message
//   unless asked: error texts differ between libraries on purpose);
// - every listener call with all its arguments and its argument count;
// - every get() (value, and whether it is the same reference as the previous
//   get() of that store), every computed/effect function call, every hook
//   call with its payload, every eqKey call when a program installs a
//   recording eqKey, every timer that threw.
// Objects carry identity numbers (see serialize.js).
import { installFakeTimers } from './fake-timers.js'
import { makeValue } from './values.js'
import { createSerializer, plain } from './serialize.js'

// Past this many events a program is cut off (a safety net: bodies run a
// bounded number of times, so well-formed programs never get here).
const MAX_EVENTS = 4000
// Steps that can mount a store (see the 'no-mount-in-onstop' known difference).
const MOUNTING = new Set(['get', 'listen', 'effect'])
// Steps with every 'throw' removed, also from nested bodies (batch, listeners).
const withoutThrows = steps =>
  steps
    .filter(step => step.op !== 'throw')
    .map(step => (step.body ? { ...step, body: withoutThrows(step.body) } : step))

let EQ = {
  is: () => Object.is,
  never: () => () => false,
  loose: () => (a, b) => a == b, // eslint-disable-line eqeqeq
  json: () => (a, b) => plain(a) === plain(b)
}

let COMPUTE = {
  pack: args => [...args],
  first: args => args[0],
  size: args => plain(args).length % 3,
  sum: args => args.reduce((sum, arg) => sum + (typeof arg === 'number' ? arg : 1), 0)
}

// `lib`: the module (atoll-store or nanostores). `options.known`: active
// known-difference entries (known-differences.js). `options.features`:
// what both libraries support ({ deepMap }).
export function runProgram(lib, program, { known = [], features = {} } = {}) {
  let trace = []
  let ser = createSerializer()
  let stopped = false
  let record = text => {
    if (stopped) return
    trace.push(text)
    if (trace.length >= MAX_EVENTS) {
      trace.push('(cut off: too many events)')
      stopped = true
    }
  }
  let skipInherited = known.some(k => k.skipInheritedKeys)
  let skipMissingDelete = known.some(k => k.skipMissingKeyDelete)
  let reflexiveEqOnly = known.some(k => k.reflexiveEqOnly)
  let deepMapObjectIs = known.some(k => k.deepMapObjectIs)
  let noThrowInOnStart = known.some(k => k.noThrowInOnStart)
  let noMountInOnStop = known.some(k => k.noMountInOnStop)
  let noSilentWrites = known.some(k => k.noSilentWrites)
  let errorText = error => (known.some(k => k.hideErrorMessages) ? '' : `: ${error && error.message}`)

  let run = {
    stores: new Map(), // name -> store object
    kinds: new Map(), // name -> 'atom' | 'map' | 'deepMap' | 'computed'
    fns: new Map(), // listener function id -> function
    calls: new Map(), // listener function id -> calls so far
    handles: new Map(), // L id -> unbind
    hooks: new Map(), // H id -> unbind
    effects: new Map(), // E id -> cancel
    lastGet: new Map(), // store name -> previous get() result
    shared: []
  }
  let timers = installFakeTimers(error => record(`timer threw${errorText(error)}`))
  let args = list => list.map(v => ser(v)).join(', ')

  let listener = (fnId, body = [], runs = 0) =>
    function (...received) {
      let n = (run.calls.get(fnId) || 0) + 1
      run.calls.set(fnId, n)
      record(`${fnId}(${args(received)}) [${received.length} args]`)
      if (n <= runs && !stopped) execAll(body)
    }

  let hookHandler = step => {
    let n = 0
    return payload => {
      n += 1
      let seen = Object.keys(payload.shared).join(',')
      payload.shared[step.id] = true
      let detail = ''
      if (step.kind === 'onSet') detail = ` new=${ser(payload.newValue)} changed=${ser(payload.changed)}`
      if (step.kind === 'onNotify') detail = ` old=${ser(payload.oldValue)} changed=${ser(payload.changed)}`
      record(`${step.id} ${step.kind}(${step.store})${detail} shared=[${seen}]`)
      if (step.abort && !(noSilentWrites && step.kind === 'onNotify')) payload.abort()
      let body = step.body || []
      if (noThrowInOnStart && step.kind === 'onStart') body = withoutThrows(body)
      if (noMountInOnStop && step.kind === 'onStop') body = body.filter(inner => !MOUNTING.has(inner.op))
      if (noSilentWrites && step.kind === 'onNotify') body = withoutThrows(body)
      if (n <= step.runs && !stopped) execAll(body)
      if (step.kind === 'onMount' && step.destructor) {
        return () => record(`${step.id} unmount(${step.store})`)
      }
    }
  }

  let exec = step => {
    let store = run.stores.get(step.store)
    switch (step.op) {
      case 'atom':
        run.stores.set(step.name, lib.atom(makeValue(step.init, undefined, run)))
        run.kinds.set(step.name, 'atom')
        return
      case 'map':
        run.stores.set(step.name, lib.map(JSON.parse(JSON.stringify(step.init))))
        run.kinds.set(step.name, 'map')
        return
      case 'deepMap':
        if (!features.deepMap) return // a library lacks it: skip on both sides
        run.stores.set(step.name, lib.deepMap(JSON.parse(JSON.stringify(step.init))))
        run.kinds.set(step.name, 'deepMap')
        return
      case 'computed': {
        let deps = step.deps.map(name => run.stores.get(name))
        if (deps.some(dep => !dep)) return
        let fn = (...values) => {
          record(`fn ${step.name}(${args(values)})`)
          return COMPUTE[step.fn](values)
        }
        let make = step.batched ? lib.batched : lib.computed
        run.stores.set(step.name, make(deps.length === 1 && !step.array ? deps[0] : deps, fn))
        run.kinds.set(step.name, 'computed')
        return
      }
      case 'set':
        if (!store) return
        store.set(makeValue(step.value, store.value, run))
        return
      case 'setKey': {
        if (!store || !store.setKey) return
        let key = step.key
        // Known difference: a key inherited from Object.prototype that is not
        // an own key (see known-differences.js). Skipped on both sides.
        if (
          skipInherited &&
          run.kinds.get(step.store) === 'map' &&
          typeof key === 'string' &&
          key in Object.prototype &&
          !Object.hasOwn(store.value, key)
        ) {
          record(`skipped setKey(${ser(key)}): known difference`)
          return
        }
        let current = store.value && store.value[key]
        if (run.kinds.get(step.store) === 'deepMap') current = lib.getPath(store.value, key)
        let value = makeValue(step.value, current, run)
        if (
          skipMissingDelete &&
          run.kinds.get(step.store) === 'map' &&
          value === undefined &&
          store.eqKey !== Object.is &&
          !Object.hasOwn(store.value, key)
        ) {
          record(`skipped setKey(${ser(key)}, undefined): known difference`)
          return
        }
        if (
          deepMapObjectIs &&
          run.kinds.get(step.store) === 'deepMap' &&
          (current !== value) === Object.is(current, value)
        ) {
          record(`skipped deepMap setKey(${ser(key)}) of NaN or a zero: known difference`)
          return
        }
        store.setKey(key, value)
        return
      }
      case 'notify':
        if (store) store.notify()
        return
      case 'get': {
        if (!store) return
        let value = store.get()
        let same = run.lastGet.has(step.store) ? Object.is(run.lastGet.get(step.store), value) : 'first'
        run.lastGet.set(step.store, value)
        record(`get ${step.store} = ${ser(value)} same=${same}`)
        return
      }
      case 'peek':
        if (store) record(`peek ${step.store} value=${ser(store.value)} lc=${store.lc}`)
        return
      case 'listen': {
        if (!store) return
        if (step.how.endsWith('Keys') && !store.setKey) return
        let fn = run.fns.get(step.fn)
        if (!fn) run.fns.set(step.fn, (fn = listener(step.fn, step.body, step.runs)))
        let unbind
        if (step.how === 'listen') unbind = store.listen(fn)
        else if (step.how === 'subscribe') unbind = store.subscribe(fn)
        else unbind = lib[step.how](store, step.keys, fn)
        run.handles.set(step.id, unbind)
        return
      }
      case 'unbind': {
        let unbind = run.handles.get(step.id)
        if (unbind) unbind()
        return
      }
      case 'batch':
        lib.batch(() => execAll(step.body))
        return
      case 'hook':
        if (!store) return
        run.hooks.set(step.id, lib[step.kind](store, hookHandler(step)))
        return
      case 'unhook': {
        let unbind = run.hooks.get(step.id)
        if (unbind) unbind()
        return
      }
      case 'effect': {
        let stores = step.stores.map(name => run.stores.get(name))
        if (stores.some(s => !s)) return
        run.effects.set(
          step.id,
          lib.effect(stores, (...values) => {
            record(`${step.id} effect(${args(values)})`)
            return () => record(`${step.id} cleanup`)
          })
        )
        return
      }
      case 'cancel': {
        let cancel = run.effects.get(step.id)
        if (cancel) cancel()
        return
      }
      case 'advance':
        timers.advance(step.ms)
        return
      case 'eq':
        if (reflexiveEqOnly && (step.kind === 'never' || step.kind === 'loose')) {
          record(`skipped eq ${step.kind}: known difference`)
          return
        }
        if (store) store.eq = EQ[step.kind]()
        return
      case 'eqKey':
        if (!store || !('eqKey' in store)) return
        store.eqKey =
          step.kind === 'record'
            ? (a, b, ...rest) => {
                record(`eqKey ${step.store}(${args([a, b, ...rest])})`)
                return Object.is(a, b)
              }
            : EQ[step.kind]()
        return
      case 'throw':
        throw new Error('thrown by the program')
      default:
        throw new Error(`unknown op ${step.op}`)
    }
  }
  // Steps inside a body are not caught one by one: a throw leaves the body,
  // as it would in user code, and the library decides what happens next.
  let execAll = steps => {
    for (let step of steps) exec(step)
  }

  try {
    program.steps.forEach((step, index) => {
      if (stopped) return
      record(`> ${index} ${step.op}`)
      try {
        exec(step)
      } catch (error) {
        record(`step ${index} threw${errorText(error)}`)
      }
    })
    // Let every pending timer (unmount destructors, batched recomputes) run.
    if (!stopped) {
      record('> end: advance(10000)')
      timers.advance(10000)
    }
  } finally {
    stopped = true // late calls (cleanup below) are not part of the trace
    try {
      lib.cleanStores(...run.stores.values())
    } catch (error) {
      trace.push(`cleanStores threw${errorText(error)}`)
    }
    timers.uninstall()
  }
  return trace
}
