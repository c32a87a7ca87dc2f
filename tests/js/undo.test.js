// Atoll-only: undo/redo history (atoll-store/undo).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AtollError, atom, map, batch, computed } from 'atoll-store'
import { createHistory } from 'atoll-store/undo'
import { assertAtollError } from './helpers.js'

test('undo and redo of an atom, one change at a time', () => {
  let $count = atom(0)
  let history = createHistory([$count])
  $count.set(1)
  $count.set(2)
  $count.set(2) // equal: no change, no step
  assert.equal(history.undo(), true)
  assert.equal($count.get(), 1)
  assert.equal(history.undo(), true)
  assert.equal($count.get(), 0)
  assert.equal(history.undo(), false, 'nothing left to undo')
  assert.equal($count.get(), 0)
  assert.equal(history.redo(), true)
  assert.equal($count.get(), 1)
  assert.equal(history.redo(), true)
  assert.equal($count.get(), 2)
  assert.equal(history.redo(), false)
  history.stop()
})

test('undo/redo of map keys: change, delete, re-add, with order and identity kept', () => {
  let apple = { count: 1 }
  let pear = { count: 2 }
  let $items = map({ apple, pear })
  let history = createHistory([$items])
  let states = [$items.get()]
  $items.setKey('apple', { count: 5 })
  states.push($items.get())
  $items.setKey('apple', undefined) // delete
  states.push($items.get())
  $items.setKey('apple', { count: 7 }) // re-add
  states.push($items.get())
  $items.setKey('kiwi', { count: 1 }) // add
  states.push($items.get())
  assert.deepEqual(Object.keys($items.get()), ['pear', 'apple', 'kiwi'])

  for (let i = states.length - 2; i >= 0; i--) {
    history.undo()
    assert.equal($items.get(), states[i], `undo back to state ${i}`)
  }
  assert.deepEqual(Object.keys($items.get()), ['apple', 'pear'])
  assert.equal($items.get().apple, apple)
  for (let i = 1; i < states.length; i++) {
    history.redo()
    assert.equal($items.get(), states[i], `redo to state ${i}`)
  }
  // The map keeps working key by key after being put back.
  history.undo()
  $items.setKey('pear', undefined)
  assert.deepEqual($items.get(), { apple: { count: 7 } })
  history.stop()
})

test('listeners hear undo as a normal change', () => {
  let $items = map({ a: 1 })
  let history = createHistory([$items])
  $items.setKey('a', 2)
  let calls = []
  $items.listen((value, oldValue) => calls.push([value, oldValue]))
  history.undo()
  assert.deepEqual(calls, [[{ a: 1 }, { a: 2 }]])
  history.stop()
})

test('a batch is one step, across stores, undone and redone at once', () => {
  let $open = atom(false)
  let $items = map({})
  let history = createHistory([$open, $items])
  batch(() => {
    $items.setKey('apple', 1)
    $items.setKey('pear', 2)
    $items.setKey('apple', 3)
    $open.set(true)
    $open.set('almost')
    $open.set(true)
  })
  $items.setKey('kiwi', 4) // a step of its own

  let calls = 0
  let listener = () => calls++
  $open.listen(listener)
  $items.listen(listener)

  history.undo()
  assert.deepEqual($items.get(), { apple: 3, pear: 2 })
  assert.equal($open.get(), true)
  history.undo()
  assert.deepEqual($items.get(), {})
  assert.equal($open.get(), false)
  assert.equal(calls, 2, 'each undo runs a listener on both stores once')
  history.redo()
  assert.deepEqual($items.get(), { apple: 3, pear: 2 })
  assert.equal($open.get(), true)
  assert.equal(calls, 3)
  history.stop()
})

test('set() and setKey() mixed in one batch undo to the state before it', () => {
  let $items = map({ a: 1, b: 2 })
  let history = createHistory([$items])
  batch(() => {
    $items.setKey('a', 10)
    $items.set({ c: 3 })
    $items.setKey('c', 4)
    $items.setKey('d', 5)
  })
  assert.deepEqual($items.get(), { c: 4, d: 5 })
  history.undo()
  assert.deepEqual($items.get(), { a: 1, b: 2 })
  history.redo()
  assert.deepEqual($items.get(), { c: 4, d: 5 })
  history.stop()
})

test('consecutive batches and unbatched changes are separate steps', () => {
  let $a = atom(0)
  let history = createHistory([$a])
  batch(() => $a.set(1))
  batch(() => $a.set(2))
  $a.set(3)
  $a.set(4)
  let seen = []
  while (history.undo()) seen.push($a.get())
  assert.deepEqual(seen, [3, 2, 1, 0])
  history.stop()
})

test('a new change clears the redo stack', () => {
  let $a = atom('a')
  let history = createHistory([$a])
  $a.set('b')
  $a.set('c')
  history.undo()
  assert.equal(history.canRedo.get(), true)
  $a.set('x')
  assert.equal(history.canRedo.get(), false)
  assert.equal(history.redo(), false)
  assert.equal($a.get(), 'x')
  history.undo()
  assert.equal($a.get(), 'b')
  history.stop()
})

test('limit keeps the last N steps', () => {
  let $a = atom(0)
  let history = createHistory([$a], { limit: 3 })
  for (let i = 1; i <= 10; i++) $a.set(i)
  let undone = 0
  while (history.undo()) undone++
  assert.equal(undone, 3)
  assert.equal($a.get(), 7)
  history.stop()
})

test('canUndo and canRedo are atoms that follow the stacks', () => {
  let $a = atom(0)
  let history = createHistory([$a])
  let log = []
  history.canUndo.subscribe(value => log.push(`undo:${value}`))
  history.canRedo.subscribe(value => log.push(`redo:${value}`))
  assert.deepEqual(log, ['undo:false', 'redo:false'])
  $a.set(1)
  assert.deepEqual(log.splice(0), ['undo:false', 'redo:false', 'undo:true'])
  $a.set(2)
  assert.deepEqual(log.splice(0), [], 'no change, no notification')
  history.undo()
  assert.deepEqual(log.splice(0), ['redo:true'])
  history.undo()
  assert.deepEqual(log.splice(0), ['undo:false'])
  history.redo()
  assert.deepEqual(log.splice(0), ['undo:true'])
  $a.set(5)
  assert.deepEqual(log.splice(0), ['redo:false'])
  history.clear()
  assert.deepEqual(log.splice(0), ['undo:false'])
  assert.equal(history.undo(), false)
  assert.equal($a.get(), 5)
  history.stop()
})

test('a listener reading canUndo during an undo sees the stacks already moved', () => {
  let $a = atom(0)
  let history = createHistory([$a])
  $a.set(1)
  let seen
  $a.listen(() => (seen = [history.canUndo.get(), history.canRedo.get()]))
  history.undo()
  assert.deepEqual(seen, [false, true])
  history.stop()
})

test('stop() stops recording and removes the hooks', () => {
  let $a = atom(0)
  let history = createHistory([$a])
  $a.set(1)
  history.stop()
  assert.equal(history.canUndo.get(), false)
  $a.set(2)
  assert.equal(history.undo(), false)
  assert.equal($a.get(), 2)
  assert.equal($a.events && $a.events.notify, undefined, 'the onNotify hook is gone')
})

test('two histories over one store are independent', () => {
  let $a = atom(0)
  let first = createHistory([$a])
  let second = createHistory([$a])
  $a.set(1)
  first.undo()
  assert.equal($a.get(), 0)
  // first's undo is a change that the second history records.
  second.undo()
  assert.equal($a.get(), 1)
  first.stop()
  second.stop()
})

test('stores by name; bad arguments throw AtollError and change nothing', () => {
  let $named = atom(1, { name: 'undo/named' })
  let history = createHistory(['undo/named'])
  $named.set(2)
  history.undo()
  assert.equal($named.get(), 1)
  history.stop()

  assertAtollError(AtollError, () => createHistory($named), 'ATOLL_NOT_A_STORE', ['array'])
  assertAtollError(AtollError, () => createHistory(['undo/none']), 'ATOLL_UNKNOWN_STORE', ["'undo/none'"])
  let $double = computed($named, v => v * 2)
  assertAtollError(AtollError, () => createHistory([$named, $double]), 'ATOLL_NOT_WRITABLE', ['computed'])
  for (let limit of [0, -1, 1.5, '5', NaN]) {
    assertAtollError(AtollError, () => createHistory([$named], { limit }), 'ATOLL_BAD_OPTION', ['limit'])
  }
  assert.equal($named.events && $named.events.notify, undefined, 'a refused history hooks nothing')
  $named.set(3)
  assert.equal($named.get(), 3)
})

// Untrusted data: what undo/redo put back is exactly what was there, keys
// named like Object.prototype members and lone surrogates included.
const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'

test('undo/redo give back keys named __proto__, constructor, toString as own keys, exactly', () => {
  let $items = map({ a: 1 }, { name: 'undo/proto' })
  let history = createHistory([$items])
  let loaded = JSON.parse(PROTO_TEXT)
  $items.set(loaded)
  $items.setKey('constructor', 3)
  let changed = $items.get()
  history.undo()
  assert.equal($items.get(), loaded, 'the exact object back')
  history.undo()
  assert.deepEqual($items.get(), { a: 1 })
  history.redo()
  history.redo()
  assert.equal($items.get(), changed)
  assert.deepEqual(Object.keys(changed), ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
  assert.equal(Object.getPrototypeOf(changed), Object.prototype)
  assert.equal({}.polluted, undefined)
})

test('undo/redo keep lone surrogates in values and keys exactly (memory holds any string)', () => {
  let $name = atom('ok', { name: 'undo/lone' })
  let $items = map({}, { name: 'undo/lone-map' })
  let history = createHistory([$name, $items])
  $name.set('x\ud800')
  $items.setKey('a\ud800bc', 'y\udc00')
  $name.set('z')
  history.undo()
  assert.equal($name.get(), 'x\ud800')
  history.undo()
  assert.deepEqual($items.get(), {})
  history.redo()
  assert.deepEqual(Object.keys($items.get()), ['a\ud800bc'])
  assert.equal($items.get()['a\ud800bc'], 'y\udc00')
})
