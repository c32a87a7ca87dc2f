// Value specs: how a program describes a value it writes. A spec is plain
// data (so programs can be printed, shrunk and compared), and is turned into
// a real value at the moment the step runs, once per library.
//   { t: 'lit', v }       a JSON literal (number, string, boolean, null)
//   { t: 'nan' } { t: 'negzero' } { t: 'undef' }
//   { t: 'obj', v }       a NEW object/array with this JSON content, each time
//   { t: 'same' }         the target's current value (an equal write)
//   { t: 'copy' }         a shallow copy of the target's current value
//   { t: 'shared', i }    one object per program run, the same reference each time
export function makeValue(spec, current, run) {
  switch (spec.t) {
    case 'lit':
      return spec.v
    case 'nan':
      return NaN
    case 'negzero':
      return -0
    case 'undef':
      return undefined
    case 'obj':
      return JSON.parse(JSON.stringify(spec.v))
    case 'same':
      return current
    case 'copy':
      if (Array.isArray(current)) return [...current]
      if (current && typeof current === 'object') return { ...current }
      return current
    case 'shared':
      if (!run.shared[spec.i]) run.shared[spec.i] = { shared: spec.i }
      return run.shared[spec.i]
    default:
      throw new Error(`unknown value spec ${spec.t}`)
  }
}

// `target` is the JS expression for the current value ('$s0.value').
export function printValue(spec, target) {
  switch (spec.t) {
    case 'lit':
      return JSON.stringify(spec.v)
    case 'nan':
      return 'NaN'
    case 'negzero':
      return '-0'
    case 'undef':
      return 'undefined'
    case 'obj':
      return printLiteral(spec.v)
    case 'same':
      return target
    case 'copy':
      return `copyOf(${target})`
    case 'shared':
      return `SHARED_${spec.i}`
    default:
      return `?${spec.t}`
  }
}

let identifier = /^[A-Za-z_$][\w$]*$/
export function printLiteral(value) {
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`
  if (value && typeof value === 'object') {
    let entries = Object.keys(value).map(key => {
      let name = identifier.test(key) && key !== '__proto__' ? key : `[${JSON.stringify(key)}]`
      return `${name}: ${printLiteral(value[key])}`
    })
    return entries.length ? `{ ${entries.join(', ')} }` : '{}'
  }
  return JSON.stringify(value)
}
