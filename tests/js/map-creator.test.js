import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mapCreator, cleanStores, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { fakeTimers } from './helpers.js'

test('mapCreator returns one map per id, holding { id }', t => {
  fakeTimers(t)
  let User = mapCreator()
  let a = User('a')
  assert.equal(User('a'), a)
  assert.notEqual(User('b'), a)
  assert.deepEqual(a.get(), { id: 'a' })
  assert.equal(typeof a.setKey, 'function')
})

test('init(store, id, ...args) runs on mount; its destructor on unmount', t => {
  let timers = fakeTimers(t)
  let log = []
  let Post = mapCreator((store, id, extra) => {
    log.push(['init', id, extra])
    store.setKey('title', `post ${id}`)
    return () => log.push(['destroy', id])
  })
  let post = Post('7', 'x')
  assert.deepEqual(log, [])
  let unbind = post.listen(() => {})
  assert.deepEqual(log, [['init', '7', 'x']])
  assert.deepEqual(post.get(), { id: '7', title: 'post 7' })
  unbind()
  timers.tick(STORE_UNMOUNT_DELAY)
  assert.deepEqual(log, [
    ['init', '7', 'x'],
    ['destroy', '7']
  ])
})

test('after unmount the cached store is dropped and a new one is built', t => {
  let timers = fakeTimers(t)
  let Item = mapCreator(store => {
    store.setKey('loaded', true)
  })
  let first = Item('1')
  assert.deepEqual(first.get(), { id: '1', loaded: true })
  timers.tick(STORE_UNMOUNT_DELAY)
  let second = Item('1')
  assert.notEqual(second, first)
  assert.deepEqual(second.get(), { id: '1', loaded: true })
})

test('cleanStores(creator) drops every cached store', t => {
  fakeTimers(t)
  let Item = mapCreator()
  let first = Item('1')
  first.listen(() => {})
  cleanStores(Item)
  assert.notEqual(Item('1'), first)
})
