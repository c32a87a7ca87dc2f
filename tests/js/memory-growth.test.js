// The core's memory starts small (CMakeLists.txt: 256 KB, so a page does not
// allocate 16 MB before its islands hydrate) and grows as stores are added.
// A grown memory detaches every view the engine holds on the old one; these
// tests make it grow in the middle of the work and check that nothing the
// stores hold or queue is lost.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { atom, batch, computed, map } from '../../js/index.js'
import { loadCore } from '../../js/runtime/load-core.js'

const engine = await globalThis[Symbol.for('atoll-store.runtime')]

test('a fresh core starts with 256 KB of memory', () => {
  assert.equal(loadCore().memory.buffer.byteLength, 256 * 1024)
})

test('stores, listeners and a batch keep working while the memory grows', () => {
  let start = engine.raw.memory.buffer.byteLength
  let atoms = []
  let heard = 0
  for (let i = 0; i < 30000; i++) {
    let $n = atom(i)
    $n.listen(() => (heard += 1))
    atoms.push($n)
  }
  assert.ok(engine.raw.memory.buffer.byteLength > start, 'the memory grew')
  let sum = computed(atoms.slice(0, 200), (...values) => values.reduce((a, b) => a + b, 0))
  let sums = []
  sum.listen(value => sums.push(value))
  // A batch whose queue spans the growth of more stores made inside it.
  let beforeBatch = engine.raw.memory.buffer.byteLength
  let made = 0
  let mapValues = []
  batch(() => {
    for (let i = 0; i < 200; i++) atoms[i].set(atoms[i].get() + 1)
    // Listened-to maps, each set once, until the memory has grown.
    for (let i = 0; i < 200000 && engine.raw.memory.buffer.byteLength === beforeBatch; i++) {
      let $m = map({ k: i })
      $m.listen(value => mapValues.push(value.k))
      $m.setKey('k', i + 1)
      made += 1
    }
  })
  assert.ok(engine.raw.memory.buffer.byteLength > beforeBatch, 'the memory grew inside the batch')
  assert.equal(heard, 200)
  assert.deepEqual(
    mapValues,
    Array.from({ length: made }, (_, i) => i + 1)
  )
  assert.deepEqual(sums, [(199 * 200) / 2 + 200])
  assert.equal(atoms[29999].get(), 29999)
})
