// Each program here behaved differently on Atoll and on Nano Stores 1.5 (the
// reference, a devDependency). Every test runs the same program on both
// libraries and requires the same log, so a regression shows as a diff.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as atoll from 'atoll-store'
import * as nano from 'nanostores'

let both = (t, program) => {
  for (let [name, lib] of [
    ['nanostores', nano],
    ['atoll-store', atoll]
  ]) {
    t.mock.timers.enable({ apis: ['setTimeout'] })
    let log = []
    try {
      program(lib, log, t.mock.timers)
    } finally {
      t.mock.timers.reset()
    }
    both.logs[name] = log
  }
  assert.deepEqual(both.logs['atoll-store'], both.logs.nanostores)
  return both.logs.nanostores
}
both.logs = {}

test('computeds of equal depth recompute in the order their edges were subscribed', t => {
  let log = both(t, ({ atom, computed }, log) => {
    let first = atom('a')
    let last = atom('b')
    let full = computed([first, last], (f, l) => (log.push('full'), f + l))
    let short = computed(first, f => (log.push('short'), f[0]))
    let display = computed([first, short, full], (f, s, u) => (log.push('display'), f + s + u))
    display.listen(() => {})
    log.length = 0
    first.set('x')
  })
  assert.deepEqual(log, ['short', 'full', 'display'])
})

test('a listener added inside a batch does not hear that batch', t => {
  let log = both(t, ({ atom, batch }, log) => {
    let a = atom(1)
    batch(() => {
      a.set(2)
      a.listen((v, o) => log.push(['L', v, o]))
    })
    a.set(3)
  })
  assert.deepEqual(log, [['L', 3, 2]])
})

test('subscribe to a computed inside a batch calls the listener once', t => {
  let log = both(t, ({ atom, computed, batch }, log) => {
    let a = atom(1)
    let c = computed(a, x => x * 10)
    batch(() => {
      a.set(2)
      c.subscribe(v => log.push(['S', v]))
    })
  })
  assert.deepEqual(log, [['S', 20]])
})

test('an effect created in a batch runs once', t => {
  let log = both(t, ({ atom, effect, batch }, log) => {
    let a = atom(1)
    batch(() => {
      a.set(2)
      effect(a, v => log.push(['E', v]))
    })
  })
  assert.deepEqual(log, [['E', 2]])
})

test('batched(): a get() right after a change settles it', t => {
  let log = both(t, ({ atom, batched }, log, timers) => {
    let a = atom(1)
    let b = batched(a, x => x * 10)
    b.listen(v => log.push(['L', v]))
    a.set(2)
    log.push(['get', b.get()])
    timers.tick(1)
  })
  assert.deepEqual(log, [
    ['L', 20],
    ['get', 20]
  ])
})

test('writes listeners make while a batch flushes belong to the batch', t => {
  both(t, ({ atom, map, batch }, log) => {
    let a = atom(0)
    let m = map({})
    a.listen(v => m.setKey('from-a', v))
    m.listen((v, o, key) => log.push(['M', { ...v }, key]))
    batch(() => {
      a.set(1)
      m.setKey('x', 1)
    })
  })
})

test('onNotify inside a batch sees, for each write, the value just before it', t => {
  let log = both(t, ({ map, batch, onNotify }, log) => {
    let m = map({})
    onNotify(m, ({ oldValue, changed }) => log.push([{ ...oldValue }, changed]))
    m.listen(() => {})
    batch(() => {
      m.setKey('a', 1)
      m.setKey('b', 2)
    })
  })
  assert.deepEqual(log, [
    [{}, 'a'],
    [{ a: 1 }, 'b']
  ])
})

test('a listener added to a computed while a source notifies hears it', t => {
  let log = both(t, ({ atom, computed }, log) => {
    let a = atom(1)
    let c = computed(a, x => x * 10)
    a.listen(() => c.listen(v => log.push(['N', v])))
    c.listen(v => log.push(['f', v]))
    a.set(2)
  })
  assert.deepEqual(log, [
    ['f', 20],
    ['N', 20]
  ])
})

test('a computed updates after the source listeners queued before its edge', t => {
  both(t, ({ atom, computed, onNotify }, log) => {
    let a = atom(1)
    a.listen(v => log.push(['A', v]))
    let c = computed(a, x => (log.push(['fn', x]), x * 10))
    onNotify(c, ({ oldValue }) => log.push(['c notify', oldValue]))
    c.listen((v, o) => log.push(['C', v, o]))
    a.set(2)
  })
})

test('numeric map keys stay numbers in changedKey and listenKeys', t => {
  let log = both(t, ({ map, listenKeys }, log) => {
    let m = map({})
    m.listen((v, o, key) => log.push(['L', key, typeof key]))
    listenKeys(m, [1], v => log.push(['K', { ...v }]))
    m.setKey(1, 'x')
    m.setKey('1', 'y')
  })
  assert.deepEqual(log[0], ['L', 1, 'number'])
})

test('eqKey gets (oldValue, newValue, key), also when assigned later and for a missing key', t => {
  let log = both(t, ({ map }, log) => {
    let m = map({ a: 1 })
    m.eqKey = (x, y, key) => (log.push(['eqKey', x, y, key]), x === y)
    m.listen((v, o, key) => log.push(['L', key]))
    m.setKey('a', 1)
    m.setKey('b', 2)
    m.setKey('a', undefined) // a delete never asks eqKey
    m.set({ c: 3 }) // set() uses eq, never eqKey
  })
  assert.deepEqual(log.slice(0, 2), [
    ['eqKey', 1, 1, 'a'],
    ['eqKey', undefined, 2, 'b']
  ])
})

test('the same function listening twice: one unbind removes the first, batches call it once', t => {
  both(t, ({ atom, batch }, log) => {
    let a = atom(0)
    let f = v => log.push(['f', v])
    let g = v => log.push(['g', v])
    a.listen(f)
    a.listen(g)
    let second = a.listen(f)
    a.set(1)
    batch(() => a.set(2))
    second()
    a.set(3)
  })
})

test('a batch opened by a listener flushes the rest of the queue', t => {
  both(t, ({ atom, batch }, log) => {
    let a = atom(0)
    let b = atom(0)
    let both = (v, o) => log.push(['both', v, o])
    a.listen(v => {
      log.push(['A1', v])
      batch(() => b.set(v))
    })
    a.listen(both)
    b.listen(both)
    a.set(1)
  })
})
