// Runs seeds, shrinks every divergent program and groups the results by
// likely cause (classify.js). Shared by cli.js and tests/js/differential.test.js.
import { compareProgram } from './compare.js'
import { generate } from './generate.js'
import { shrink } from './shrink.js'
import { knownDifferences } from './known-differences.js'
import { classify } from './classify.js'

let size = program => JSON.stringify(program).length

// `libs`: { reference, candidate } for compareProgram (default: the real two).
export function checkSeeds({
  from = 1,
  seeds = 100,
  known = knownDifferences,
  libs = {},
  shrinkBudget = 3000,
  maxShrinks = Infinity,
  onFailure
} = {}) {
  let groups = new Map() // category -> { count, seeds, signatures: Map, smallest }
  let failures = 0
  let shrunk = 0
  for (let seed = from; seed < from + seeds; seed++) {
    let program = generate(seed)
    let result = compareProgram(program, { known, ...libs })
    if (result.same) continue
    failures++
    let small = program
    if (shrunk < maxShrinks) {
      shrunk++
      small = shrink(
        program,
        next => {
          let r = compareProgram(next, { known, ...libs })
          return !r.same && r.signature === result.signature
        },
        { budget: shrinkBudget }
      )
    }
    let smallResult = compareProgram(small, { known, ...libs })
    let category = classify(small, smallResult)
    let group = groups.get(category)
    if (!group) groups.set(category, (group = { count: 0, seeds: [], signatures: new Map(), smallest: null }))
    group.count++
    group.seeds.push(seed)
    group.signatures.set(result.signature, (group.signatures.get(result.signature) || 0) + 1)
    if (!group.smallest || size(small) < size(group.smallest.program)) {
      group.smallest = { program: small, result: smallResult }
    }
    if (onFailure) onFailure({ seed, category, program: small, result: smallResult })
  }
  return { failures, groups }
}
