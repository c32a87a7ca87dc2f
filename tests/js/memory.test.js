// Leak check (not a timing): a million subscribe/unsubscribe cycles and a
// million sets of fresh objects leave the wasm heap and the JS heap where
// they started, within a few percent. Runs in a child with --expose-gc.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'

const probe = `
  import { atom, map, computed } from 'atoll-store'
  const engine = await globalThis[Symbol.for('atoll-store.runtime')]
  const settle = () => { for (let i = 0; i < 3; i++) gc() }
  const measure = () => (settle(), { wasm: engine.raw.memory.buffer.byteLength, js: process.memoryUsage().heapUsed })

  const $a = atom({ n: 0 })
  const $m = map({ a: 1 })
  const $c = computed($a, v => v.n)
  let seen = 0
  const keep = [$a.listen(v => { seen += v.n }), $c.listen(() => {}), $m.listen(() => {})]
  const churn = n => {
    for (let i = 0; i < n; i++) $a.subscribe(() => {})()
    for (let i = 0; i < n; i++) $a.set({ n: i })
    for (let i = 0; i < n / 10; i++) $m.setKey('a', { i })
  }
  churn(10000) // warm up: the first growth of every table is not a leak
  const before = measure()
  churn(1000000)
  const after = measure()
  keep.forEach(unbind => unbind())
  console.log(JSON.stringify({ before, after, seen: seen > 0 }))
`

test('a million subscribe/unsubscribe cycles and sets leave the heaps flat', () => {
  let out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', probe], {
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url)
  })
  let { before, after, seen } = JSON.parse(out)
  assert.ok(seen)
  assert.equal(after.wasm, before.wasm, `wasm heap grew from ${before.wasm} to ${after.wasm} bytes`)
  // A few percent of the heap, with a 1 MB floor for the noise of a small
  // heap (JIT code, V8 bookkeeping); a leak of a million anything is far more.
  let allowed = Math.max(before.js * 0.05, 1 << 20)
  assert.ok(after.js - before.js < allowed, `JS heap grew from ${before.js} to ${after.js} bytes`)
})

const dropProbe = `
  import { atom, map, computed } from 'atoll-store'
  const engine = await globalThis[Symbol.for('atoll-store.runtime')]
  // Computeds unmount STORE_UNMOUNT_DELAY after their last get(), and
  // FinalizationRegistry callbacks run after a GC, on a later task.
  const collect = async () => {
    await new Promise(r => setTimeout(r, 1100))
    for (let i = 0; i < 5; i++) { gc(); await new Promise(r => setTimeout(r, 10)) }
  }
  const churn = n => {
    for (let i = 0; i < n; i++) {
      const $m = map({ a: i, b: i })
      const $c = computed($m, v => v.a)
      $c.get()
      atom(i).set(i + 1)
    }
  }
  // The first round sizes the tables for 100k live stores (wasm memory
  // never shrinks); later rounds must fit in the records given back.
  churn(100000)
  await collect()
  const before = engine.raw.memory.buffer.byteLength
  for (let round = 0; round < 3; round++) { churn(100000); await collect() }
  console.log(JSON.stringify({ before, after: engine.raw.memory.buffer.byteLength }))
`

test('stores the page dropped give their core records back', () => {
  let out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', dropProbe], {
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url)
  })
  let { before, after } = JSON.parse(out)
  assert.ok(
    after <= before * 1.05,
    `wasm heap grew from ${before} to ${after} bytes over 300k dropped stores of each kind`
  )
})

const keysProbe = `
  import { batch, map } from 'atoll-store'
  const engine = await globalThis[Symbol.for('atoll-store.runtime')]
  const settle = () => { for (let i = 0; i < 3; i++) gc() }
  const measure = () => (settle(), { wasm: engine.raw.memory.buffer.byteLength, js: process.memoryUsage().heapUsed })
  const $m = map({})
  let seen = 0
  $m.listen(() => { seen++ })
  // Keys come and go: at most 100 live at once, every one of them new. The
  // object is read every 1000 keys (a listener reading it on every write
  // would spend the test copying 100-key objects).
  const churn = (from, to) => {
    for (let i = from; i < to; i += 1000) {
      batch(() => {
        for (let j = i; j < i + 1000; j++) {
          $m.setKey('key-' + j, j)
          if (j >= 100) $m.setKey('key-' + (j - 100), undefined)
        }
      })
    }
  }
  churn(0, 10000)
  const before = measure()
  churn(10000, 1000000)
  const after = measure()
  console.log(JSON.stringify({ before, after, seen, size: Object.keys($m.get()).length }))
`

test('a million distinct map keys set and deleted over time leave the heaps flat', () => {
  let out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', keysProbe], {
    encoding: 'utf8',
    cwd: new URL('../..', import.meta.url)
  })
  let { before, after, seen, size } = JSON.parse(out)
  assert.equal(size, 100)
  assert.equal(seen, 1000)
  assert.equal(after.wasm, before.wasm, `wasm heap grew from ${before.wasm} to ${after.wasm} bytes`)
  let allowed = Math.max(before.js * 0.05, 1 << 20)
  assert.ok(after.js - before.js < allowed, `JS heap grew from ${before.js} to ${after.js} bytes`)
})
