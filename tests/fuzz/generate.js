// Random store programs from a seed. A program is plain data:
//   { seed, steps: [step, ...] }
// and a step is { op, ...args }, with nested `body` arrays for batch(),
// listeners and hooks. Stores, listener functions, unbind handles, hooks and
// effects are referred to by name (s0, F0, L0, H0, E0); the interpreter skips
// a step whose name does not exist (yet), so any sub-list of steps is still a
// valid program. That is what lets shrink.js delete steps freely.
import { createRandom } from './prng.js'

export const MAP_KEYS = ['a', 'b', 1, '1', '__proto__', 'constructor']
export const DEEP_PATHS = ['a', 'b', 'a.b', 'a.c', 'list[0]', 'list[1].c']
export const EQ_KINDS = ['is', 'never', 'loose', 'json']
export const EQKEY_KINDS = ['is', 'never', 'loose', 'record']
export const COMPUTE_KINDS = ['pack', 'first', 'size', 'sum']
export const HOOKS = ['onMount', 'onStart', 'onStop', 'onSet', 'onNotify']

const MAX_DEPTH = 2

export function generate(seed, { maxSteps = 24 } = {}) {
  let r = createRandom(seed)
  let model = { stores: [], fns: [], handles: [], hooks: [], effects: [], counter: {} }
  let fresh = prefix => `${prefix}${(model.counter[prefix] = (model.counter[prefix] ?? -1) + 1)}`

  let storesOf = (...kinds) => model.stores.filter(s => kinds.includes(s.kind))
  let writable = () => storesOf('atom', 'map', 'deepMap')
  let keyed = () => storesOf('map', 'deepMap')
  let anyStore = () => r.pick(model.stores).name
  let keyFor = store => (store.kind === 'deepMap' ? r.pick(DEEP_PATHS) : r.pick(MAP_KEYS))

  let scalar = () =>
    r.weighted([
      [6, { t: 'lit', v: r.int(3) }],
      [1, { t: 'lit', v: 'x' }],
      [1, { t: 'lit', v: null }],
      [1, { t: 'lit', v: true }],
      [2, { t: 'nan' }],
      [2, { t: 'negzero' }],
      [1, { t: 'undef' }]
    ])
  let objectSpec = () =>
    r.weighted([
      [3, { t: 'obj', v: {} }],
      [4, { t: 'obj', v: { a: r.int(3) } }],
      [2, { t: 'obj', v: { a: r.int(2), b: { c: 1 } } }],
      [1, { t: 'obj', v: { list: [1, { c: 2 }] } }],
      [3, { t: 'same' }],
      [3, { t: 'copy' }],
      [2, { t: 'shared', i: r.int(2) }]
    ])
  let atomValue = () =>
    r.weighted([
      [6, scalar()],
      [1, { t: 'obj', v: { a: 1 } }],
      [1, { t: 'obj', v: [1, 2] }],
      [2, { t: 'same' }],
      [1, { t: 'copy' }],
      [1, { t: 'shared', i: r.int(2) }]
    ])
  let keyValue = () =>
    r.weighted([
      [6, { t: 'lit', v: r.int(3) }],
      [4, { t: 'undef' }],
      [1, { t: 'nan' }],
      [1, { t: 'negzero' }],
      [1, { t: 'obj', v: { c: 1 } }],
      [1, { t: 'shared', i: r.int(2) }],
      [2, { t: 'same' }]
    ])

  let create = () => {
    let kind = model.stores.length
      ? r.weighted([
          [4, 'atom'],
          [3, 'map'],
          [1, 'deepMap'],
          [6, 'computed']
        ])
      : r.pick(['atom', 'atom', 'map', 'deepMap'])
    let name = fresh('s')
    let step
    if (kind === 'computed') {
      // 1-3 distinct inputs, preferring recent stores so chains and diamonds
      // (two computeds over one atom, then one over both) come up often.
      let count = Math.min(model.stores.length, 1 + r.int(3))
      let deps = []
      while (deps.length < count) {
        let from = r.chance(0.6) ? model.stores.slice(-3) : model.stores
        let dep = r.pick(from).name
        if (!deps.includes(dep)) deps.push(dep)
      }
      step = { op: 'computed', name, deps, fn: r.pick(COMPUTE_KINDS), batched: r.chance(0.2) }
      if (deps.length === 1 && r.chance(0.3)) step.array = true // computed([$a], fn), not computed($a, fn)
    } else if (kind === 'atom') {
      step = { op: 'atom', name, init: r.chance(0.8) ? scalar() : { t: 'obj', v: { a: 1 } } }
    } else if (kind === 'map') {
      step = { op: 'map', name, init: r.pick([{}, { a: 1 }, { a: 1, b: 2 }]) }
    } else {
      step = { op: 'deepMap', name, init: r.pick([{}, { a: { b: 1 } }, { list: [1, { c: 2 }] }]) }
    }
    model.stores.push({ name, kind })
    return step
  }

  let listen = depth => {
    let store = r.pick(model.stores)
    let how =
      keyed().includes(store) && r.chance(0.4)
        ? r.pick(['listenKeys', 'subscribeKeys'])
        : r.pick(['listen', 'listen', 'subscribe'])
    let id = fresh('L')
    let step = { op: 'listen', how, store: store.name, id }
    if (how.endsWith('Keys')) {
      step.keys = [keyFor(store)]
      if (r.chance(0.3)) step.keys.push(keyFor(store))
    }
    if (model.fns.length && r.chance(0.15)) {
      step.fn = r.pick(model.fns) // the same function added again
    } else {
      step.fn = fresh('F')
      step.runs = 1 + r.int(2) // body runs on the first `runs` calls only: programs terminate
      step.body = depth < MAX_DEPTH && r.chance(0.45) ? body(depth + 1, 1 + r.int(2)) : []
      model.fns.push(step.fn)
    }
    model.handles.push(id)
    return step
  }

  let hook = depth => {
    let kind = r.pick(HOOKS)
    let step = { op: 'hook', kind, store: anyStore(), id: fresh('H'), runs: 1 }
    if ((kind === 'onSet' || kind === 'onNotify') && r.chance(0.3)) step.abort = true
    if (kind === 'onMount') step.destructor = r.chance(0.7)
    step.body = depth < MAX_DEPTH && r.chance(0.3) ? body(depth + 1, 1) : []
    model.hooks.push(step.id)
    return step
  }

  let write = () => {
    if (keyed().length && r.chance(0.45)) {
      let store = r.pick(keyed())
      return { op: 'setKey', store: store.name, key: keyFor(store), value: keyValue() }
    }
    let store = r.pick(writable())
    return { op: 'set', store: store.name, value: store.kind === 'atom' ? atomValue() : objectSpec() }
  }

  // One step. `depth` > 0 means inside a listener, hook or batch body.
  let step = depth => {
    let canWrite = writable().length > 0
    let choice = r.weighted([
      [depth ? 0 : model.stores.length < 2 ? 20 : model.stores.length < 6 ? 6 : 1, 'create'],
      [canWrite ? 22 : 0, 'write'],
      [3, 'notify'],
      [8, 'get'],
      [depth ? 0 : 2, 'peek'],
      [depth ? 5 : 12, 'listen'],
      [model.handles.length ? 7 : 0, 'unbind'],
      [depth < MAX_DEPTH ? 6 : 0, 'batch'],
      [depth ? 1 : 6, 'hook'],
      [model.hooks.length ? 2 : 0, 'unhook'],
      [depth ? 1 : 3, 'effect'],
      [model.effects.length ? 2 : 0, 'cancel'],
      [depth ? 0 : 5, 'advance'],
      [2, 'eq'],
      [keyed().length ? 2 : 0, 'eqKey'],
      [depth ? 3 : 0, 'throw']
    ])
    if (!model.stores.length && choice !== 'create') choice = 'create'
    switch (choice) {
      case 'create':
        return create()
      case 'write':
        return write()
      case 'notify':
        return { op: 'notify', store: anyStore() }
      case 'get':
        return { op: 'get', store: anyStore() }
      case 'peek':
        return { op: 'peek', store: anyStore() }
      case 'listen':
        return listen(depth)
      case 'unbind':
        return { op: 'unbind', id: r.pick(model.handles) }
      case 'batch':
        return { op: 'batch', body: body(depth + 1, 1 + r.int(4)) }
      case 'hook':
        return hook(depth)
      case 'unhook':
        return { op: 'unhook', id: r.pick(model.hooks) }
      case 'effect': {
        let stores = [anyStore()]
        if (model.stores.length > 1 && r.chance(0.4)) stores.push(anyStore())
        let id = fresh('E')
        model.effects.push(id)
        return { op: 'effect', stores: [...new Set(stores)], id }
      }
      case 'cancel':
        return { op: 'cancel', id: r.pick(model.effects) }
      case 'advance':
        return { op: 'advance', ms: r.pick([0, 1, 999, 1000, 1001, 2000]) }
      case 'eq':
        return { op: 'eq', store: anyStore(), kind: r.pick(EQ_KINDS) }
      case 'eqKey':
        return {
          op: 'eqKey',
          store: (r.pick(storesOf('map')) || r.pick(model.stores)).name,
          kind: r.pick(EQKEY_KINDS)
        }
      case 'throw':
        return { op: 'throw' }
    }
    throw new Error(`unknown choice ${choice}`)
  }

  let body = (depth, count) => Array.from({ length: count }, () => step(depth))

  let steps = []
  let length = 6 + r.int(maxSteps - 5)
  while (steps.length < length) steps.push(step(0))
  return { seed, steps }
}
