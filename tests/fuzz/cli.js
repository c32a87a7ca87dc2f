// npm run fuzz -- --seeds N [--from S] [--verbose] [--no-known] [--no-shrink]
//                 [--seed S [--no-shrink]]  (one seed: its program and both traces)
// Runs generated programs on atoll-store and nanostores, shrinks each
// divergent one, names its likely cause (classify.js) and prints one
// minimal example per cause.
// Exits 1 when anything diverged.
import { checkSeeds } from './check.js'
import { compareProgram, formatFailure } from './compare.js'
import { generate } from './generate.js'
import { knownDifferences } from './known-differences.js'
import { printProgram } from './print.js'
import { shrink } from './shrink.js'

let argv = process.argv.slice(2)
let flag = name => argv.includes(name)
let option = (name, fallback) => {
  let i = argv.indexOf(name)
  return i >= 0 ? Number(argv[i + 1]) : fallback
}

let known = flag('--no-known') ? [] : knownDifferences
let verbose = flag('--verbose')

if (argv.includes('--seed')) {
  let program = generate(option('--seed'))
  let result = compareProgram(program, { known })
  if (!result.same && !flag('--no-shrink')) {
    program = shrink(program, next => {
      let r = compareProgram(next, { known })
      return !r.same && r.signature === result.signature
    })
    result = compareProgram(program, { known })
  }
  if (result.same) {
    console.log(printProgram(program))
    console.log('\n' + result.nano.join('\n'))
    console.log('\nsame trace on both libraries')
  } else {
    console.log(formatFailure(program, result))
  }
  process.exit(result.same ? 0 : 1)
}

let from = option('--from', 1)
let seeds = option('--seeds', 200)
let started = Date.now()
let { failures, groups } = checkSeeds({
  from,
  seeds,
  known,
  maxShrinks: flag('--no-shrink') ? 0 : Infinity,
  onFailure: verbose
    ? ({ seed, category, program, result }) =>
        console.log(`\n=== seed ${seed}: ${category}\n${formatFailure(program, result)}`)
    : undefined
})

let sorted = [...groups].sort((a, b) => b[1].count - a[1].count)
console.log(
  `\n${seeds} seeds from ${from}: ${failures} diverged, ${groups.size} kinds of divergence, ${Date.now() - started} ms`
)
if (known.length) console.log(`known differences filtered: ${known.map(k => k.id).join(', ')}`)
for (let [category, group] of sorted) {
  console.log(
    `\n##### ${group.count} x ${category}   (seeds ${group.seeds.slice(0, 8).join(', ')}${group.seeds.length > 8 ? ', ...' : ''})`
  )
  for (let [signature, count] of [...group.signatures].sort((a, b) => b[1] - a[1]))
    console.log(`  ${count} x ${signature}`)
  console.log('\n' + formatFailure(group.smallest.program, group.smallest.result))
}
process.exit(failures ? 1 : 0)
