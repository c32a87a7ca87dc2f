// createHistory(): undo and redo over chosen atoms and maps.
//
// Recording: an onNotify hook on each store sees every change at notify time
// with the value from before it. Changes made inside one outermost batch
// share engine.batchId(), so they join one step, whichever stores they touch;
// any change outside a batch is a step of its own.
//
// A step maps each store it touched to the store's value on the *other* side
// of the step: the value from before it while the step waits on the undo
// stack, from after it on the redo stack. undo()/redo() swap that value with
// the store's current one, so no "after" value is captured at change time,
// and a map's whole object is put back: its key order and the identity of
// its objects come back exactly (a map's old object costs nothing to keep:
// every change makes a new object and unchanged keys share their values).
import { atom } from '../atom/index.js'
import { batch } from '../batch/index.js'
import { onNotify } from '../lifecycle/index.js'
import { AtollError, describeValue, isPlainObject } from '../runtime/errors.js'
import { engine } from '../runtime/index.js'
import { isMap } from '../runtime/store-checks.js'
import { assertWritable, resolveStores } from '../store-lists/resolve-stores.js'

export function createHistory(stores, { limit = 100 } = {}) {
  let tracked = resolveStores(stores, 'createHistory')
  for (let store of tracked) assertWritable(store, 'createHistory')
  if (!(limit >= 1 && (Number.isInteger(limit) || limit === Infinity))) {
    throw new AtollError(
      'ATOLL_BAD_OPTION',
      `createHistory() limit must be a whole number of at least 1, got ${describeValue(limit)}`
    )
  }

  let undoStack = []
  let redoStack = []
  let open // the step the current batch's changes join
  let solo = 0 // tags of unbatched changes: negative, so never a batch id
  let replaying = false
  let canUndo = atom(false)
  let canRedo = atom(false)
  let refresh = () => {
    canUndo.set(undoStack.length > 0)
    canRedo.set(redoStack.length > 0)
  }

  let record = (store, { oldValue, changed }) => {
    // undo()/redo() write through set(); those writes are not new history.
    if (replaying) return
    // setKey notifies only on a real change. Otherwise skip a bare notify()
    // that changed nothing (or an in-place mutation, which no old value can
    // undo), and a map notified without an object to go back to.
    if (changed === undefined) {
      if (store.eq(oldValue, store.value)) return
      if (isMap(store) && !isPlainObject(oldValue)) return
    }
    let tag = engine.inBatch() ? engine.batchId() : --solo
    if (!open || open.tag !== tag) {
      open = { tag, values: new Map() }
      undoStack.push(open)
      if (undoStack.length > limit) undoStack.shift()
      redoStack.length = 0
      // This runs inside the store's notify(), before its own listeners: a
      // canUndo listener that throws must not cancel them, so its error is
      // reported (window.reportError, or console.error in Node) instead of
      // unwinding through notify().
      try {
        refresh()
      } catch (error) {
        ;(globalThis.reportError || console.error)(error)
      }
    }
    // A store's first change in a step carries its value from before the step
    // (inside a batch a map hands over its pre-batch object).
    if (!open.values.has(store)) open.values.set(store, oldValue)
  }
  let unbinds = tracked.map(store => onNotify(store, payload => record(store, payload)))

  let move = (from, to) => {
    let step = from.pop()
    if (!step) return false
    replaying = true
    try {
      // One batch: listeners see the whole step at once, and the stacks and
      // canUndo/canRedo are already consistent when they run.
      batch(() => {
        for (let [store, value] of step.values) {
          step.values.set(store, store.value)
          store.set(value)
        }
        to.push(step)
        open = undefined
        refresh()
      })
    } finally {
      replaying = false
    }
    return true
  }

  let clear = () => {
    undoStack.length = redoStack.length = 0
    open = undefined
    refresh()
  }

  return {
    canUndo,
    canRedo,
    undo: () => move(undoStack, redoStack),
    redo: () => move(redoStack, undoStack),
    clear,
    stop() {
      for (let unbind of unbinds) unbind()
      unbinds = []
      clear()
    }
  }
}
