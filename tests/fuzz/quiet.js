// Nano Stores prints a one-time deprecation notice (console.groupCollapsed +
// console.trace) the first time deepMap() is called. Trigger it once with the
// console muted, so fuzz and test output stay readable.
export function muteDeepMapNotice(lib) {
  if (typeof lib.deepMap !== 'function') return
  let names = ['groupCollapsed', 'trace', 'groupEnd', 'warn']
  let saved = names.map(name => console[name])
  for (let name of names) console[name] = () => {}
  try {
    lib.deepMap({})
  } finally {
    names.forEach((name, i) => (console[name] = saved[i]))
  }
}
