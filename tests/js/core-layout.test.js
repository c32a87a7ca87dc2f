// The engine reads the core's shared memory at the indexes in
// js/runtime/core-layout.js; the C++ decides where its fields really are
// (SharedView, pinned by static_asserts in bindings/hot_exports.cpp). This
// test holds the two together on the built core: it makes the core write
// every field and reads each one back at the engine's index, and it checks
// that the core exports exactly the functions the engine calls.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {
  ENTRY_U32,
  VIEW_BATCH,
  VIEW_CREATED,
  VIEW_ENTRIES,
  VIEW_HEAD,
  VIEW_REMOVED,
  VIEW_STALE,
  VIEW_TAIL,
  VIEW_TAKEN_PAYLOAD
} from '../../js/runtime/core-layout.js'
import { loadCore } from '../../js/runtime/load-core.js'

test('every SharedView field is where the engine reads it', () => {
  let core = loadCore() // an instance of its own, not the page's
  let view = core.atoll_view() >>> 2
  let u32 = () => new Uint32Array(core.memory.buffer)
  let field = index => u32()[view + index]
  let entry = i => {
    let at = (field(VIEW_ENTRIES) >>> 2) + i * ENTRY_U32
    return [u32()[at], u32()[at + 1]]
  }

  let atom = core.atoll_create()
  assert.equal(field(VIEW_CREATED), atom, 'created')
  let derived = core.atoll_create()
  // A first listen of store 0 creates the store too.
  let first = core.atoll_listen(0, 1, 0, 1)
  let created = field(VIEW_CREATED)
  assert.ok(created !== atom && created !== derived, 'created by a first listen')

  let listener = core.atoll_listen(atom, 2, 0, 1)
  let edge = core.atoll_listen(atom, 3, derived, 1)
  let removed = core.atoll_listen(atom, 4, 0, 1)
  assert.equal(core.atoll_unlisten(atom, 4), 2)
  assert.equal(field(VIEW_REMOVED), removed, 'removedListener')

  // Outside a batch: the queue is read straight from memory.
  let head = field(VIEW_HEAD)
  assert.equal(core.atoll_notify(atom, 77), 1)
  assert.equal(field(VIEW_TAIL) - head, 2, 'tail')
  assert.deepEqual(
    [entry(head), entry(head + 1)],
    [
      [listener, 77],
      [edge, 77]
    ],
    'entries'
  )
  let stale = new Uint8Array(core.memory.buffer, field(VIEW_STALE))
  assert.deepEqual([stale[derived], stale[atom], stale[created]], [1, 0, 0], 'stale')
  u32()[view + VIEW_HEAD] = field(VIEW_TAIL) // the engine took both calls
  assert.equal(core.atoll_notify(created, 5), 1)
  assert.deepEqual(entry(field(VIEW_HEAD)), [first, 5], 'the engine moved head')
  u32()[view + VIEW_HEAD] = field(VIEW_TAIL)

  // In a batch: the engine writes the batch number, take() answers.
  u32()[view + VIEW_BATCH] = 9
  assert.equal(core.atoll_notify(atom, 88), 0, 'a batch is open')
  assert.equal(core.atoll_take(), listener)
  assert.equal(field(VIEW_TAKEN_PAYLOAD), 88, 'takenPayload')
  assert.equal(core.atoll_take(), edge)
  assert.equal(core.atoll_take(), 0)
  assert.equal(field(VIEW_BATCH), 0, 'the empty queue closed the batch')
})

test('the core exports exactly the functions the engine calls', () => {
  let engine = fs.readFileSync(new URL('../../js/runtime/engine.js', import.meta.url), 'utf8')
  let called = new Set(engine.match(/\batoll_\w+/g))
  let exported = Object.keys(loadCore()).filter(name => name.startsWith('atoll_'))
  assert.deepEqual([...called].sort(), exported.sort())
})
