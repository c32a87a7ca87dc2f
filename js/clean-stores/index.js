// cleanStores(): resets stores between tests. Each store keeps its own reset
// under the `clean` symbol; the symbol is global so copies of the package
// clean each other's stores.
import { cleanTasks } from '../task/index.js'

export const clean = Symbol.for('atoll-store.clean')

export let cleanStores = (...stores) => {
  if (globalThis.process && process.env && process.env.NODE_ENV === 'production') {
    throw new Error('cleanStores() can be used only during development or tests')
  }
  cleanTasks()
  for (let store of stores) {
    if (!store) continue
    if (store.mocked) delete store.mocked
    if (store[clean]) store[clean]()
  }
}
