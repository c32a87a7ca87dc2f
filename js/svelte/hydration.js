// Svelte components that hydrate a page's HTML, for stores that persist() or
// syncTabs() changed after the page was rendered (hydration/rendered.js).
//
// The other adapters ask their framework whether a component hydrates.
// Svelte 5 keeps that to itself: its `hydrating` flag is internal, `$store`
// subscribes with nothing that says so, and Astro calls `hydrate()` with no
// mark on the page. The one public trace is `$props.id()`: a hydrating
// component gets the id the server rendered (`s1`, `<prefix>-s1`), a
// component mounted in the browser a new one (`c1`, `c2`, …). So the
// component passes its id, and a hydrating one is shown the value its HTML
// was rendered with until it has mounted, then the live value in one update.
import { onMount } from 'svelte'

import { hydrationValue } from '../hydration/rendered.js'
import { AtollError, describeValue } from '../runtime/errors.js'

// Svelte's ids for components mounted in the browser (not hydrated).
const CLIENT_ID = /^c\d+$/

// For a component that hydrates and a store whose value changed since the
// page was rendered: { kept, open, opened: Set of callbacks run on mount }.
// Else undefined: show the live value. Call during component initialisation
// (it registers an onMount).
export function hydrationGate(store, id, method) {
  if (typeof id !== 'string') {
    throw new AtollError(
      'ATOLL_NOT_AN_ID',
      `${method}() expects the component's $props.id() as its second argument, got ${describeValue(id)}`
    )
  }
  if (CLIENT_ID.test(id)) return undefined
  let kept = hydrationValue(store)
  if (!kept) return undefined
  let gate = { kept: kept.current, open: false, opened: new Set() }
  onMount(() => {
    gate.open = true
    for (let show of gate.opened) show()
    gate.opened.clear()
  })
  return gate
}
