// Size budgets in gzipped bytes (see measure.js for how they are measured).
// `npm test` fails when an entry grows past its budget; raise one only with
// the reason in the commit. The core's is issue 10's: 10 KB, aiming at 7 KB.
export const BUDGETS = {
  core: 10 * 1024,
  all: 12288,
  react: 420,
  preact: 410,
  vue: 370,
  solid: 440,
  svelte: 230,
  persistent: 2400,
  sync: 3400,
  snapshot: 2300,
  undo: 1350,
  logger: 1450,
  ssr: 2600,
  document: 12288
}
