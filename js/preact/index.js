// Preact adapter: `useStore(store, { keys, ssr })` with preact/hooks only (no
// preact/compat). The component reads store.get() while rendering, so it never
// shows a stale value; the listener only asks Preact to render again.
import { listenKeys } from 'atoll-store'
import { options } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'

import { hydrationValue } from '../hydration/rendered.js'
import { assertStore } from '../runtime/errors.js'

// Whether the root render under way is a hydrate(). Preact tells its hooks
// only that a root render starts (options.__, `_root`: the vnode and the
// parent element) and that it is committed (options.__c, `_commit`), not
// whether it hydrates; those two mangled names are the ones @preact/signals
// and preact/hooks use. A root render into an element that holds markup but
// no Preact tree yet is taken as hydration: what hydrate() does (Astro's
// islands, server-rendered apps), while render() normally starts from an
// empty element (Astro empties a client:only island first). Re-renders of
// a mounted tree (setState, store changes) start no root render.
let hydrating = false
let previousRoot = options.__
options.__ = (vnode, parent) => {
  hydrating = !!parent && !parent.__k && !!parent.firstChild
  if (previousRoot) previousRoot(vnode, parent)
}
let previousCommit = options.__c
options.__c = (vnode, queue) => {
  hydrating = false
  if (previousCommit) previousCommit(vnode, queue)
}

export function useStore(store, { keys, ssr } = {}) {
  // A mistyped import gives `undefined`: say so here, not deep inside Preact.
  assertStore(store, 'useStore')
  // setState with a fresh object always schedules a render. Preact already
  // coalesces state updates into one render per tick, so several store
  // changes in a row (or a batch) cost one render.
  let [, forceRender] = useState()

  // The server and a hydrating component render the value the page was
  // rendered with: `ssr` if given; else, for a store that persist() or
  // syncTabs() changed after the page loaded, the value from before
  // (hydration/rendered.js). An effect (which runs only on the client, after
  // hydration) then switches to the live value. Any other first render shows
  // the live value at once.
  let [first] = useState(() =>
    ssr ? { current: serverSnapshot(store, ssr) } : hydrating && hydrationValue(store)
  )
  let [hydrated, setHydrated] = useState(!first)

  let value = hydrated ? store.get() : first.current
  // The value we rendered, for the check after subscribing.
  let rendered = useRef()
  rendered.current = value

  let keysId = keys && keys.length > 0 ? keys.join('\u0000') : ''
  useEffect(() => {
    let rerender = () => forceRender({})
    let unbind = keysId ? listenKeys(store, keys, rerender) : store.listen(rerender)
    // Effects run after paint: catch a change made between render and now.
    if (!hydrated) setHydrated(true)
    else if (rendered.current !== store.get()) rerender()
    return unbind
    // `keys` is represented by keysId; `hydrated` only matters on the first run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, keysId])

  return value
}

// `ssr` as in @nanostores/preact: 'initial' (store.init), or a function that
// returns the server value; any other truthy value is the server value itself.
function serverSnapshot(store, ssr) {
  if (!ssr) return undefined
  if (ssr === 'initial') return store.init
  if (typeof ssr === 'function') return ssr()
  return ssr
}
