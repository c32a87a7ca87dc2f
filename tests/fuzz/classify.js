// Names the likely cause of a divergence from its *shrunk* program: after
// shrinking, every feature left in the program is needed to diverge, so the
// presence of a feature is good evidence. Rules run in order; the first
// match wins. Only for reports: a wrong label never hides a failure.

// Every step with its context: inside a batch body, inside a listener or hook
// body (at any depth).
function walk(steps, context = { inBatch: false, inListener: false }, out = []) {
  for (let step of steps) {
    out.push({ step, ...context })
    if (!step.body) continue
    let inner = { ...context }
    if (step.op === 'batch') inner.inBatch = true
    if (step.op === 'listen' || step.op === 'hook') inner = { inBatch: false, inListener: true }
    walk(step.body, inner, out)
  }
  return out
}

const RULES = [
  {
    name: 'numeric map key: changedKey (and listenKeys matching) turns 1 into "1"',
    test: ({ all }) =>
      all.some(
        ({ step }) =>
          (step.op === 'setKey' && typeof step.key === 'number') ||
          (step.keys && step.keys.some(k => typeof k === 'number'))
      )
  },
  // Only seen with --no-known (see known-differences.js).
  {
    name: 'known difference: a key inherited from Object.prototype, or deleting a missing key under a custom eqKey',
    test: ({ all }) =>
      all.some(
        ({ step }) => step.op === 'setKey' && (step.key === 'constructor' || step.key === '__proto__')
      ) ||
      (all.some(({ step }) => step.op === 'eqKey' && step.kind !== 'is') &&
        all.some(({ step }) => step.op === 'setKey' && step.value && step.value.t === 'undef'))
  },
  {
    name: 'eqKey: when it is asked and with which arguments (key, undefined for a missing key)',
    test: ({ signature }) => signature.includes('eqKey')
  },
  {
    name: 'batched(): value read before its setTimeout(0) recompute / recompute timing',
    test: ({ all }) => all.some(({ step }) => step.op === 'computed' && step.batched)
  },
  {
    name: 'listener or effect added inside a batch hears the batch',
    test: ({ all }) =>
      all.some(({ step, inBatch }) => inBatch && (step.op === 'listen' || step.op === 'effect'))
  },
  {
    name: 'batch() inside a listener (Nano drains the queue at its end)',
    test: ({ all }) => all.some(({ step, inListener }) => inListener && step.op === 'batch')
  },
  {
    name: 'onNotify oldValue/changed inside a batch',
    test: ({ all, signature }) =>
      signature.includes('onNotify') &&
      all.some(({ step }) => step.op === 'batch') &&
      all.some(({ step }) => step.kind === 'onNotify')
  },
  {
    name: 'writes by listeners while a batch flushes',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'batch') &&
      all.some(
        ({ step, inListener }) =>
          inListener && (step.op === 'set' || step.op === 'setKey' || step.op === 'notify')
      )
  },
  {
    name: 'listener added by a listener or hook while a batch is open (hears the batch)',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'batch') &&
      all.some(({ step, inListener }) => inListener && (step.op === 'listen' || step.op === 'effect'))
  },
  {
    name: 'same function listened twice: which occurrence unbind removes',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'listen' && !('body' in step)) &&
      all.some(({ step }) => step.op === 'unbind')
  },
  {
    name: 'lifecycle hooks around get()/mount of a computed (Nano reads sources before mounting)',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'computed') &&
      all.some(({ step }) => step.op === 'hook' && ['onStart', 'onStop', 'onMount'].includes(step.kind))
  },
  {
    name: 'deepMap setKey equality (Nano compares with !==: NaN always writes, 0 -> -0 never)',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'deepMap') &&
      all.some(
        ({ step }) =>
          step.op === 'setKey' && step.value && (step.value.t === 'nan' || step.value.t === 'negzero')
      )
  },
  {
    name: 'a lifecycle handler that throws (Nano leaves the store "starting", onStart never fires again)',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'hook' && step.body.some(inner => inner.op === 'throw'))
  },
  {
    name: 'listener added to a computed while listeners run',
    test: ({ all }) => {
      let computeds = new Set(all.filter(({ step }) => step.op === 'computed').map(({ step }) => step.name))
      return all.some(
        ({ step, inListener }) => inListener && step.op === 'listen' && computeds.has(step.store)
      )
    }
  },
  {
    name: 'computed recompute order (Nano: lazily, in listener queue order; Atoll: settles computeds first)',
    test: ({ all, signature }) =>
      all.some(({ step }) => step.op === 'computed') && signature.includes('computed fn')
  },
  {
    name: 'computed recompute skipped on remount (Nano epoch check vs a custom eq on a source)',
    test: ({ all }) =>
      all.some(({ step }) => step.op === 'computed') && all.some(({ step }) => step.op === 'eq')
  }
]

export function classify(program, result) {
  let context = { all: walk(program.steps), signature: result.signature }
  let rule = RULES.find(r => r.test(context))
  return rule ? rule.name : `unclassified (${result.signature})`
}
