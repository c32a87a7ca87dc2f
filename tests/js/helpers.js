// Shared helpers for the conformance suite (not a test file itself).
import assert from 'node:assert/strict'

// Fake the global setTimeout for one test (restored automatically afterwards).
export function fakeTimers(t) {
  t.mock.timers.enable({ apis: ['setTimeout'] })
  return t.mock.timers
}

// Run fn, require it to throw, and return what it threw.
export function thrown(fn) {
  try {
    fn()
  } catch (error) {
    return error
  }
  assert.fail('expected the call to throw')
}

// Require fn to throw an AtollError with the given code whose message contains
// every string in `parts`. Returns the error.
export function assertAtollError(AtollError, fn, code, parts = []) {
  assert.equal(typeof AtollError, 'function', 'atoll-store must export AtollError')
  let error = thrown(fn)
  assert.ok(
    error instanceof AtollError,
    `expected an AtollError, got ${error && error.name}: ${error && error.message}`
  )
  assert.ok(error instanceof Error)
  assert.equal(error.name, 'AtollError')
  assert.equal(error.code, code, `code of: ${error.message}`)
  for (let part of parts) {
    assert.ok(
      String(error.message).includes(part),
      `message ${JSON.stringify(error.message)} should mention ${JSON.stringify(part)}`
    )
  }
  return error
}
