// How store values travel in a Y.Doc, and the checks on what comes back.
//
// Every entry is the JSON text of one value (a map's key, or an atom), made
// by toJSONText (the check every Atoll feature that writes JSON uses). Not
// Yjs's own encoding of plain objects: its decoder (lib0) assigns keys with
// `object[key] = value`, so an own `__proto__` key inside a cart line would
// come back on the other device as that object's prototype. JSON.parse
// makes every key an own property, whatever its name.
import { unserializable } from '../json/to-json.js'
import { describeValue, isPlainObject } from '../runtime/errors.js'

// The JSON kind an atom's remote value must have to replace its value: an
// atom that starts as an object (a deepMap, a settings object) must not
// become a number because another device (or a foreign client) says so.
let kindOf = value => {
  if (Array.isArray(value)) return 'an array'
  if (isPlainObject(value)) return 'an object'
  if (value === null || value === undefined) return undefined
  return `a ${typeof value}`
}

// The value an entry of the document holds, or throws an Error that says why
// it cannot be taken. `key`: the map key the entry belongs to (for the path).
// `init`: the store's initial value, for atoms (their kind must match).
export function readEntry(entry, key, init) {
  if (typeof entry !== 'string') {
    throw new Error(`the entry is ${describeValue(entry)}, not JSON text`)
  }
  let value
  try {
    value = JSON.parse(entry)
  } catch (error) {
    throw new Error(`the entry is not JSON: ${error.message}`, { cause: error })
  }
  // JSON.parse can give what Atoll could not send on ("\ud800", nesting too
  // deep): taking it would make the next local write of the store throw.
  let where = unserializable(value, key)
  if (where) throw new Error(`it holds ${where}`)
  let expected = init === undefined ? undefined : kindOf(init)
  if (expected && kindOf(value) !== expected) {
    throw new Error(`it holds ${kindOf(value) || 'null'} where the store holds ${expected}`)
  }
  return value
}
