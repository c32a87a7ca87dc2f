import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as atoll from 'atoll-store'
import { atom, map, readonlyType, STORE_UNMOUNT_DELAY } from 'atoll-store'

const FUNCTIONS = [
  'atom',
  'map',
  'computed',
  'batched',
  'batch',
  'effect',
  'listenKeys',
  'subscribeKeys',
  'onMount',
  'onStart',
  'onStop',
  'onSet',
  'onNotify',
  'keepMount',
  'cleanStores',
  'task',
  'startTask',
  'allTasks',
  'cleanTasks',
  'mapCreator',
  'readonlyType',
  'deepMap',
  'getPath',
  'setPath',
  'setByKey',
  'getKey'
]

test('the whole Nano Stores 1.x export list is there', () => {
  for (let name of FUNCTIONS) {
    assert.equal(typeof atoll[name], 'function', name)
  }
  assert.equal(typeof atoll.clean, 'symbol')
  assert.equal(atoll.STORE_UNMOUNT_DELAY, 1000)
  assert.equal(STORE_UNMOUNT_DELAY, 1000)
})

test('readonlyType returns the store itself', () => {
  let $a = atom(1)
  assert.equal(readonlyType($a), $a)
  let $m = map({})
  assert.equal(readonlyType($m), $m)
})

test('package self-reference resolves to the package entry', async () => {
  let pkg = (await import('atoll-store/package.json', { with: { type: 'json' } })).default
  assert.equal(pkg.name, 'atoll-store')
})
