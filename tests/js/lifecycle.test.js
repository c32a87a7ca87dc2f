// The lifecycle hooks (js/lifecycle): onStart, onStop and onMount; onSet and
// onNotify; and the store methods they wrap, which user code may wrap too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  atom,
  map,
  computed,
  keepMount,
  listenKeys,
  onMount,
  onNotify,
  onSet,
  onStart,
  onStop,
  STORE_UNMOUNT_DELAY
} from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('STORE_UNMOUNT_DELAY is 1000', () => {
  assert.equal(STORE_UNMOUNT_DELAY, 1000)
})

test('onStart runs before the first listener is added, each time lc leaves 0', () => {
  let $a = atom(0)
  let log = []
  let unbindHook = onStart($a, () => log.push(['start', $a.lc]))
  assert.equal(typeof unbindHook, 'function')
  let u1 = $a.listen(() => {})
  let u2 = $a.listen(() => {})
  assert.deepEqual(log, [['start', 0]])
  u1()
  u2()
  $a.listen(() => {})
  assert.deepEqual(log, [
    ['start', 0],
    ['start', 0]
  ])
})

test('onStop runs when the last listener leaves', () => {
  let $a = atom(0)
  let log = []
  let unbindHook = onStop($a, () => log.push('stop'))
  assert.equal(typeof unbindHook, 'function')
  let u1 = $a.listen(() => {})
  let u2 = $a.listen(() => {})
  u1()
  assert.deepEqual(log, [])
  u2()
  assert.deepEqual(log, ['stop'])
})

test('onStart/onStop unbind stops the handler', () => {
  let $a = atom(0)
  let log = []
  let offStart = onStart($a, () => log.push('start'))
  let offStop = onStop($a, () => log.push('stop'))
  offStart()
  offStop()
  $a.listen(() => {})()
  assert.deepEqual(log, [])
  $a.set(1)
  assert.equal($a.get(), 1)
})

test('get() on a store without listeners fires onStart and onStop as a listen + unlisten', t => {
  fakeTimers(t)
  let $a = atom(7)
  let log = []
  onStart($a, () => log.push('start'))
  onStop($a, () => log.push('stop'))
  assert.equal($a.get(), 7)
  assert.deepEqual(log, ['start', 'stop'])
  $a.listen(() => {})
  log.length = 0
  $a.get()
  assert.deepEqual(log, [], 'a get() on a listened store does not mount again')
})

test('onMount init runs on the first listener; destructor STORE_UNMOUNT_DELAY after the last left', t => {
  let timers = fakeTimers(t)
  let $a = atom(0)
  let log = []
  let unbindHook = onMount($a, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  assert.equal(typeof unbindHook, 'function')
  assert.deepEqual(log, [])
  let u1 = $a.listen(() => {})
  let u2 = $a.listen(() => {})
  assert.deepEqual(log, ['init'])
  u1()
  u2()
  assert.deepEqual(log, ['init'])
  timers.tick(STORE_UNMOUNT_DELAY - 1)
  assert.deepEqual(log, ['init'])
  timers.tick(1)
  assert.deepEqual(log, ['init', 'destroy'])
  timers.tick(10 * STORE_UNMOUNT_DELAY)
  assert.deepEqual(log, ['init', 'destroy'])
  // mounting again runs init again
  $a.listen(() => {})
  assert.deepEqual(log, ['init', 'destroy', 'init'])
})

test('onMount: a listener coming back within the delay cancels the unmount', t => {
  let timers = fakeTimers(t)
  let $a = atom(0)
  let log = []
  onMount($a, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  let u1 = $a.listen(() => {})
  u1()
  timers.tick(STORE_UNMOUNT_DELAY / 2)
  let u2 = $a.listen(() => {})
  timers.tick(STORE_UNMOUNT_DELAY * 3)
  assert.deepEqual(log, ['init'])
  u2()
  timers.tick(STORE_UNMOUNT_DELAY)
  assert.deepEqual(log, ['init', 'destroy'])
})

test('get() on an unlistened store runs onMount init, and the destructor STORE_UNMOUNT_DELAY later', t => {
  let timers = fakeTimers(t)
  let $a = atom('v')
  let log = []
  onMount($a, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  assert.equal($a.get(), 'v')
  assert.deepEqual(log, ['init'])
  assert.equal($a.lc, 0)
  timers.tick(STORE_UNMOUNT_DELAY - 1)
  assert.deepEqual(log, ['init'])
  timers.tick(1)
  assert.deepEqual(log, ['init', 'destroy'])
})

test('onMount init can set the value that get() then returns', t => {
  fakeTimers(t)
  let $a = atom('empty')
  onMount($a, () => {
    $a.set('loaded')
  })
  assert.equal($a.get(), 'loaded')
})

test('onMount unbind: init no longer runs on later mounts', t => {
  let timers = fakeTimers(t)
  let $a = atom(0)
  let log = []
  let off = onMount($a, () => {
    log.push('init')
  })
  $a.listen(() => {})()
  timers.tick(STORE_UNMOUNT_DELAY)
  off()
  $a.listen(() => {})
  assert.deepEqual(log, ['init'])
})

test('onMount on a computed store', t => {
  let timers = fakeTimers(t)
  let $a = atom(1)
  let $c = computed($a, a => a * 2)
  let log = []
  onMount($c, () => {
    log.push('init')
    return () => log.push('destroy')
  })
  let unbind = $c.listen(() => {})
  assert.deepEqual(log, ['init'])
  $a.set(2)
  assert.equal($c.get(), 4)
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY)
  assert.deepEqual(log, ['init', 'destroy'])
})

test('several handlers of one event run newest first and share payload.shared', t => {
  let timers = fakeTimers(t)
  let $m = map({})
  let log = []
  let sharedSeen = []
  onStart($m, ({ shared }) => {
    log.push(['start-1', shared.by])
    sharedSeen.push(shared)
  })
  onStart($m, ({ shared }) => {
    log.push(['start-2', shared.by])
    shared.by = 'start-2'
    sharedSeen.push(shared)
  })
  onStop($m, ({ shared }) => {
    log.push(['stop-1', shared.by])
  })
  onStop($m, ({ shared }) => {
    log.push(['stop-2', shared.by])
    shared.by = 'stop-2'
  })
  onMount($m, () => {
    log.push(['mount-1'])
  })
  onMount($m, () => {
    log.push(['mount-2'])
  })
  let unbind = $m.listen(() => {})
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY)
  let starts = log.filter(([name]) => name.startsWith('start'))
  let stops = log.filter(([name]) => name.startsWith('stop'))
  let mounts = log.filter(([name]) => name.startsWith('mount'))
  assert.deepEqual(starts, [
    ['start-2', undefined],
    ['start-1', 'start-2']
  ])
  assert.deepEqual(stops, [
    ['stop-2', undefined],
    ['stop-1', 'stop-2']
  ])
  assert.deepEqual(mounts, [['mount-2'], ['mount-1']])
  assert.equal(sharedSeen[0], sharedSeen[1])
  assert.equal(typeof sharedSeen[0], 'object')
})

test('payload.shared is fresh for each event', () => {
  let $a = atom(0)
  let shareds = []
  onStart($a, ({ shared }) => {
    shareds.push(shared)
    assert.equal(shared.mark, undefined)
    shared.mark = true
  })
  $a.listen(() => {})()
  $a.listen(() => {})()
  assert.equal(shareds.length, 2)
  assert.notEqual(shareds[0], shareds[1])
})

// ---- onSet and onNotify ----------------------------------------------------

test('onSet runs before the write with { newValue, abort, shared }', () => {
  let $a = atom(1)
  let log = []
  let off = onSet($a, payload => {
    log.push(['onSet', payload.newValue, $a.get(), typeof payload.abort, typeof payload.shared])
  })
  assert.equal(typeof off, 'function')
  $a.listen(v => log.push(['listener', v]))
  $a.set(2)
  assert.deepEqual(log, [
    ['onSet', 2, 1, 'function', 'object'],
    ['listener', 2]
  ])
})

test('onSet runs even for an equal write', () => {
  let $a = atom(5)
  let seen = []
  onSet($a, ({ newValue }) => seen.push(newValue))
  $a.set(5)
  assert.deepEqual(seen, [5])
})

test('onSet abort() cancels the write', () => {
  let $a = atom(1)
  let calls = 0
  $a.listen(() => calls++)
  onSet($a, ({ newValue, abort }) => {
    if (newValue < 0) abort()
  })
  $a.set(-5)
  assert.equal($a.get(), 1)
  assert.equal(calls, 0)
  $a.set(3)
  assert.equal($a.get(), 3)
  assert.equal(calls, 1)
})

test('onSet for setKey: changed is the key, newValue is the whole new object', () => {
  let $m = map({ a: 1, b: 2 })
  let seen = []
  onSet($m, ({ newValue, changed }) => seen.push([newValue, changed, $m.get()]))
  $m.setKey('b', 3)
  assert.deepEqual(seen, [[{ a: 1, b: 3 }, 'b', { a: 1, b: 2 }]])
  assert.deepEqual($m.get(), { a: 1, b: 3 })
})

test('onSet abort() cancels a setKey', () => {
  let $m = map({ a: 1 })
  let before = $m.get()
  let calls = 0
  $m.listen(() => calls++)
  onSet($m, ({ changed, abort }) => {
    if (changed === 'locked') abort()
  })
  $m.setKey('locked', true)
  assert.equal($m.get(), before)
  assert.equal(calls, 0)
  $m.setKey('open', true)
  assert.deepEqual($m.get(), { a: 1, open: true })
})

test('onSet for set() on a map has no changed key', () => {
  let $m = map({ a: 1 })
  let seen = []
  onSet($m, payload => seen.push([payload.newValue, payload.changed]))
  $m.set({ z: 1 })
  assert.deepEqual(seen, [[{ z: 1 }, undefined]])
})

test('onNotify runs before listeners with { oldValue, changed, abort, shared }, after the write', () => {
  let $m = map({ a: 1 })
  let log = []
  let off = onNotify($m, payload => {
    log.push([
      'onNotify',
      payload.oldValue,
      payload.changed,
      $m.get(),
      typeof payload.abort,
      typeof payload.shared
    ])
  })
  assert.equal(typeof off, 'function')
  $m.listen((v, o, k) => log.push(['listener', v, k]))
  $m.setKey('a', 2)
  assert.deepEqual(log, [
    ['onNotify', { a: 1 }, 'a', { a: 2 }, 'function', 'object'],
    ['listener', { a: 2 }, 'a']
  ])
})

test('onNotify on an atom set: oldValue, changed undefined', () => {
  let $a = atom('x')
  let seen = []
  onNotify($a, ({ oldValue, changed }) => seen.push([oldValue, changed]))
  $a.set('y')
  assert.deepEqual(seen, [['x', undefined]])
})

test('onNotify abort() skips the listeners but the value is already written', () => {
  let $a = atom(0)
  let calls = []
  $a.listen(v => calls.push(v))
  onNotify($a, ({ abort }) => {
    if ($a.get() === 13) abort()
  })
  $a.set(13)
  assert.equal($a.get(), 13)
  assert.deepEqual(calls, [])
  $a.set(14)
  assert.deepEqual(calls, [14])
})

test('onNotify fires for notify() too', () => {
  let $a = atom(1)
  let n = 0
  onNotify($a, () => n++)
  $a.notify()
  assert.equal(n, 1)
})

test('onNotify fires on a computed store when it changes', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $c = computed($a, a => a * 2)
  let seen = []
  onNotify($c, ({ oldValue }) => seen.push([oldValue, $c.get()]))
  $c.listen(() => {})
  $a.set(2)
  assert.deepEqual(seen.at(-1), [2, 4])
})

test('several onSet/onNotify handlers run newest first and share payload.shared', () => {
  let $a = atom(0)
  let log = []
  onSet($a, ({ shared }) => log.push(['set-1', shared.x]))
  onSet($a, ({ shared }) => {
    log.push(['set-2', shared.x])
    shared.x = 'from set-2'
  })
  onNotify($a, ({ shared }) => log.push(['notify-1', shared.y]))
  onNotify($a, ({ shared }) => {
    log.push(['notify-2', shared.y])
    shared.y = 'from notify-2'
  })
  $a.set(1)
  assert.deepEqual(log, [
    ['set-2', undefined],
    ['set-1', 'from set-2'],
    ['notify-2', undefined],
    ['notify-1', 'from notify-2']
  ])
})

test('a second handler can abort after the first did not', () => {
  let $a = atom(0)
  onSet($a, () => {})
  onSet($a, ({ abort }) => abort())
  $a.set(1)
  assert.equal($a.get(), 0)
})

test('unbinding onSet/onNotify stops the handlers; the store keeps working', () => {
  let $m = map({})
  let log = []
  let offSet = onSet($m, () => log.push('set'))
  let offNotify = onNotify($m, () => log.push('notify'))
  $m.setKey('a', 1)
  offSet()
  offNotify()
  let calls = []
  $m.listen((v, o, k) => calls.push(k))
  $m.setKey('b', 2)
  $m.set({ c: 3 })
  assert.deepEqual(log, ['set', 'notify'])
  assert.deepEqual(calls, ['b', undefined])
  assert.deepEqual($m.get(), { c: 3 })
})

// The hooks work by wrapping the store object's own methods, so tools written
// for Nano Stores (loggers, devtools) that patch methods must see every step.

test('set calls store.notify(oldValue)', () => {
  let $a = atom(1)
  let seen = []
  let original = $a.notify
  $a.notify = (...args) => {
    seen.push(args[0])
    return original.apply($a, args)
  }
  let values = []
  $a.listen(v => values.push(v))
  $a.set(2)
  assert.deepEqual(seen, [1])
  assert.deepEqual(values, [2])
})

test('setKey calls store.notify(oldObject, key)', () => {
  let $m = map({ a: 1 })
  let seen = []
  let original = $m.notify
  $m.notify = (...args) => {
    seen.push([args[0], args[1]])
    return original.apply($m, args)
  }
  let keys = []
  $m.listen((v, o, k) => keys.push(k))
  $m.setKey('a', 2)
  $m.setKey('a', undefined)
  assert.deepEqual(seen, [
    [{ a: 1 }, 'a'],
    [{ a: 2 }, 'a']
  ])
  assert.deepEqual(keys, ['a', 'a'])
})

test('a patched notify that does not call through suppresses listeners (value written)', () => {
  let $a = atom(0)
  let calls = 0
  $a.listen(() => calls++)
  $a.notify = () => {}
  $a.set(5)
  assert.equal($a.get(), 5)
  assert.equal(calls, 0)
})

test('unbinding the last listener calls store.off', t => {
  fakeTimers(t)
  let $a = atom(0)
  let offCalls = 0
  let original = $a.off
  $a.off = (...args) => {
    offCalls++
    return original.apply($a, args)
  }
  let u1 = $a.listen(() => {})
  let u2 = $a.listen(() => {})
  u1()
  u2()
  assert.equal(offCalls, 1)
  $a.get() // listen + unlisten
  assert.equal(offCalls, 2)
})

test('subscribe, get() and a computed mounting go through the store.listen of the store', t => {
  fakeTimers(t)
  let $a = atom(0)
  let listenCalls = 0
  let original = $a.listen
  $a.listen = (...args) => {
    listenCalls++
    return original.apply($a, args)
  }
  let unbind = $a.subscribe(() => {})
  assert.equal(listenCalls, 1)
  unbind()
  $a.get()
  assert.equal(listenCalls, 2)
  let $c = computed($a, a => a)
  $c.listen(() => {})
  assert.ok(listenCalls >= 3, 'a computed listens to its source through the source’s listen')
})

test('listenKeys and keepMount go through store.listen', () => {
  let $m = map({})
  let listenCalls = 0
  let original = $m.listen
  $m.listen = (...args) => {
    listenCalls++
    return original.apply($m, args)
  }
  listenKeys($m, ['a'], () => {})
  assert.equal(listenCalls, 1)
  keepMount($m)
  assert.equal(listenCalls, 2)
})

test('hooks wrap whatever set is on the store, and compose with user patches', () => {
  let $a = atom(0)
  let log = []
  let original = $a.set
  $a.set = (...args) => {
    log.push(['logger', args[0]])
    return original.apply($a, args)
  }
  let off = onSet($a, ({ newValue }) => log.push(['onSet', newValue]))
  $a.set(1)
  assert.deepEqual(log, [
    ['onSet', 1],
    ['logger', 1]
  ])
  off()
  $a.set(2)
  assert.deepEqual(log, [
    ['onSet', 1],
    ['logger', 1],
    ['logger', 2]
  ])
  assert.equal($a.get(), 2)
})
