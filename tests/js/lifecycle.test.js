import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  atom,
  map,
  computed,
  onMount,
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
  assert.deepEqual(log, [['start', 0], ['start', 0]])
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
  assert.deepEqual(starts, [['start-2', undefined], ['start-1', 'start-2']])
  assert.deepEqual(stops, [['stop-2', undefined], ['stop-1', 'stop-2']])
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
