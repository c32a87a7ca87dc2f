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

// The same check for a value that arrives as JSON text (a Yjs entry): the
// text is compared as it came, not parsed again. An undefined local value
// (a missing key, an atom without one) reads as JSON null.
export let sameText = (text, local) => {
  try {
    return JSON.stringify(local === undefined ? null : local) === text
  } catch {
    return false // a local value JSON cannot hold is never equal
  }
}
