// The one error class of the package. Every message says what was wrong and
// where (method, store name); `code` lets programs branch without parsing text.
export class AtollError extends Error {
  constructor(code, message, options) {
    super(`atoll-store: ${message}`, options)
    this.name = 'AtollError'
    this.code = code
  }
}

// A store's name for messages: its name, or its runtime id.
export let storeLabel = store =>
  store && store.name !== undefined ? `'${store.name}'` : `#${store && store.id}`

let describe = value => {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') {
    let proto = Object.getPrototypeOf(value)
    let ctor = proto && proto.constructor && proto.constructor.name
    return ctor && ctor !== 'Object' ? `an instance of ${ctor}` : 'an object'
  }
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  // A function's source can be a whole page long and says nothing: its name does.
  if (typeof value === 'function') return value.name ? `the function ${value.name}` : 'a function'
  if (value === undefined) return 'undefined'
  if (typeof value === 'bigint') return `the BigInt ${value}n`
  if (typeof value === 'symbol') return `the symbol ${String(value)}`
  return `the ${typeof value} ${value}` // number, boolean
}

export let assertFunction = (fn, method, store) => {
  if (typeof fn !== 'function') {
    let where = store ? ` of store ${storeLabel(store)}` : ''
    throw new AtollError(
      'ATOLL_NOT_A_FUNCTION',
      `${method}()${where} expects a function, got ${describe(fn)}`
    )
  }
}

export let isPlainObject = value => {
  if (typeof value !== 'object' || value === null) return false
  let proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export let assertPlainObject = (value, method, store) => {
  if (!isPlainObject(value)) {
    let where = store ? ` of store ${storeLabel(store)}` : ''
    throw new AtollError(
      'ATOLL_NOT_PLAIN_OBJECT',
      `${method}${where} expects a plain object, got ${describe(value)}`
    )
  }
}

export { describe as describeValue }

// For the framework adapters: `useStore(undefined)` (a mistyped or circular
// import) would otherwise fail deep inside the framework with "cannot read
// properties of undefined (reading 'subscribe')", far from the cause.
// A store here is anything with get/listen/subscribe, as every Atoll store has.
export let assertStore = (value, method) => {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof value.get !== 'function' ||
    typeof value.listen !== 'function' ||
    typeof value.subscribe !== 'function'
  ) {
    throw new AtollError('ATOLL_NOT_A_STORE', `${method}() expects a store, got ${describe(value)}`)
  }
}
