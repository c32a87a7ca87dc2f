// Paths into nested objects and arrays: 'a.b[1].c' is ['a', 'b', '1', 'c'].
// Every segment comes from the caller, so it is only ever read and written
// as an *own* property: 'constructor.prototype.x' or '__proto__.x' name
// plain keys of the value (as map() treats any key) and never reach a
// prototype.

import { setOwn } from '../runtime/own-property.js'

// A dot-separated part may end in '[n]' groups: 'b[1][2]' is 'b', '1', '2'.
// Anything else is a plain key ('a[x]', 'a[1]b'). Scanned from the end
// without a backtracking regex, so a long hostile path costs linear time.
const DIGITS = /^\d+$/

let splitPath = path => {
  let keys = []
  for (let part of String(path).split('.')) {
    let indices = []
    let end = part.length
    while (part[end - 1] === ']') {
      let open = part.lastIndexOf('[', end - 2)
      let index = part.slice(open + 1, end - 1)
      if (open < 0 || !DIGITS.test(index)) break
      indices.push(index)
      end = open
    }
    keys.push(part.slice(0, end), ...indices.reverse())
  }
  return keys
}

// Reads an own property only: an inherited one ('constructor', 'toString',
// '__proto__') is not part of the state.
let own = (target, key) => (Object.hasOwn(Object(target), key) ? target[key] : undefined)

export function getPath(obj, path) {
  let value = obj
  for (let key of splitPath(path)) {
    if (value == null) return undefined
    value = own(value, key)
  }
  return value
}

export function setPath(obj, path, value) {
  return setByKey(obj == null ? {} : obj, splitPath(path), value)
}

// Copies only the objects on the path, so unchanged branches keep their
// references. `undefined` deletes; an array item is removed (the later items
// move down), as Nano Stores does.
export function setByKey(obj, keys, value) {
  let [key, ...rest] = keys
  let copy = Array.isArray(obj) ? [...obj] : { ...obj }
  if (!rest.length) {
    if (value !== undefined) setOwn(copy, key, value)
    else if (Array.isArray(copy)) copy.splice(key, 1)
    else delete copy[key]
    return copy
  }
  // A missing step becomes an array when the next key is an index.
  let next = Object.hasOwn(copy, key)
    ? copy[key]
    : DIGITS.test(String(rest[0]))
      ? Array(Number(rest[0]) + 1)
      : {}
  setOwn(copy, key, setByKey(next, rest, value))
  return copy
}
