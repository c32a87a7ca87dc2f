// A tiny seeded PRNG (mulberry32), so a seed names one program forever,
// independent of Math.random and of the Node version.
export function createRandom(seed) {
  let state = seed >>> 0
  let next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  let int = n => Math.floor(next() * n)
  return {
    next,
    int,
    chance: p => next() < p,
    pick: list => list[int(list.length)],
    // pick from [[weight, item], ...]
    weighted(pairs) {
      let total = pairs.reduce((sum, [w]) => sum + w, 0)
      let r = next() * total
      for (let [w, item] of pairs) {
        if ((r -= w) < 0) return item
      }
      return pairs[pairs.length - 1][1]
    }
  }
}
