// Timing: each library's function is calibrated to a round of ~ROUND_MS, both are
// warmed up, then their rounds alternate (so JIT state and machine drift hit both
// alike). The result is the median ns/op over the rounds.
//
// A timed function has the shape `run(n) => number`: it performs n operations and
// returns a number that depends on their results; every return value is summed
// into `sink` so that the optimizer cannot drop the work.
import { median } from './stats.js'

const ROUND_MS = 60
export const ROUNDS = 11
const WARM_MS = 150

export let sink = 0

function timeOnce(run, n) {
  const t0 = process.hrtime.bigint()
  sink += run(n)
  return Number(process.hrtime.bigint() - t0) / 1e6 // ms
}

// Smallest power-of-two start, then scaled so one round takes about ROUND_MS.
function calibrate(run) {
  let n = 1
  let ms = timeOnce(run, n)
  while (ms < ROUND_MS / 8) {
    n *= 2
    ms = timeOnce(run, n)
  }
  return Math.max(1, Math.round((n * ROUND_MS) / ms))
}

// The timing scheme as steps: calibration, warm-up, then alternating rounds.
// It yields after each step, so compareAsync can let the event loop run
// between them (e.g. FinalizationRegistry callbacks of dropped stores).
function* schedule(libs) {
  let step = (lib, f) => {
    if (lib.err) return
    try {
      f()
    } catch (e) {
      lib.err = e
    }
  }
  for (let lib of libs) {
    step(lib, () => (lib.n = calibrate(lib.run)))
    yield
  }
  for (let lib of libs) {
    let until = performance.now() + WARM_MS
    while (!lib.err && performance.now() < until) {
      step(lib, () => timeOnce(lib.run, lib.n))
      yield
    }
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (let lib of libs) {
      step(lib, () => lib.samples.push((timeOnce(lib.run, lib.n) * 1e6) / lib.n))
      yield
    }
  }
}

let prepare = runs => runs.map(run => ({ run, err: run instanceof Error ? run : null, samples: [] }))
let results = libs => libs.map(lib => lib.err || median(lib.samples))

// runs: one timed function per library, or an Error when its setup failed.
// Returns, for each, the median ns/op or the Error it threw.
export function compare(runs) {
  let libs = prepare(runs)
  for (let _ of schedule(libs));
  return results(libs)
}

// The same, with the event loop running between steps.
export async function compareAsync(runs) {
  let libs = prepare(runs)
  for (let _ of schedule(libs)) await new Promise(resolve => setImmediate(resolve))
  return results(libs)
}
