// The page benchmark's statistics (tests/bench/stats.js): the numbers
// the README's page table and the targets are read from.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { median, medianInterval } from '../bench/stats.js'

// Page-load-like samples: 500 ms +- up to 100 ms, from a fixed sequence.
let loads = (count, shift = 0) =>
  Array.from({ length: count }, (_, i) => 500 + shift + ((i * 37) % 201) - 100)

test('median: the middle value, or the mean of the two middle ones; the input keeps its order', () => {
  let values = [5, 1, 4, 2, 3]
  assert.equal(median(values), 3)
  assert.deepEqual(values, [5, 1, 4, 2, 3])
  assert.equal(median([4, 1, 3, 2]), 2.5)
  assert.equal(median([7]), 7)
  assert.throws(() => median([]), /median of no values/)
})

test('medianInterval holds the median, and the same numbers give the same interval', () => {
  let values = loads(31)
  let [low, high] = medianInterval(values)
  assert.ok(low <= median(values) && median(values) <= high, `${low} <= ${median(values)} <= ${high}`)
  assert.ok(low < high, 'spread values give a real interval')
  assert.deepEqual(medianInterval(values), [low, high])
  assert.deepEqual(medianInterval([3, 3, 3, 3]), [3, 3])
  assert.throws(() => medianInterval([]), /interval of no values/)
})

test('medianInterval narrows with more rounds, and tells a real shift from none', () => {
  let width = ([low, high]) => high - low
  assert.ok(width(medianInterval(loads(201))) < width(medianInterval(loads(11))) / 2)
  // 201 loads shifted by 50 ms: the intervals do not overlap.
  let [, high] = medianInterval(loads(201))
  let [low] = medianInterval(loads(201, 50))
  assert.ok(high < low, `${high} < ${low}`)
})
