// The workloads. Each is a function of a library namespace (nanostores or
// atoll-store, same code for both) that builds its stores and returns
// `run(n) => number`: n operations, returning a checksum of what they observed.
// Written values are always new (a counter that never repeats), so `eq` never
// short-circuits a write.

let counter = 0 // shared by all workloads: a value is never written twice

function atomSet({ atom }) {
  let a = atom(0)
  let seen = 0
  a.listen(v => {
    seen += v
  })
  return n => {
    for (let i = 0; i < n; i++) a.set(++counter)
    return seen
  }
}

// 16 mounted atoms read in turn, so a read cannot be hoisted out of the loop.
function mountedGet({ atom }) {
  let atoms = Array.from({ length: 16 }, (_, i) => atom(i))
  for (let a of atoms) a.listen(() => {})
  return n => {
    let sum = 0
    for (let i = 0; i < n; i++) sum += atoms[i & 15].get()
    return sum
  }
}

function cartSetKey({ map }) {
  let ids = Array.from({ length: 20 }, (_, i) => 'item-' + i)
  let cart = map(Object.fromEntries(ids.map((id, i) => [id, { id, name: 'Product ' + i, quantity: 1 }])))
  let seen = 0
  cart.listen((value, old, key) => {
    seen += value[key].quantity
  })
  return n => {
    for (let i = 0; i < n; i++) {
      let id = ids[i % 20]
      cart.setKey(id, { id, name: id, quantity: ++counter })
    }
    return seen
  }
}

// One op = one batch of 200 setKey on a 2000-key map, then one get().
function bigMapBatch({ map, batch }) {
  let keys = Array.from({ length: 2000 }, (_, i) => 'k' + i)
  let m = map(Object.fromEntries(keys.map((k, i) => [k, i])))
  let calls = 0
  m.listen(() => {
    calls++
  })
  let offset = 0
  return n => {
    let sum = 0
    for (let i = 0; i < n; i++) {
      offset = (offset + 7) % 2000
      batch(() => {
        for (let j = 0; j < 200; j++) m.setKey(keys[(offset + j * 10) % 2000], ++counter)
      })
      sum += m.get()[keys[offset]]
    }
    return sum + calls
  }
}

// A → B, C → D → E, F → G; a listener on G.
function diamond({ atom, computed }) {
  let a = atom(0)
  let b = computed(a, x => x + 1)
  let c = computed(a, x => x * 2)
  let d = computed([b, c], (x, y) => x + y)
  let e = computed(d, x => x - 1)
  let f = computed(d, x => x * 3)
  let g = computed([e, f], (x, y) => x + y)
  let seen = 0
  g.listen(v => {
    seen += v
  })
  return n => {
    for (let i = 0; i < n; i++) a.set(++counter)
    return seen
  }
}

// 4 sources, then 100 layers of 4 computed stores; store j of a layer depends on
// stores j and j+1 of the layer before. Listeners on the last layer. One op = one
// batch that sets all 4 sources.
function layers({ atom, computed, batch }) {
  let sources = [0, 1, 2, 3].map(i => atom(i))
  let layer = sources
  for (let l = 0; l < 100; l++) {
    let prev = layer
    layer = prev.map((_, j) => computed([prev[j], prev[(j + 1) % 4]], (x, y) => (x * 31 + y) | 0))
  }
  let seen = 0
  for (let s of layer) {
    s.listen(v => {
      seen = (seen + v) | 0
    })
  }
  return n => {
    for (let i = 0; i < n; i++) {
      batch(() => {
        for (let s of sources) s.set(++counter)
      })
    }
    return seen
  }
}

function subscribeChurn({ atom }) {
  let a = atom(1)
  a.listen(() => {}) // keeps it mounted
  let seen = 0
  let fn = v => {
    seen += v
  }
  return n => {
    for (let i = 0; i < n; i++) a.subscribe(fn)()
    return seen
  }
}

// A new function every time, as React's useSyncExternalStore subscribes on
// every mount: per-function bookkeeping shows up here, not above.
function subscribeFreshClosure({ atom }) {
  let a = atom(1)
  a.listen(() => {}) // keeps it mounted
  let seen = 0
  return n => {
    for (let i = 0; i < n; i++) {
      a.subscribe(v => {
        seen += v + i
      })()
    }
    return seen
  }
}

export const workloads = [
  { name: 'atom set + notify, 1 listener', target: 2.0, setup: atomSet },
  { name: 'get on a mounted atom', target: 1.5, setup: mountedGet },
  { name: 'cart map (20 items) setKey + listener', target: 2.0, setup: cartSetKey },
  { name: 'batch 200 setKey, 2000-key map, get', target: 0.1, setup: bigMapBatch },
  { name: 'computed diamond (7 stores), set source', target: 1.5, setup: diamond },
  { name: '100 layers x 4 computed, batch 4 sources', target: 0.5, setup: layers },
  { name: 'subscribe + unsubscribe, mounted atom', target: 2.0, setup: subscribeChurn },
  { name: 'subscribe + unsubscribe, fresh closure', target: 1.5, setup: subscribeFreshClosure }
]
