// `npm run size`: prints the size table; `npm run size -- --write` also puts
// it into README.md (the size test checks the README shows today's numbers).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { measureSizes, readmeWithTable, ROOT, sizeTable } from './measure.js'

let table = sizeTable(await measureSizes())
console.log(table)
if (process.argv.includes('--write')) {
  let file = join(ROOT, 'README.md')
  writeFileSync(file, readmeWithTable(readFileSync(file, 'utf8'), table))
  console.log('README.md: size table written')
}
