// Each framework's server renderer, through Atoll's adapter, renders the
// request's state, while another request renders its own at the same time.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as delay } from 'node:timers/promises'
import { atom, map } from 'atoll-store'
import { runWithState, setServerState } from 'atoll-store/ssr'

const cart = map({}, { name: 'ssr-fw/cart' })
const isOpen = atom(false, { name: 'ssr-fw/open' })
cart.setKey('shared', { name: 'Shared', quantity: 9 })

let label = (items, open) =>
  `${open ? 'open' : 'closed'}: ${Object.values(items)
    .map(item => `${item.name} x${item.quantity}`)
    .join(', ')}`

// Two overlapping requests (the second starts while the first waits), each
// rendering with `render` after its own setServerState.
async function twoRequests(render) {
  let request = (name, quantity, open, wait) =>
    runWithState(async () => {
      setServerState(cart, { [name]: { name, quantity } })
      setServerState(isOpen, open)
      await delay(wait)
      return render()
    })
  let [a, b] = await Promise.all([request('Apple', 1, true, 20), request('Pear', 2, false, 1)])
  assert.equal(cart.get().shared.quantity, 9)
  assert.equal(isOpen.get(), false)
  return [a, b]
}

let expectBoth = ([a, b]) => {
  assert.match(a, /open: Apple x1/)
  assert.doesNotMatch(a, /Pear|Shared/)
  assert.match(b, /closed: Pear x2/)
  assert.doesNotMatch(b, /Apple|Shared/)
}

test('React renderToString and renderToReadableStream with useStore', async () => {
  let { createElement } = await import('react')
  let { renderToString, renderToReadableStream } = await import('react-dom/server')
  let { useStore } = await import('atoll-store/react')
  let Cart = () => createElement('p', null, label(useStore(cart), useStore(isOpen)))
  expectBoth(await twoRequests(() => renderToString(createElement(Cart))))
  expectBoth(
    await twoRequests(async () => {
      let stream = await renderToReadableStream(createElement(Cart))
      await stream.allReady
      return new Response(stream).text()
    })
  )
})

test('Preact render-to-string with useStore', async () => {
  let { h } = await import('preact')
  let { renderToString } = await import('preact-render-to-string')
  let { useStore } = await import('atoll-store/preact')
  let Cart = () => h('p', null, label(useStore(cart), useStore(isOpen)))
  expectBoth(await twoRequests(() => renderToString(h(Cart))))
})

test('Vue server-renderer with useStore', async () => {
  let { createSSRApp, h } = await import('vue')
  let { renderToString } = await import('vue/server-renderer')
  let { useStore } = await import('atoll-store/vue')
  let Cart = {
    setup() {
      let items = useStore(cart)
      let open = useStore(isOpen)
      return () => h('p', label(items.value, open.value))
    }
  }
  expectBoth(await twoRequests(() => renderToString(createSSRApp(Cart))))
})

test('Svelte 5 server render with $store (subscribe, no adapter)', async () => {
  let { compile } = await import('svelte/compiler')
  let { render } = await import('svelte/server')
  let source = `<script>
    let { cart, isOpen, label } = $props()
  </script>
  <p>{label($cart, $isOpen)}</p>`
  let { js } = compile(source, { generate: 'server', filename: 'Cart.svelte' })
  // Load the compiled module from a data: URL; its bare imports resolved here.
  let code = js.code.replace(
    /from ['"](svelte[^'"]*)['"]/g,
    (_, spec) => `from '${import.meta.resolve(spec)}'`
  )
  let Cart = (await import(`data:text/javascript,${encodeURIComponent(code)}`)).default
  expectBoth(await twoRequests(() => render(Cart, { props: { cart, isOpen, label } }).body))
})

test('Solid server renderToString with useStore', async () => {
  let { renderToString } = await import('solid-js/web')
  let { useStore } = await import('atoll-store/solid')
  expectBoth(
    await twoRequests(() =>
      renderToString(() => {
        let items = useStore(cart)
        let open = useStore(isOpen)
        return label(items(), open())
      })
    )
  )
})
