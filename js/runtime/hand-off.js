// Server-rendered state, handed to the client inside the page as
// <script type="application/json" data-atoll-state>{"store name": value}</script>
// (written by atoll-store/ssr). Read when the runtime first loads, before any
// store exists, so named stores start from the state the server rendered and
// islands hydrate without a mismatch. JSON.parse makes every name an own
// property (even "__proto__") and the engine keeps them in a Map, so no name
// reaches a prototype.
import { isPlainObject } from './errors.js'

export let readHandOff = engine => {
  if (typeof document === 'undefined' || !document.querySelectorAll) return
  for (let element of document.querySelectorAll('script[type="application/json"][data-atoll-state]')) {
    let state
    try {
      state = JSON.parse(element.textContent)
    } catch (error) {
      console.warn('atoll-store: ignored server state that is not valid JSON', error)
      continue
    }
    // An array or a string would hand its indexes off as store names.
    if (isPlainObject(state)) engine.handOff(state)
    else console.warn('atoll-store: ignored server state that is not a {"store name": value} object')
  }
}
