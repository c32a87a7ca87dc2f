// Differential test: random store programs (tests/fuzz/generate.js) run on
// atoll-store and on nanostores must leave the same trace. A failure prints,
// for each kind of divergence, the smallest shrunk program as JS-like code
// and both traces. Explore further with `npm run fuzz -- --seeds 2000`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkSeeds } from '../fuzz/check.js'
import { formatFailure } from '../fuzz/compare.js'
import { generate } from '../fuzz/generate.js'
import { features, libraries } from '../fuzz/libraries.js'
import { DELETE_BUG, importNanoCopy } from '../fuzz/nano-copy.js'
import { runProgram } from '../fuzz/run.js'

const SEEDS = 300

let report = (failures, groups, seeds) => {
  let sorted = [...groups].sort((a, b) => b[1].count - a[1].count)
  let parts = [`${failures} of ${seeds} programs diverged; by likely cause:`]
  for (let [category, group] of sorted) parts.push(`  ${group.count} x ${category}`)
  for (let [category, group] of sorted) {
    parts.push('', `===== ${category} (${group.count}; seeds ${group.seeds.slice(0, 6).join(', ')})`)
    parts.push(formatFailure(group.smallest.program, group.smallest.result))
  }
  return parts.join('\n')
}

test('harness: a seed always gives the same program and the same trace', () => {
  for (let seed = 1; seed <= 60; seed++) {
    assert.deepEqual(generate(seed), generate(seed))
    let first = runProgram(libraries.nano, generate(seed), { features })
    let second = runProgram(libraries.nano, generate(seed), { features })
    assert.deepEqual(second, first, `seed ${seed}`)
  }
})

test('harness: a separate copy of nanostores agrees with nanostores', async () => {
  let copy = await importNanoCopy()
  let { failures, groups } = checkSeeds({ seeds: 150, libs: { candidate: copy }, maxShrinks: 3 })
  assert.equal(failures, 0, report(failures, groups, 150))
})

test('harness: a deliberate bug in a copy of nanostores is caught and shrunk', async () => {
  let copy = await importNanoCopy([DELETE_BUG])
  let { failures, groups } = checkSeeds({ seeds: 150, libs: { candidate: copy }, maxShrinks: 3 })
  assert.ok(failures > 0, 'the broken copy must diverge')
  let smallest = [...groups.values()][0].smallest
  let code = formatFailure(smallest.program, smallest.result)
  assert.match(code, /setKey\([^)]*undefined\)/, code)
  assert.ok(smallest.program.steps.length <= 4, code)
})

test(`atoll-store behaves like nanostores on ${SEEDS} random programs`, () => {
  let { failures, groups } = checkSeeds({ seeds: SEEDS })
  assert.equal(failures, 0, report(failures, groups, SEEDS))
})
