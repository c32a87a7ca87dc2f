// React adapter: `useStore(store, { keys, ssr })` on top of useSyncExternalStore,
// the hook React provides for exactly this (external mutable sources, no
// tearing in concurrent rendering, a separate snapshot for server/hydration).
import { listenKeys } from 'atoll-store'
import { useCallback, useRef, useState, useSyncExternalStore } from 'react'

import { hydrationValue } from '../hydration/rendered.js'
import { assertStore } from '../runtime/errors.js'

export function useStore(store, { keys, ssr } = {}) {
  // A mistyped import gives `undefined`: say so here, not deep inside React.
  assertStore(store, 'useStore')
  // The snapshot React compares with Object.is. It is refreshed on every render
  // and by our listener, and nowhere else: getSnapshot must return the same
  // reference until something relevant changed, or React loops. With `keys`,
  // a change of another key leaves the snapshot alone, so React skips the
  // re-render; the next render picks up the full current value anyway.
  let snapshot = useRef()
  snapshot.current = store.get()

  // Re-subscribe only when the store or the watched keys change (keys arrays are
  // usually written inline, so compare them by content, not identity).
  let keysId = keys && keys.length > 0 ? keys.join('\u0000') : ''
  let subscribe = useCallback(
    onStoreChange => {
      let update = value => {
        if (value === snapshot.current) return
        snapshot.current = value
        onStoreChange()
      }
      let unbind = keysId ? listenKeys(store, keys, update) : store.listen(update)
      // The store may have changed between render and subscribe (React
      // subscribes in an effect). We read it after listening: the store is
      // mounted now, so get() is the live value.
      update(store.get())
      return unbind
    },
    // `keys` is represented by keysId.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, keysId]
  )

  let getSnapshot = () => snapshot.current

  // Server snapshot: what renderToString renders, and what React renders while
  // hydrating (only then, on the client), so the first client render matches
  // the HTML; right after hydration React compares it with getSnapshot and
  // renders again if the live value differs. By default it is the value the
  // page was rendered with: for a store that persist() or syncTabs() changed
  // after the page loaded, the value from before (hydration/rendered.js);
  // else the live value (on the server, the request's). React requires it to
  // be stable across calls, so a value computed from `ssr` is kept for the
  // component's lifetime. (hydrationValue gives a { current } box, like the ref.)
  let [serverValue] = useState(() => serverSnapshot(store, ssr))
  let getServerSnapshot = ssr ? () => serverValue : () => (hydrationValue(store) || snapshot).current

  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot)
}

// `ssr` as in @nanostores/react: 'initial' (store.init), or a function that
// returns the server value; any other truthy value is the server value itself.
function serverSnapshot(store, ssr) {
  if (!ssr) return undefined
  if (ssr === 'initial') return store.init
  if (typeof ssr === 'function') return ssr()
  return ssr
}
