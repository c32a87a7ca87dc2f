// Server-rendered state, handed to the client inside the page as
// <script type="application/json" data-atoll-state>{"store name": value}</script>
// (written by atoll-store/ssr). Read when the runtime first loads, before any
// store exists, so named stores start from the state the server rendered and
// islands hydrate without a mismatch.
export let readHandOff = engine => {
  if (typeof document === 'undefined' || !document.querySelectorAll) return
  for (let element of document.querySelectorAll('script[type="application/json"][data-atoll-state]')) {
    try {
      engine.handOff(JSON.parse(element.textContent))
    } catch (error) {
      console.warn('atoll-store: ignored server state that is not valid JSON', error)
    }
  }
}
