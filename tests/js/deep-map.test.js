import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AtollError, atom, deepMap, getKey, getPath, map, setByKey, setPath } from 'atoll-store'
import { assertAtollError } from './helpers.js'
import * as nano from 'nanostores'
import { sameAsNano } from './same-as-nano.js'

test('deepMap() is an atom over {} with setKey, and no eqKey (as Nano Stores)', () => {
  let $d = deepMap()
  assert.deepEqual($d.get(), {})
  for (let method of ['get', 'set', 'listen', 'subscribe', 'notify', 'off', 'setKey']) {
    assert.equal(typeof $d[method], 'function', method)
  }
  assert.equal($d.eqKey, undefined)
  assert.equal($d.eq, Object.is)
  let initial = { a: 1 }
  assert.equal(deepMap(initial).init, initial)
})

test('setKey writes by path, creating objects and arrays on the way', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1 } })
    $d.listen((value, oldValue, key) => log(value, oldValue, key))
    $d.setKey('a.b', 2)
    $d.setKey('x.y[2].z', 5)
    $d.setKey('m[1][0]', 'deep')
    $d.setKey('a.c', [1])
    log($d.get())
  })
  assert.deepEqual(calls.at(-1)[0], {
    a: { b: 2, c: [1] },
    x: { y: [undefined, undefined, { z: 5 }] },
    m: [undefined, { 0: 'deep' }]
  })
  assert.deepEqual(
    calls.slice(0, -1).map(call => call[2]),
    ['a.b', 'x.y[2].z', 'm[1][0]', 'a.c']
  )
})

test('setKey copies only the objects on the path', () => {
  let list = [{ id: 1 }, { id: 2 }]
  let other = { keep: true }
  let $d = deepMap({ a: { list, sibling: { s: 1 } }, other })
  let before = $d.get()
  $d.setKey('a.list[1].id', 3)
  let after = $d.get()
  assert.notEqual(after, before)
  assert.notEqual(after.a, before.a)
  assert.notEqual(after.a.list, list)
  assert.notEqual(after.a.list[1], list[1])
  assert.equal(after.other, other)
  assert.equal(after.a.sibling, before.a.sibling)
  assert.equal(after.a.list[0], list[0])
  assert.deepEqual(before, { a: { list: [{ id: 1 }, { id: 2 }], sibling: { s: 1 } }, other })
})

test('an equal write, or deleting a missing path, does nothing', () => {
  let calls = sameAsNano((lib, log) => {
    let shared = { x: 1 }
    let $d = lib.deepMap({ a: { b: 1, o: shared } })
    let before = $d.get()
    $d.listen((value, oldValue, key) => log(key))
    $d.setKey('a.b', 1)
    $d.setKey('a.o', shared)
    $d.setKey('missing.deep[3]', undefined)
    log($d.get() === before)
  })
  assert.deepEqual(calls, [[true]])
})

test('setKey(path, undefined) deletes a key, and removes an array item', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1, c: 2 }, list: ['x', 'y', 'z'] })
    $d.listen((value, oldValue, key) => log(value, oldValue, key))
    $d.setKey('a.b', undefined)
    $d.setKey('list[1]', undefined)
    $d.setKey('list[7]', undefined)
  })
  assert.deepEqual(calls, [
    [{ a: { c: 2 }, list: ['x', 'y', 'z'] }, { a: { b: 1, c: 2 }, list: ['x', 'y', 'z'] }, 'a.b'],
    [{ a: { c: 2 }, list: ['x', 'z'] }, { a: { c: 2 }, list: ['x', 'y', 'z'] }, 'list[1]']
  ])
})

test('set(), notify() and batch() behave as for an atom', () => {
  let calls = sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1 } })
    $d.listen((value, oldValue, key) => log(value, oldValue, key))
    $d.set({ a: { b: 2 } })
    lib.batch(() => {
      $d.setKey('a.b', 5)
      $d.setKey('c', 4)
      $d.setKey('a.b', 3)
    })
    $d.notify()
  })
  assert.deepEqual(calls, [
    [{ a: { b: 2 } }, { a: { b: 1 } }, undefined],
    [{ a: { b: 3 }, c: 4 }, { a: { b: 2 } }, undefined],
    [{ a: { b: 3 }, c: 4 }, undefined, undefined]
  ])
})

test('onSet and onNotify see the path as changed', () => {
  sameAsNano((lib, log) => {
    let $d = lib.deepMap({ a: { b: 1 } })
    lib.onSet($d, ({ changed, newValue, abort }) => {
      log('set', changed, newValue)
      if (changed === 'no') abort()
    })
    lib.onNotify($d, ({ changed, oldValue }) => log('notify', changed, oldValue))
    $d.listen(() => {})
    $d.setKey('a.b', 2)
    $d.setKey('no', 1)
    log($d.get())
  })
})

test('equality is Object.is, as for atom and map (Nano Stores uses !==)', () => {
  let $d = deepMap({ n: NaN, z: 0 })
  let keys = []
  $d.listen((value, oldValue, key) => keys.push(key))
  $d.setKey('n', NaN)
  $d.setKey('z', -0)
  assert.deepEqual(keys, ['z'])
  assert.ok(Object.is($d.get().z, -0))
})

test('caller paths never reach a prototype: __proto__ and constructor are plain keys', () => {
  let $d = deepMap({ a: {} })
  let keys = []
  $d.listen((value, oldValue, key) => keys.push(key))
  $d.setKey('__proto__.polluted', 1)
  $d.setKey('constructor.prototype.polluted', 2)
  $d.setKey('a.__proto__', { polluted: 3 })
  $d.setKey('a.__proto__.x', 4)
  $d.setKey('list[0].__proto__', 5)
  let value = $d.get()
  assert.equal({}.polluted, undefined)
  assert.equal(Object.prototype.polluted, undefined)
  assert.equal(Object.getPrototypeOf(value), Object.prototype)
  assert.equal(Object.getPrototypeOf(value.a), Object.prototype)
  assert.equal(Object.getPrototypeOf(value.list), Array.prototype)
  assert.equal(Object.getPrototypeOf(value.list[0]), Object.prototype)
  assert.ok(Object.hasOwn(value, '__proto__'))
  assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__').value, { polluted: 1 })
  assert.deepEqual(value.constructor, { prototype: { polluted: 2 } })
  assert.deepEqual(getPath(value, 'a.__proto__'), { polluted: 3, x: 4 })
  assert.equal(getPath(value, 'list[0].__proto__'), 5)
  assert.deepEqual(keys, [
    '__proto__.polluted',
    'constructor.prototype.polluted',
    'a.__proto__',
    'a.__proto__.x',
    'list[0].__proto__'
  ])
  // Deleting removes the own key only.
  $d.setKey('__proto__', undefined)
  assert.ok(!Object.hasOwn($d.get(), '__proto__'))
  assert.equal(Object.getPrototypeOf($d.get()), Object.prototype)
  // The JSON of the value keeps the key as data.
  assert.equal(JSON.stringify($d.get().a), '{"__proto__":{"polluted":3,"x":4}}')
})

test('getPath reads own properties only', () => {
  assert.equal(getPath({}, 'constructor'), undefined)
  assert.equal(getPath({}, 'toString'), undefined)
  assert.equal(getPath({}, '__proto__'), undefined)
  assert.equal(getPath({ a: [1, 2] }, 'a.length'), 2)
  assert.equal(getPath({ s: 'abc' }, 's[1]'), 'b')
  assert.equal(getPath({ a: null }, 'a.b.c'), undefined)
  assert.equal(getPath(undefined, 'a'), undefined)
})

test('getPath, setPath and setByKey give what Nano Stores gives', () => {
  let objects = [{}, { a: [1, 2, { b: [0, 1, 2] }], x: [5], n: null, s: 'str' }]
  let paths = [
    'a',
    'a.b',
    'a[1]',
    'a[2].b[1]',
    'a[1][2]',
    '[0]',
    'a[x]',
    'a[]',
    'x[01]',
    'a..b',
    '',
    'n.deep',
    's.k'
  ]
  for (let object of objects) {
    for (let path of paths) {
      assert.deepEqual(getPath(object, path), nano.getPath(object, path), `getPath ${path}`)
      for (let value of [1, undefined]) {
        assert.deepEqual(setPath(object, path, value), nano.setPath(object, path, value), `setPath ${path}`)
      }
    }
  }
  assert.deepEqual(setPath(null, 'a.b', 1), { a: { b: 1 } })
  assert.deepEqual(setByKey({}, ['a', 2, 'b'], 1), nano.setByKey({}, ['a', 2, 'b'], 1))
  assert.deepEqual(setByKey({ a: [1, 2] }, ['a', 0], undefined), { a: [2] })
})

test('a malformed bracket is part of the key name (Nano Stores drops what follows it)', () => {
  assert.deepEqual(setPath({}, 'a[1]b', 1), { 'a[1]b': 1 })
  assert.deepEqual(setPath({}, 'a[1[2]]', 1), { 'a[1[2]]': 1 })
})

test('a long hostile path costs linear time', () => {
  let started = performance.now()
  getPath({}, `a${'[1'.repeat(200_000)}]]]`)
  setPath({}, 'x'.repeat(100_000) + '[1]'.repeat(1000), 1)
  assert.ok(performance.now() - started < 2000)
})

test('getKey reads a path from map, deepMap and atom stores', () => {
  assert.equal(getKey(map({ a: 1 }), 'a'), 1)
  assert.equal(getKey(deepMap({ a: { list: ['x', 'y'] } }), 'a.list[1]'), 'y')
  assert.equal(getKey(atom({ p: { q: 2 } }), 'p.q'), 2)
  assert.equal(getKey(deepMap(), 'missing.path'), undefined)
})

test("a named deepMap is one store per name; an atom's name is refused", () => {
  let $a = deepMap({ a: 1 }, { name: 'deep-map-test/shared' })
  assert.equal(deepMap({ a: 2 }, { name: 'deep-map-test/shared' }), $a)
  assert.deepEqual($a.get(), { a: 1 })
  atom(1, { name: 'deep-map-test/atom' })
  assertAtollError(AtollError, () => deepMap({}, { name: 'deep-map-test/atom' }), 'ATOLL_NAME_TAKEN', [
    "'deep-map-test/atom'",
    'deepMap'
  ])
  deepMap({}, { name: 'deep-map-test/map-name' })
  assertAtollError(AtollError, () => map({}, { name: 'deep-map-test/map-name' }), 'ATOLL_NAME_TAKEN')
})

test('deepMap prints no deprecation warning', t => {
  let printed = []
  for (let method of ['warn', 'groupCollapsed', 'trace', 'log']) {
    t.mock.method(console, method, (...args) => printed.push(args))
  }
  deepMap({ a: 1 }).setKey('a', 2)
  assert.deepEqual(printed, [])
})
