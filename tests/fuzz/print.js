// A program as readable JS-like code, for failure reports. Not meant to be
// run as is: `log`, `advance`, `copyOf` and the compute helpers stand for
// what run.js does (record an event, move fake time, copy a value).
import { printLiteral, printValue } from './values.js'

const EQ_CODE = {
  is: 'Object.is',
  never: '() => false',
  loose: '(a, b) => a == b',
  json: '(a, b) => JSON.stringify(a) === JSON.stringify(b)',
  record: '(a, b, key) => (log(a, b, key), Object.is(a, b))'
}

export function printProgram(program) {
  let lines = []
  let emit = (depth, text) => lines.push('  '.repeat(depth) + text)
  let $ = name => `$${name}`
  let defined = new Set() // listener functions printed so far

  let block = (depth, steps, runs, what) => {
    if (!steps || !steps.length) return
    if (runs) emit(depth, `if (++calls.${what} <= ${runs}) {`)
    for (let step of steps) print(step, depth + (runs ? 1 : 0))
    if (runs) emit(depth, '}')
  }

  let print = (step, depth) => {
    let s = $(step.store)
    switch (step.op) {
      case 'atom':
        return emit(depth, `let ${$(step.name)} = atom(${printValue(step.init)})`)
      case 'map':
      case 'deepMap':
        return emit(depth, `let ${$(step.name)} = ${step.op}(${printLiteral(step.init)})`)
      case 'computed': {
        let deps =
          step.deps.length === 1 && !step.array ? $(step.deps[0]) : `[${step.deps.map($).join(', ')}]`
        let fn = step.batched ? 'batched' : 'computed'
        return emit(
          depth,
          `let ${$(step.name)} = ${fn}(${deps}, (...v) => (log('fn ${step.name}', v), ${step.fn}(v)))`
        )
      }
      case 'set':
        return emit(depth, `${s}.set(${printValue(step.value, `${s}.value`)})`)
      case 'setKey':
        return emit(
          depth,
          `${s}.setKey(${JSON.stringify(step.key)}, ${printValue(step.value, `${s}.value[${JSON.stringify(step.key)}]`)})`
        )
      case 'notify':
        return emit(depth, `${s}.notify()`)
      case 'get':
        return emit(depth, `log(${s}.get())`)
      case 'peek':
        return emit(depth, `log(${s}.value, ${s}.lc)`)
      case 'listen': {
        let call =
          step.how === 'listen' || step.how === 'subscribe'
            ? `${s}.${step.how}(`
            : `${step.how}(${s}, ${JSON.stringify(step.keys)}, `
        // run.js reuses a function defined earlier; the first use defines it
        // (with no body if shrinking removed its original definition).
        let again = defined.has(step.fn)
        defined.add(step.fn)
        if (again) return emit(depth, `let ${step.id} = ${call}${step.fn}) // the same function again`)
        if (!step.body || !step.body.length)
          return emit(depth, `let ${step.id} = ${call}${step.fn} = (...args) => log('${step.fn}', args))`)
        emit(depth, `let ${step.id} = ${call}${step.fn} = (...args) => {`)
        emit(depth + 1, `log('${step.fn}', args)`)
        block(depth + 1, step.body, step.runs, step.fn)
        return emit(depth, '})')
      }
      case 'unbind':
        return emit(depth, `${step.id}()`)
      case 'batch':
        emit(depth, 'batch(() => {')
        block(depth + 1, step.body)
        return emit(depth, '})')
      case 'hook': {
        emit(depth, `let ${step.id} = ${step.kind}(${s}, event => {`)
        emit(depth + 1, `log('${step.id}', event, Object.keys(event.shared)); event.shared.${step.id} = true`)
        if (step.abort) emit(depth + 1, 'event.abort()')
        block(depth + 1, step.body, step.runs, step.id)
        if (step.destructor) emit(depth + 1, `return () => log('${step.id} unmount')`)
        return emit(depth, '})')
      }
      case 'unhook':
        return emit(depth, `${step.id}()`)
      case 'effect':
        return emit(
          depth,
          `let ${step.id} = effect([${step.stores.map($).join(', ')}], (...v) => (log('${step.id}', v), () => log('${step.id} cleanup')))`
        )
      case 'cancel':
        return emit(depth, `${step.id}()`)
      case 'advance':
        return emit(depth, `advance(${step.ms})`)
      case 'eq':
        return emit(depth, `${s}.eq = ${EQ_CODE[step.kind]}`)
      case 'eqKey':
        return emit(depth, `${s}.eqKey = ${EQ_CODE[step.kind]}`)
      case 'throw':
        return emit(depth, "throw new Error('thrown by the program')")
      default:
        return emit(depth, `/* ${JSON.stringify(step)} */`)
    }
  }

  emit(0, `// seed ${program.seed}`)
  emit(0, '// log() = a trace event; first/pack/size/sum: computed functions in run.js;')
  emit(0, '// SHARED_n: one object reused within a run; copyOf(x): a shallow copy of x')
  for (let step of program.steps) print(step, 0)
  emit(0, 'advance(10000) // at the end of every program')
  return lines.join('\n')
}
