// Equal as JSON text: the same data, with object keys in the same order.
// A value that arrives as JSON (from storage, another tab, another device) is
// never Object.is-equal to ours, so writing it when its content is equal
// would still notify listeners, re-render islands, rewrite storage and add an
// undo step. Features compare with this first and skip such writes.
export let sameJSON = (incoming, local) => {
  try {
    return JSON.stringify(incoming) === JSON.stringify(local)
  } catch {
    return false // a local value JSON cannot hold is never equal
  }
}
