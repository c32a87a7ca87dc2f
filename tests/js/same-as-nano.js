// Runs one program on Nano Stores and on Atoll; both must log the same calls
// (not a test file itself: shared by the deepMap and listenKeys tests).
import assert from 'node:assert/strict'
import * as nano from 'nanostores'
import * as atoll from 'atoll-store'

// Nano Stores' deepMap prints a deprecation warning outside production.
let quietNano = {
  ...nano,
  deepMap(initial) {
    let env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      return nano.deepMap(initial)
    } finally {
      if (env === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = env
    }
  }
}

export let sameAsNano = program => {
  let run = lib => {
    let log = []
    program(lib, (...args) => log.push(args))
    return log
  }
  let ours = run(atoll)
  assert.deepEqual(ours, run(quietNano))
  return ours
}
