// batch(): listeners of everything changed inside run once, at the end of
// the outermost batch (the core defers and deduplicates them).
import { assertFunction } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'

export let batch = fn => {
  assertFunction(fn, 'batch')
  return engine.batch(fn)
}
