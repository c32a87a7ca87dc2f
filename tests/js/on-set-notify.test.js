import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, map, computed, onSet, onNotify, listenKeys, keepMount } from 'atoll-store'
import { fakeTimers } from './helpers.js'

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
    log.push(['onNotify', payload.oldValue, payload.changed, $m.get(), typeof payload.abort, typeof payload.shared])
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
  assert.deepEqual(seen, [[{ a: 1 }, 'a'], [{ a: 2 }, 'a']])
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
  assert.deepEqual(log, [['onSet', 1], ['logger', 1]])
  off()
  $a.set(2)
  assert.deepEqual(log, [['onSet', 1], ['logger', 1], ['logger', 2]])
  assert.equal($a.get(), 2)
})
