// Runs one program on both libraries and compares the traces.
import { knownDifferences } from './known-differences.js'
import { features, libraries } from './libraries.js'
import { runProgram } from './run.js'
import { printProgram } from './print.js'

// What kind of event a trace line is, without its values: two divergences
// whose first differing lines have the same kinds are "the same problem" to
// the shrinker.
export function eventKind(line) {
  if (line === undefined) return 'nothing'
  let m
  if ((m = /^> \d+ (\w+)/.exec(line))) return `step ${m[1]}`
  if (line.startsWith('> end')) return 'end'
  if (/^F\d+\(/.test(line)) return 'listener call'
  if (line.startsWith('fn ')) return 'computed fn'
  if (line.startsWith('get ')) return 'get'
  if (line.startsWith('peek ')) return 'peek'
  if ((m = /^H\d+ (\w+)/.exec(line))) return m[1] === 'unmount' ? 'onMount destructor' : m[1]
  if (/^E\d+ effect/.test(line)) return 'effect run'
  if (/^E\d+ cleanup/.test(line)) return 'effect cleanup'
  if (line.startsWith('eqKey')) return 'eqKey call'
  if (/^step \d+ threw/.test(line)) return 'threw'
  return line.split(/[ (]/)[0]
}

// The signature of a divergence: the kinds of the first two lines that
// differ. "next step" means that side had nothing more before the next
// top-level step (the other side has an extra event). For two events of one
// kind, whether they are the same event with other values (same listener,
// store or hook) or different events (another order).
function signatureOf(a, b) {
  let kind = line => {
    let k = eventKind(line)
    return k.startsWith('step ') || k === 'end' || k === 'nothing' ? 'next step' : k
  }
  let head = line => line.split(/[(=]/)[0]
  let ka = kind(a)
  let kb = kind(b)
  if (ka !== kb) return `nano ${ka} / atoll ${kb}`
  return `${ka}: ${head(a) === head(b) ? 'other values' : 'other order'}`
}

// `reference` and `candidate` default to nanostores and atoll-store; the
// harness self-test passes copies of nanostores instead. (Results keep the
// names `nano` and `atoll` for the reference and the candidate.)
export function compareProgram(
  program,
  { known = knownDifferences, reference = libraries.nano, candidate = libraries.atoll } = {}
) {
  let options = { known, features }
  let nano = runProgram(reference, program, options)
  let atoll = runProgram(candidate, program, options)
  let index = 0
  while (index < nano.length && index < atoll.length && nano[index] === atoll[index]) index++
  if (index === nano.length && index === atoll.length) return { same: true, nano, atoll }
  let signature = signatureOf(nano[index], atoll[index])
  return { same: false, nano, atoll, index, signature }
}

// The failure report: the program as code, then both traces with the first
// differing line marked.
export function formatFailure(program, result) {
  let width = Math.max(...result.nano.map(line => line.length), 10)
  width = Math.min(width, 70)
  let rows = []
  let length = Math.max(result.nano.length, result.atoll.length)
  for (let i = 0; i < length; i++) {
    let a = result.nano[i] ?? ''
    let b = result.atoll[i] ?? ''
    let mark = i === result.index ? '>>' : a === b ? '  ' : ' *'
    rows.push(`${mark} ${String(i).padStart(3)} ${a.padEnd(width)} | ${b}`)
  }
  return [
    `divergence ${result.signature}`,
    '',
    printProgram(program),
    '',
    '>> first difference, * other differing lines',
    `   ${'#'.padStart(3)} ${'nanostores'.padEnd(width)} | atoll-store`,
    ...rows
  ].join('\n')
}
