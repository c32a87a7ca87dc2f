// Delta debugging for programs: repeatedly try a smaller or simpler program
// and keep it when it still diverges *the same way* (same signature, see
// compare.js), until no single edit helps. Edits, biggest first: drop a
// chunk of steps from any list (top level or a nested body; chunk sizes
// halve down to 1), replace a batch by its body, then simplify one field.
const clone = value => JSON.parse(JSON.stringify(value))

// Paths of every step list: [] is the top level, [i, 'body', j, 'body'] a
// nested body.
function listPaths(steps, prefix = [], out = []) {
  out.push(prefix)
  steps.forEach((step, i) => {
    if (Array.isArray(step.body) && step.body.length) listPaths(step.body, [...prefix, i, 'body'], out)
  })
  return out
}
function listAt(program, path) {
  let list = program.steps
  for (let i = 0; i < path.length; i += 2) list = list[path[i]][path[i + 1]]
  return list
}

// Simpler variants of one step (each a function editing the step in place).
// `kinds`: store name -> the op that created it (a map is only ever set to
// objects, so its writes simplify to {} rather than 0).
function simplifications(step, kinds) {
  let edits = []
  let lit0 = { t: 'lit', v: 0 }
  let simplest = step.op === 'set' && kinds.get(step.store) !== 'atom' ? { t: 'obj', v: {} } : lit0
  if (step.value && JSON.stringify(step.value) !== JSON.stringify(simplest)) {
    edits.push(s => (s.value = simplest))
  }
  if (step.op === 'setKey' && step.key !== 'a') edits.push(s => (s.key = 'a'))
  if (step.keys && step.keys.some(k => k !== 'a')) edits.push(s => (s.keys = s.keys.map(() => 'a')))
  if (step.op === 'atom' && JSON.stringify(step.init) !== JSON.stringify(lit0))
    edits.push(s => (s.init = lit0))
  if ((step.op === 'map' || step.op === 'deepMap') && Object.keys(step.init).length)
    edits.push(s => (s.init = {}))
  if (step.op === 'listen') {
    if (step.how !== 'listen') edits.push(s => ((s.how = 'listen'), delete s.keys))
    if (step.runs > 1) edits.push(s => (s.runs = 1))
    if (step.keys && step.keys.length > 1) edits.push(s => s.keys.pop())
  }
  if (step.op === 'hook') {
    if (step.abort) edits.push(s => delete s.abort)
    if (step.destructor) edits.push(s => delete s.destructor)
  }
  if (step.op === 'computed') {
    if (step.deps.length > 1) step.deps.forEach((_, i) => edits.push(s => s.deps.splice(i, 1)))
    if (step.batched) edits.push(s => (s.batched = false))
    if (step.fn !== 'first') edits.push(s => (s.fn = 'first'))
  }
  if (step.op === 'effect' && step.stores.length > 1) edits.push(s => s.stores.pop())
  return edits
}

function* candidates(program) {
  let paths = listPaths(program.steps)
  let kinds = new Map(program.steps.filter(step => step.name).map(step => [step.name, step.op]))
  for (let path of paths) {
    let length = listAt(program, path).length
    for (let size = 2 ** Math.floor(Math.log2(length || 1)); size >= 1; size >>= 1) {
      for (let start = 0; start < length; start += size) {
        let next = clone(program)
        listAt(next, path).splice(start, size)
        yield next
      }
    }
  }
  for (let path of paths) {
    let list = listAt(program, path)
    for (let i = 0; i < list.length; i++) {
      if (list[i].op === 'batch') {
        let next = clone(program)
        let nextList = listAt(next, path)
        nextList.splice(i, 1, ...nextList[i].body)
        yield next
      }
      for (let edit of simplifications(list[i], kinds)) {
        let next = clone(program)
        edit(listAt(next, path)[i])
        yield next
      }
    }
  }
}

// `stillFails(program)` must be true for the starting program. Returns the
// smallest program found within `budget` tries.
export function shrink(program, stillFails, { budget = 3000 } = {}) {
  let best = clone(program)
  let tries = 0
  let improved = true
  while (improved && tries < budget) {
    improved = false
    for (let next of candidates(best)) {
      if (++tries > budget) break
      if (stillFails(next)) {
        best = next
        improved = true
        break
      }
    }
  }
  return best
}
