// Server state handed to the client in the page: named stores created after
// the runtime read it start from the server's values.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'

// A fresh process with a minimal `document` holding the hand-off elements,
// so the runtime reads them when it first loads.
let run = scripts => {
  let probe = `
    globalThis.document = { querySelectorAll: () => ${JSON.stringify(scripts)}.map(textContent => ({ textContent })) }
    let warnings = []
    console.warn = (...args) => warnings.push(String(args[0]))
    const { atom, map } = await import('atoll-store')
    const open = atom(false, { name: 'cart/open' })
    const items = map({}, { name: 'cart/items' })
    const other = atom('x', { name: 'other' })
    console.log(JSON.stringify({ open: open.get(), openInit: open.init, items: items.get(), other: other.get(), warnings }))
  `
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
      encoding: 'utf8',
      cwd: new URL('../..', import.meta.url)
    })
  )
}

test('named stores start from the handed-off state; init keeps the code value', () => {
  let out = run([JSON.stringify({ 'cart/open': true, 'cart/items': { a: { quantity: 2 } } })])
  assert.equal(out.open, true)
  assert.equal(out.openInit, false)
  assert.deepEqual(out.items, { a: { quantity: 2 } })
  assert.equal(out.other, 'x')
  assert.deepEqual(out.warnings, [])
})

test('a hand-off that is not JSON is ignored with a warning', () => {
  let out = run(['{"cart/open": tru', JSON.stringify({ 'cart/open': true })])
  assert.equal(out.open, true)
  assert.equal(out.warnings.length, 1)
  assert.match(out.warnings[0], /server state/)
})

test('a map whose handed-off value is not an object keeps its initial value', () => {
  let out = run([JSON.stringify({ 'cart/items': [1, 2] })])
  assert.deepEqual(out.items, {})
})

// Untrusted data: the page's state, names and keys alike, is data.
const PROTO_TEXT = '{"__proto__":{"polluted":1},"constructor":2,"toString":"x","hasOwnProperty":[4]}'

let probe = (scripts, body) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `globalThis.document = { querySelectorAll: () => ${JSON.stringify(scripts)}.map(textContent => ({ textContent })) }
        let warnings = []
        console.warn = (...args) => warnings.push(String(args[0]))
        const { atom, map } = await import('atoll-store')
        ${body}`
      ],
      { encoding: 'utf8', cwd: new URL('../..', import.meta.url) }
    )
  )

test('stores named __proto__, constructor, toString get their state; keys stay own keys', () => {
  let out = probe(
    [`{"__proto__":${PROTO_TEXT},"constructor":true,"toString":{"a":1}}`],
    `const proto = map({}, { name: '__proto__' })
    const ctor = atom(false, { name: 'constructor' })
    const str = map({}, { name: 'toString' })
    const other = atom('x', { name: 'hasOwnProperty' })
    console.log(JSON.stringify({
      keys: Object.keys(proto.get()),
      plain: Object.getPrototypeOf(proto.get()) === Object.prototype,
      inner: proto.get().__proto__,
      ctor: ctor.get(),
      str: str.get(),
      other: other.get(),
      polluted: 'polluted' in {},
      warnings
    }))`
  )
  assert.deepEqual(out, {
    keys: ['__proto__', 'constructor', 'toString', 'hasOwnProperty'],
    plain: true,
    inner: { polluted: 1 },
    ctor: true,
    str: { a: 1 },
    other: 'x',
    polluted: false,
    warnings: []
  })
})

test('a hand-off that is not an object (an array, a string) is ignored with a warning', () => {
  let out = probe(
    ['["a"]', '"ab"', 'null'],
    `const zero = atom('initial', { name: '0' })
    console.log(JSON.stringify({ zero: zero.get(), warnings }))`
  )
  assert.equal(out.zero, 'initial')
  assert.equal(out.warnings.length, 3)
  assert.match(out.warnings[0], /not a \{"store name": value\} object/)
})
