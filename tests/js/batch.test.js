import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, map, computed, batch } from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('batch is synchronous: writes are visible inside, listeners run at the end', () => {
  let $a = atom(0)
  let calls = []
  $a.listen((v, o) => calls.push([v, o]))
  let ran = false
  batch(() => {
    $a.set(1)
    assert.equal($a.get(), 1)
    assert.deepEqual(calls, [])
    ran = true
  })
  assert.equal(ran, true)
  assert.deepEqual(calls, [[1, 0]])
})

test('each listener runs once per batch with the final value and the pre-batch old value', () => {
  let $a = atom(0)
  let calls = []
  $a.listen((...args) => calls.push(args))
  batch(() => {
    $a.set(1)
    $a.set(2)
    $a.set(3)
  })
  assert.equal(calls.length, 1)
  assert.equal(calls[0][0], 3)
  assert.equal(calls[0][1], 0)
  assert.equal(calls[0][2], undefined)
})

test('map in a batch: one call, final object, pre-batch object, changedKey undefined', () => {
  let $m = map({ a: 1 })
  let before = $m.get()
  let calls = []
  $m.listen((...args) => calls.push(args))
  batch(() => {
    $m.setKey('a', 2)
    $m.setKey('b', 3)
    $m.setKey('a', undefined)
  })
  assert.equal(calls.length, 1)
  assert.deepEqual(calls[0][0], { b: 3 })
  assert.equal(calls[0][0], $m.get())
  assert.equal(calls[0][1], before)
  assert.equal(calls[0][2], undefined)
})

test('the same listener function on two stores runs once per batch', () => {
  let $a = atom(0)
  let $b = atom(0)
  let calls = 0
  let fn = () => calls++
  $a.listen(fn)
  $b.listen(fn)
  batch(() => {
    $a.set(1)
    $b.set(1)
    $a.set(2)
  })
  assert.equal(calls, 1)
})

// The runtime tags a listener function with its id; a frozen function cannot
// take the tag and is kept in a side table instead, with the same behaviour.
test('a frozen listener function on two stores runs once per batch, and unbinds', () => {
  let $a = atom(0)
  let $b = atom(0)
  let calls = 0
  let fn = Object.freeze(() => calls++)
  let offA = $a.listen(fn)
  let offB = $b.listen(fn)
  batch(() => {
    $a.set(1)
    $b.set(1)
  })
  assert.equal(calls, 1)
  offA()
  $a.set(2)
  assert.equal(calls, 1)
  $b.set(2)
  assert.equal(calls, 2)
  offB()
  $b.set(3)
  assert.equal(calls, 2)
})

test('different listeners each run once, in order', () => {
  let $a = atom(0)
  let $b = atom(0)
  let order = []
  $a.listen(v => order.push(['a', v]))
  $b.listen(v => order.push(['b', v]))
  batch(() => {
    $b.set(1)
    $a.set(1)
    $b.set(2)
  })
  assert.deepEqual(order, [
    ['b', 2],
    ['a', 1]
  ])
})

test('batch nests; only the outermost batch flushes', () => {
  let $a = atom(0)
  let calls = []
  $a.listen((v, o) => calls.push([v, o]))
  batch(() => {
    batch(() => {
      $a.set(1)
    })
    assert.deepEqual(calls, [], 'inner batch did not flush')
    batch(() => {
      batch(() => $a.set(2))
    })
    assert.deepEqual(calls, [])
    $a.set(3)
  })
  assert.deepEqual(calls, [[3, 0]])
})

test('batch flushes even when fn throws, and the error propagates', () => {
  let $a = atom(0)
  let calls = []
  $a.listen((v, o) => calls.push([v, o]))
  let error = new Error('boom')
  assert.throws(
    () =>
      batch(() => {
        $a.set(1)
        throw error
      }),
    e => e === error
  )
  assert.deepEqual(calls, [[1, 0]])
  // later operations work normally (no batch left open)
  $a.set(2)
  assert.deepEqual(calls, [
    [1, 0],
    [2, 1]
  ])
})

test('inner batch throwing, caught in the outer: outer still flushes once at its end', () => {
  let $a = atom(0)
  let calls = []
  $a.listen(v => calls.push(v))
  batch(() => {
    try {
      batch(() => {
        $a.set(1)
        throw new Error('inner')
      })
    } catch {}
    assert.deepEqual(calls, [])
    $a.set(2)
  })
  assert.deepEqual(calls, [2])
})

test('a batch with no changes calls nothing', () => {
  let $a = atom(0)
  let calls = 0
  $a.listen(() => calls++)
  batch(() => {
    $a.set(0)
  })
  assert.equal(calls, 0)
})

test('computed over two sources changed in one batch: one recompute, one notification', t => {
  fakeTimers(t)
  let $a = atom(1)
  let $b = atom(1)
  let fnCalls = 0
  let $sum = computed([$a, $b], (a, b) => {
    fnCalls++
    return a + b
  })
  let seen = []
  $sum.listen((v, o) => seen.push([v, o]))
  fnCalls = 0
  batch(() => {
    $a.set(10)
    $b.set(20)
  })
  assert.equal(fnCalls, 1)
  assert.deepEqual(seen, [[30, 2]])
})

test('a listener unbound inside the batch is not called', () => {
  let $a = atom(0)
  let calls = 0
  let unbind = $a.listen(() => calls++)
  batch(() => {
    $a.set(1)
    unbind()
  })
  assert.equal(calls, 0)
})

test('sets from listeners during the flush are delivered too', () => {
  let $a = atom(0)
  let $b = atom(0)
  let log = []
  $a.listen(v => {
    log.push(['a', v])
    $b.set(v * 10)
  })
  $b.listen(v => log.push(['b', v]))
  batch(() => {
    $a.set(1)
    $a.set(2)
  })
  assert.deepEqual(log, [
    ['a', 2],
    ['b', 20]
  ])
})
