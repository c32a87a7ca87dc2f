// Differences between atoll-store and Nano Stores that semantics.md asks for
// on purpose. Each entry is a switch the interpreter (run.js) understands;
// `--no-known` in cli.js turns them all off to see the raw divergences.
// Keep this list short and never use it to hide a bug.
export const knownDifferences = [
  {
    id: 'error-messages',
    reason: 'Atoll throws AtollError with its own codes and texts; only "threw or not" is compared.',
    hideErrorMessages: true
  },
  {
    id: 'inherited-keys',
    reason:
      "semantics.md: no map key may reach a prototype and a key not set yet is missing; Nano's `key in value` treats 'constructor'/'__proto__' as present.",
    // run.js skips setKey(k, ...) on a map when k is inherited from
    // Object.prototype and is not an own key of the current value.
    skipInheritedKeys: true
  },
  {
    id: 'missing-key-delete',
    reason:
      'semantics.md: setKey(k, undefined) on a missing key does nothing; Nano asks eqKey and, if a custom eqKey says "different", writes k: undefined.',
    // run.js skips setKey(k, undefined) on a map whose eqKey is not the
    // default when k is not an own key (with Object.is both do nothing).
    skipMissingKeyDelete: true
  },
  {
    id: 'reflexive-eq',
    reason:
      'A mounted computed re-derives when an input notifies (the core marks it stale); Nano re-reads every input after any change on the page, which only an eq that calls a value unequal to itself (() => false, NaN under ==) can tell apart. README: Differences.',
    // run.js skips the 'never' and 'loose' eq kinds.
    reflexiveEqOnly: true
  },
  {
    id: 'deepmap-object-is',
    reason:
      "deepMap's setKey compares with Object.is like atom and map (NaN over NaN is silent, 0 -> -0 writes); Nano's deepMap uses !==.",
    deepMapObjectIs: true
  },
  {
    id: 'throw-in-onstart',
    reason:
      'An onStart handler that throws leaves a Nano store marked "starting" for good (onStart never fires again); Atoll resets it.',
    noThrowInOnStart: true
  },
  {
    id: 'no-mount-in-onstop',
    reason:
      "A store mounted again by an onStop handler while its own unmount runs stays mounted in Atoll; Nano runs the new mount's destructor at once, leaving a computed with listeners but no inputs.",
    noMountInOnStop: true
  },
  {
    id: 'silent-writes',
    reason:
      "A value written without a notification (onNotify's abort(), or an onNotify handler that throws) reaches Atoll's mounted computeds at that input's next notification; Nano re-reads inputs after any store's next change.",
    // run.js never aborts in onNotify and drops throws from onNotify bodies.
    noSilentWrites: true
  }
]
