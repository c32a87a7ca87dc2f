// JSON text of a store value, or an AtollError that names the store and the
// path of the first part JSON cannot represent. Round-trip safety is the
// rule: anything JSON.stringify would silently drop or change is refused.
import { AtollError, describeValue } from '../runtime/errors.js'

let IDENTIFIER = /^[A-Za-z_$][\w$]*$/
export let childPath = (path, key) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : IDENTIFIER.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`

let unrepresentable = (value, seen) => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : `the number ${value}`
    case 'object':
      if (value === null) return undefined
      if (seen.has(value)) return 'a cycle (the value contains itself)'
      if (!Array.isArray(value)) {
        let proto = Object.getPrototypeOf(value)
        if (proto !== Object.prototype && proto !== null) return describeValue(value)
      }
      return undefined
    case 'bigint':
      return 'a BigInt'
    default:
      return describeValue(value) // function, symbol, undefined
  }
}

export function toJSONText(value, label, rootPath = '$') {
  let seen = new Set()
  let check = (item, path) => {
    let problem = unrepresentable(item, seen)
    if (problem) {
      throw new AtollError(
        'ATOLL_NOT_SERIALIZABLE',
        `store ${label} cannot be written as JSON: ${problem} at ${path}`
      )
    }
    if (typeof item !== 'object' || item === null) return
    seen.add(item)
    if (Array.isArray(item)) item.forEach((child, i) => check(child, childPath(path, i)))
    else for (let key of Object.keys(item)) check(item[key], childPath(path, key))
    seen.delete(item)
  }
  check(value === undefined ? null : value, rootPath)
  return JSON.stringify(value === undefined ? null : value)
}
