// Preact adapter: `useStore(store, { keys, ssr })` with preact/hooks only (no
// preact/compat). The component reads store.get() while rendering, so it never
// shows a stale value; the listener only asks Preact to render again.
import { listenKeys } from 'atoll-store'
import { useEffect, useRef, useState } from 'preact/hooks'

import { assertStore } from '../runtime/errors.js'

export function useStore(store, { keys, ssr } = {}) {
  // A mistyped import gives `undefined`: say so here, not deep inside Preact.
  assertStore(store, 'useStore')
  // setState with a fresh object always schedules a render. Preact already
  // coalesces state updates into one render per tick, so several store
  // changes in a row (or a batch) cost one render.
  let [, forceRender] = useState()

  // With `ssr`, the server and the hydrating client render the server value;
  // an effect (which runs only on the client, after hydration) then switches
  // to the live value.
  let [hydrated, setHydrated] = useState(!ssr)
  let [serverValue] = useState(() => serverSnapshot(store, ssr))

  let value = hydrated ? store.get() : serverValue
  // The value we rendered, for the check after subscribing.
  let rendered = useRef()
  rendered.current = value

  let keysId = keys && keys.length > 0 ? keys.join('\u0000') : ''
  useEffect(() => {
    let rerender = () => forceRender({})
    let unbind = keysId
      ? listenKeys(store, keys, rerender)
      : store.listen(rerender)
    // Effects run after paint: catch a change made between render and now.
    if (!hydrated) setHydrated(true)
    else if (rendered.current !== store.get()) rerender()
    return unbind
    // `keys` is represented by keysId; `hydrated` only matters on the first run.
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
