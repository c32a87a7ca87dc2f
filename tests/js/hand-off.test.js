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
