// Deterministic text for any value a program can produce. Objects get an
// identity number (#n) on first appearance in a trace, so "the listener got
// the same object as the previous get()" is visible when two traces are
// compared, without depending on anything but the order of events.
export function createSerializer() {
  let ids = new WeakMap()
  let nextId = 0

  let ser = (value, depth = 0) => {
    if (value === undefined) return 'undefined'
    if (typeof value === 'number') {
      if (Object.is(value, -0)) return '-0'
      return String(value) // NaN, Infinity included
    }
    if (typeof value === 'string') return JSON.stringify(value)
    if (typeof value === 'bigint') return `${value}n`
    if (typeof value === 'symbol') return String(value)
    if (typeof value === 'function') return 'fn'
    if (value === null || typeof value !== 'object') return String(value)
    let id = ids.get(value)
    if (id === undefined) ids.set(value, (id = nextId++))
    if (depth > 6) return `#${id}{...}`
    if (Array.isArray(value)) {
      return `#${id}[${value.map(item => ser(item, depth + 1)).join(',')}]`
    }
    // A prototype other than Object.prototype (e.g. a key that reached
    // __proto__) is part of the value.
    let proto = Object.getPrototypeOf(value)
    let mark = proto === Object.prototype ? '' : proto === null ? 'null-proto:' : 'proto:'
    let body = Reflect.ownKeys(value)
      .map(
        key => `${typeof key === 'symbol' ? String(key) : JSON.stringify(key)}:${ser(value[key], depth + 1)}`
      )
      .join(',')
    return `#${id}${mark}{${body}}`
  }
  return ser
}

// The same without identity numbers: for hashing inside computed functions,
// whose result must not depend on how often a library looked at a value.
export function plain(value) {
  return createSerializer()(value).replace(/#\d+/g, '')
}
