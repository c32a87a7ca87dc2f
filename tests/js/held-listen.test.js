// A listen() made outside a batch waits in the engine until the core's next
// call, and an unbind before then cancels it (js/runtime/engine.js,
// heldListen). These check that nothing a user sees depends on that: who
// hears a write, in which order, what an unbind removes, and the lifecycle.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, batch, cleanStores, map, onMount, onStop } from '../../js/index.js'

// A store the core knows (it has a listener), so its next listen() is held.
let known = store => {
  store.listen(() => {})
  return store
}

test('a subscribe undone at once leaves the store as it was', () => {
  let $a = atom(0)
  let heard = []
  $a.listen(value => heard.push(['first', value]))
  $a.subscribe(value => heard.push(['gone', value]))()
  $a.listen(value => heard.push(['last', value]))
  $a.set(1)
  assert.deepEqual(heard, [
    ['gone', 0],
    ['first', 1],
    ['last', 1]
  ])
  assert.equal($a.lc, 2)
})

test('a held listen hears the next write, in its place among the listeners', () => {
  let $a = atom(0)
  let heard = []
  $a.listen(value => heard.push(['first', value]))
  $a.listen(value => heard.push(['second', value]))
  $a.set(1)
  assert.deepEqual(heard.splice(0), [
    ['first', 1],
    ['second', 1]
  ])
  // The last of these waits in the engine; the set sends it first.
  $a.listen(value => heard.push(['third', value]))
  $a.set(2)
  assert.deepEqual(heard, [
    ['first', 2],
    ['second', 2],
    ['third', 2]
  ])
})

test('a held listen hears a batch that starts right after it', () => {
  let $a = known(atom(0))
  let $m = known(map({}))
  let heard = []
  $a.listen(value => heard.push(value))
  batch(() => {
    $a.set(1)
    $m.setKey('k', 1)
    $a.set(2)
  })
  assert.deepEqual(heard, [2])
})

test('one function on two stores: an unbind removes the listen it made', () => {
  let $a = known(atom(0))
  let $b = known(atom(0))
  let heard = []
  let fn = value => heard.push(value)
  let offA = $a.listen(fn) // held
  let offB = $b.listen(fn) // sends the held one first; the function listens twice now
  offA()
  $a.set(1)
  $b.set(2)
  assert.deepEqual(heard, [2])
  offB()
  $b.set(3)
  assert.deepEqual(heard, [2])
})

test('an unbind after another store was written still removes the listen', () => {
  let $a = known(atom(0))
  let $b = known(atom(0))
  let heard = []
  let off = $a.listen(value => heard.push(value)) // held
  $b.set(1) // the core's next call: the listen goes in first
  off()
  $a.set(2)
  assert.deepEqual(heard, [])
  assert.equal($a.lc, 1)
})

test('cleanStores() removes a held listen', () => {
  let $a = known(atom(0))
  let heard = []
  $a.listen(value => heard.push(value)) // held
  cleanStores($a)
  $a.set(1)
  assert.deepEqual(heard, [])
  assert.equal($a.lc, 0)
})

test('get() of an unmounted store still mounts and unmounts it', async () => {
  let $a = atom(0)
  $a.listen(() => {})() // the store is known to the core
  let events = []
  onMount($a, () => {
    events.push('mount')
  })
  onStop($a, () => events.push('stop'))
  assert.equal($a.get(), 0)
  assert.deepEqual(events, ['mount', 'stop'])
  await new Promise(resolve => setTimeout(resolve, 1100)) // onMount's unmount delay
  assert.equal($a.lc, 0)
})
