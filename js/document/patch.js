// JSON Patch (RFC 6902) between store documents, done by the C++ document
// module (src/document.cpp, nlohmann/json): createPatch() diffs two values,
// applyPatch() applies a patch to a store. Both load the module on first use.
//
// applyPatch is all or nothing: the module applies the whole patch to a copy
// of the store's JSON and answers with the result or with the first
// operation that failed; only then is the store written, in one batch.
import { batch } from '../batch/index.js'
import { toJSONText, unserializable } from '../json/to-json.js'
import { AtollError, describeValue, isPlainObject, storeLabel } from '../runtime/errors.js'
import { assertWritable, isMap, isStore } from '../runtime/store-checks.js'
import { documentModule } from './load-documents.js'

// PatchOutcome::Status in src/document.hpp (document-patch.test.js's failed
// test fails if the two part).
const TEST_FAILED = 3

// A store's JSON, or a plain value's (`which` names it in errors).
let jsonOf = (value, which) => {
  if (isStore(value)) return toJSONText(value.get(), storeLabel(value))
  let where = unserializable(value === undefined ? null : value)
  if (where) {
    throw new AtollError(
      'ATOLL_NOT_SERIALIZABLE',
      `createPatch(): ${which} cannot be written as JSON: ${where}`
    )
  }
  return JSON.stringify(value === undefined ? null : value)
}

// The RFC 6902 operations that turn `from` into `to` (stores or values).
export async function createPatch(from, to) {
  // Read now, not after the module loads: the patch is between the values
  // as they were when it was asked for.
  let fromText = jsonOf(from, 'from')
  let toText = jsonOf(to, 'to')
  let out = (await documentModule()).createPatch(fromText, toText)
  // Both texts were checked above, so the module has nothing to refuse.
  if (out.status) throw new AtollError('ATOLL_NOT_SERIALIZABLE', `createPatch(): ${out.text}`)
  return JSON.parse(out.text)
}

let badPatch = (label, why, code = 'ATOLL_BAD_PATCH') =>
  new AtollError(code, `applyPatch() of store ${label}: ${why}; the store is unchanged`)

// The patch as JSON text; every operation must be JSON itself (a function or
// a lone surrogate in a value would otherwise be dropped or changed on the way).
let patchText = (patch, label) => {
  if (!Array.isArray(patch)) {
    throw badPatch(label, `a patch is an array of operations, got ${describeValue(patch)}`)
  }
  for (let i = 0; i < patch.length; i++) {
    let where = unserializable(patch[i] === undefined ? null : patch[i])
    if (where) throw Object.assign(badPatch(label, `op ${i} cannot be written as JSON: ${where}`), { op: i })
  }
  return JSON.stringify(patch)
}

let firstToken = pointer => {
  let end = pointer.indexOf('/', 1)
  let token = pointer.slice(1, end < 0 ? undefined : end)
  return token.replace(/~1/g, '/').replace(/~0/g, '~') // RFC 6901 order
}

// The top-level keys a patch writes, or undefined when it writes the whole
// value (a pointer ""). `test` writes nothing. Only read for a patch the
// module accepted, so every op here is well formed.
let writtenKeys = ops => {
  let keys = new Set()
  for (let { op, path, from } of ops) {
    if (op === 'test') continue
    for (let pointer of op === 'move' ? [from, path] : [path]) {
      if (pointer === '') return undefined
      keys.add(firstToken(pointer))
    }
  }
  return keys
}

// Applies `patch` to the store's current value, in one batch, all or nothing.
// A map gets one setKey per top-level key the patch writes (its listeners
// hear changedKey when there is one); a patch that writes the whole value,
// and any atom, get one set(). A patch of only `test` operations writes nothing.
export async function applyPatch(store, patch) {
  if (!isStore(store)) {
    throw new AtollError(
      'ATOLL_NOT_A_STORE',
      `applyPatch() expects an atoll-store store, got ${describeValue(store)}`
    )
  }
  assertWritable(store, 'applyPatch')
  let label = storeLabel(store)
  // The patch is read now (a caller may reuse its array once this returns).
  let text = patchText(patch, label)
  let ops = JSON.parse(text)
  let documents = await documentModule()

  // From here on nothing awaits: the store cannot change between the read
  // and the write.
  let out = documents.applyPatch(toJSONText(store.value, label), text)
  if (out.status) {
    let op = ops[out.op]
    let which = out.op < 0 ? '' : `op ${out.op}${op && typeof op.op === 'string' ? ` (${op.op})` : ''}: `
    let code = out.status === TEST_FAILED ? 'ATOLL_PATCH_TEST_FAILED' : 'ATOLL_BAD_PATCH'
    throw Object.assign(badPatch(label, which + out.text, code), out.op < 0 ? {} : { op: out.op })
  }
  // JSON.parse makes every key an own property, "__proto__" included.
  let value = JSON.parse(out.text)
  // Each value the patch brought was checked; what is left is a result
  // nested too deep to be written again.
  let where = unserializable(value)
  if (where) throw badPatch(label, `the patched value cannot be written as JSON: ${where}`)

  let keys = writtenKeys(ops)
  if (!isMap(store)) {
    if (!keys || keys.size) store.set(value)
  } else if (!keys) {
    if (!isPlainObject(value)) {
      let why = `the store is a map, and the patch makes it ${describeValue(value)}`
      throw badPatch(label, why, 'ATOLL_NOT_PLAIN_OBJECT')
    }
    store.set(value)
  } else {
    let writes = [...keys].map(key => [key, Object.hasOwn(value, key) ? value[key] : undefined])
    // One write keeps its changedKey for listeners; several notify once.
    if (writes.length === 1) store.setKey(...writes[0])
    else if (writes.length) batch(() => writes.forEach(([key, item]) => store.setKey(key, item)))
  }
}
