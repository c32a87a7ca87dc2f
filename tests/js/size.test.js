// Size budgets, as Nano Stores' size-limit does it: every entry of the
// package stays under its budget (tests/size/budgets.js), and the README's
// size table is today's numbers (regenerate: `npm run size -- --write`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { measureSizes, readmeWithTable, ROOT, sizeTable } from '../size/measure.js'

let rows = await measureSizes()

test('every entry is within its size budget', () => {
  let over = rows.filter(row => !(row.atoll <= row.budget))
  assert.deepEqual(
    over.map(row => `${row.entry}: ${row.atoll} B > budget ${row.budget} B`),
    [],
    'over budget'
  )
})

test('the README shows the sizes measured now', () => {
  let readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  assert.equal(readmeWithTable(readme, sizeTable(rows)), readme, 'run `npm run size -- --write`')
})
