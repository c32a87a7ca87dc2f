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
  let growth = (after.js - before.js) / before.js
  assert.ok(growth < 0.05, `JS heap grew ${(growth * 100).toFixed(1)}% (${before.js} -> ${after.js} bytes)`)
})
