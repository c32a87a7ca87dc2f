// effect(): runs `callback(...values)` now and after every change of the
// stores; the cleanup it returns runs before the next run and on cancel.
// One function listens to all stores, so a batch runs it once.
import { assertFunction } from '../runtime/errors.js'

export function effect(stores, callback) {
  assertFunction(callback, 'effect')
  let inputs = Array.isArray(stores) ? stores : [stores]
  let cleanup
  let run = () => {
    if (typeof cleanup === 'function') cleanup()
    cleanup = callback(...inputs.map(store => store.get()))
  }
  let unbinds = []
  try {
    for (let store of inputs) unbinds.push(store.listen(run))
    run()
  } catch (error) {
    for (let unbind of unbinds) unbind()
    throw error
  }
  return () => {
    for (let unbind of unbinds) unbind()
    if (typeof cleanup === 'function') cleanup()
  }
}
