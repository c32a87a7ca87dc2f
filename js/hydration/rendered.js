// The value a page's HTML shows for a store, kept for hydration.
//
// A pre-rendered page shows every store as the server rendered it: with the
// server's state (atoll-store/ssr, which the runtime hands to the named store
// as its starting value) or with the initial value. persist() and syncTabs()
// then replace that value in the browser (the saved state, another tab's
// state) before the islands hydrate, or while later ones (client:visible)
// still wait. A component that renders the replaced value while hydrating
// does not match its HTML: React throws (#418), Vue warns, Preact and Solid
// keep parts of the old HTML. So, just before they first replace anything,
// persist() and syncTabs() keep the value the store has then, here, and the
// framework adapters hydrate with it and switch to the live value right
// after (see js/<framework>/index.js).
//
// The kept value is on the store object under a Symbol.for key, so every
// copy of the package on the page sees it, like the store itself. It is kept
// in the browser only: on the server (no `document`) a component renders the
// store's live value, which is the request's own state there.
const RENDERED = Symbol.for('atoll-store.rendered')

// Keeps the store's value as the one the page was rendered with, unless one
// is kept already (the first of persist()/syncTabs() to start wins: both run
// before anything replaced the value, or the kept value is older).
export function keepRendered(store) {
  if (typeof document === 'undefined' || Object.hasOwn(store, RENDERED)) return
  store[RENDERED] = { current: store.value }
}

// What a hydrating component must render instead of the live value, as
// { current }: the kept value, when the store has moved on from it. Otherwise
// undefined: the HTML was rendered with the live value as far as Atoll knows.
export function hydrationValue(store) {
  let kept = store[RENDERED]
  return kept && kept.current !== store.get() ? kept : undefined
}
