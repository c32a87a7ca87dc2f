import { test } from 'node:test'
import assert from 'node:assert/strict'
import { task, startTask, allTasks, cleanTasks } from 'atoll-store'

let tick = () => new Promise(resolve => setImmediate(resolve))

test('allTasks resolves at once when nothing runs', async () => {
  cleanTasks()
  let done = false
  allTasks().then(() => (done = true))
  await tick()
  assert.equal(done, true)
})

test('task(cb) returns a promise of cb’s result and allTasks waits for it', async () => {
  cleanTasks()
  let log = []
  let release
  let p = task(async () => {
    await new Promise(resolve => (release = resolve))
    log.push('task done')
    return 42
  })
  assert.ok(p instanceof Promise || typeof p.then === 'function')
  let all = allTasks().then(() => log.push('all done'))
  await tick()
  assert.deepEqual(log, [])
  release()
  assert.equal(await p, 42)
  await all
  assert.deepEqual(log, ['task done', 'all done'])
})

test('task with a synchronous callback', async () => {
  cleanTasks()
  assert.equal(await task(() => 'sync'), 'sync')
})

test('a rejected task still ends', async () => {
  cleanTasks()
  let p = task(async () => {
    throw new Error('nope')
  })
  await assert.rejects(p, /nope/)
  await allTasks()
})

test('startTask returns an end function; allTasks waits for every started task', async () => {
  cleanTasks()
  let end1 = startTask()
  let end2 = startTask()
  assert.equal(typeof end1, 'function')
  let done = false
  allTasks().then(() => (done = true))
  end1()
  await tick()
  assert.equal(done, false)
  end2()
  await tick()
  assert.equal(done, true)
})

test('cleanTasks resolves waiting allTasks and forgets running tasks', async () => {
  cleanTasks()
  let end = startTask()
  let done = false
  allTasks().then(() => (done = true))
  await tick()
  assert.equal(done, false)
  cleanTasks()
  await tick()
  assert.equal(done, true)
  // the old end function must not disturb the counter
  let end2 = startTask()
  end()
  let done2 = false
  allTasks().then(() => (done2 = true))
  await tick()
  assert.equal(done2, false)
  end2()
  await tick()
  assert.equal(done2, true)
})
