// The one check every feature that writes JSON uses (persist, sync, snapshot,
// ssr, documentOf and JSON Patch): can a value travel as JSON text and come
// back exactly? If not, the AtollError names the store and the path of the
// first part that cannot. Round-trip safety is the rule: anything
// JSON.stringify would silently drop or change, or that a JSON reader
// elsewhere cannot take, is refused. The same check runs on state that comes
// in from outside (saved data, snapshots, other tabs, patches), so nothing is
// taken that could not go out again.
import { AtollError, describeValue } from '../runtime/errors.js'

// Deeper values are refused. JSON.stringify, structured clone and the C++
// document module (JSON Patch) all recurse and run out of stack a few
// thousand levels down (V8's JSON.stringify at about 4,000 from an empty
// stack), which would surface as a RangeError from wherever the write
// happened. No real state comes near this.
export const MAX_DEPTH = 1000

let IDENTIFIER = /^[A-Za-z_$][\w$]*$/
export let childPath = (path, key) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : IDENTIFIER.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`

// A lone surrogate (half of a UTF-16 pair, 'x\ud800') is a valid JS string
// but not Unicode: JSON.stringify writes it as "\ud800", which the C++ parser
// (nlohmann/json, like any UTF-8 reader) rejects, and the UTF-8 conversion of
// a string into wasm turns it and the next character into another character.
// No lookbehind in the fallback: browsers without isWellFormed lack it too.
let LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/
let wellFormed = String.prototype.isWellFormed ? text => text.isWellFormed() : text => !LONE.test(text)

let problemOf = (node, open) => {
  if (node.hole) return 'an empty array slot (JSON would write null)'
  if (typeof node.key === 'string' && !wellFormed(node.key)) return 'a lone surrogate in the key'
  let value = node.value
  switch (typeof value) {
    case 'string':
      return wellFormed(value) ? undefined : 'a lone surrogate'
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(value) ? undefined : `the number ${value}`
    case 'object':
      if (value === null) return undefined
      if (open.has(value)) return 'a cycle (the value contains itself)'
      if (node.depth >= MAX_DEPTH) return `nesting deeper than ${MAX_DEPTH} levels`
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

// Paths are built only for the error; a 1000-level one is cut.
let pathOf = node => {
  let keys = []
  for (; node.parent; node = node.parent) keys.push(node.key)
  let path = keys.reduceRight(childPath, '$')
  return path.length > 200 ? `${path.slice(0, 200)}…` : path
}

// "<what> at <path>" for the first part of `value` that JSON cannot carry
// exactly, or undefined. `key`: the value is that entry of a map (the key is
// checked too, and the path starts at it). Iterative, so a value nested far
// too deep gets an answer rather than a RangeError.
export function unserializable(value, key) {
  let root = key === undefined ? { value, depth: 0 } : { value, key, parent: {}, depth: 1 }
  let stack = [root]
  let open = new Set() // the objects on the path being walked: a cycle if met again
  while (stack.length) {
    let node = stack.pop()
    if (node.close) {
      open.delete(node.value)
      continue
    }
    let problem = problemOf(node, open)
    if (problem) return `${problem} at ${pathOf(node)}`
    let item = node.value
    if (typeof item !== 'object' || item === null) continue
    open.add(item)
    stack.push({ close: true, value: item })
    let depth = node.depth + 1
    // Pushed last to first, so the first problem in key order is reported.
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push({ value: item[i], key: i, parent: node, depth, hole: !(i in item) })
      }
    } else {
      let keys = Object.keys(item)
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: item[keys[i]], key: keys[i], parent: node, depth })
      }
    }
  }
  return undefined
}

export let notSerializable = (label, where) =>
  new AtollError('ATOLL_NOT_SERIALIZABLE', `store ${label} cannot be written as JSON: ${where}`)

// Throws the AtollError for a value (or a map's entry `key`) JSON cannot carry.
export function assertJSON(value, label, key) {
  let where = unserializable(value, key)
  if (where) throw notSerializable(label, where)
}

// JSON text of a store value (undefined, which JSON lacks, is written as
// null), or of the entry `key` of a map.
export function toJSONText(value, label, key) {
  if (value === undefined) value = null
  assertJSON(value, label, key)
  return JSON.stringify(value)
}
