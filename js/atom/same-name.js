// Two modules that create one named store with different initial values are
// usually a bug (two copies of a store module out of step, or a typo'd name
// reused): the second module silently gets the first one's store. Warned
// once per name in development; values are compared as JSON, so equal
// content from two bundles (two different objects) is no clash.
let warned = new Set()

let isProduction = () => {
  try {
    return process.env.NODE_ENV === 'production'
  } catch {
    return false // a browser without a bundler has no `process`
  }
}

let asJSON = value => {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

export function warnIfInitialDiffers(store, initialValue) {
  if (isProduction() || warned.has(store.name) || Object.is(store.init, initialValue)) return
  let before = asJSON(store.init)
  let now = asJSON(initialValue)
  if (before !== undefined && before === now) return
  warned.add(store.name)
  console.warn(
    `atoll-store: store '${store.name}' was created again with another initial value ` +
      `(${now ?? String(initialValue)}; the store keeps ${before ?? String(store.init)}). ` +
      `One name is one store on a page: give the second one its own name, or create it in one module.`
  )
}
