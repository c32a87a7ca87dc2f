// Keeps a store mounted for good (a listener that never leaves).
export let keepMount = store => {
  store.listen(() => {})
}
