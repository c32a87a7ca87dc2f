// The benchmarks' statistics: medians (npm run bench, bench:page), and how
// far a median of a few dozen page loads can be trusted (bench:page). Single loads on a 2-core machine vary by
// about +-100 ms around 500 ms, so a ratio of two medians moves by several
// percent between runs of the same build; the interval says by how much.

/** The median of `values` (a new sorted copy; the input is left as it is). */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * A 95% percentile-bootstrap interval of `median(values)`: the rounds are
 * drawn again with replacement `resamples` times, and the interval holds the
 * middle 95% of the medians of those draws. The draws come from a fixed-seed
 * generator, so the same numbers always print the same interval.
 * Returns [low, high].
 */
export function medianInterval(values, { resamples = 4000, seed = 1 } = {}) {
  if (values.length === 0) throw new Error('interval of no values')
  const random = xorshift(seed)
  const medians = new Float64Array(resamples)
  const draw = new Array(values.length)
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < values.length; i++) draw[i] = values[Math.floor(random() * values.length)]
    medians[r] = median(draw)
  }
  medians.sort()
  return [medians[Math.floor(0.025 * (resamples - 1))], medians[Math.ceil(0.975 * (resamples - 1))]]
}

// xorshift32 (Marsaglia): uniform floats in [0, 1) from a 32-bit state that
// must not be 0. Plenty for resampling; not for anything secret.
function xorshift(seed) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 2 ** 32
  }
}
