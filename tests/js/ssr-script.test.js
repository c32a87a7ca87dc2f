// serverStateScript(): the element that carries a request's state to the
// client. Hostile strings must not break out of it, and the client runtime
// must read back exactly the values the server rendered with.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { atom, map } from 'atoll-store'
import { runWithState, serverStateScript, setServerState } from 'atoll-store/ssr'

const OPEN = '<script type="application/json" data-atoll-state>'
const HOSTILE = [
  '</script><script>alert(1)</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '<!--',
  '<!-- <script>',
  '-->',
  ']]>',
  '\u2028\u2029',
  '&lt;/script&gt; &amp; &',
  'quote " back \\ slash',
  '\u0000 nul, 😀, é'
]

let carts = {
  'ssr/hostile': HOSTILE.join(' | '),
  'ssr/hostile-map': Object.fromEntries(
    HOSTILE.map((text, i) => [text, { name: text, quantity: i, tags: [text, null, true, -1.5] }])
  ),
  'ssr/</script><!--\u2028': HOSTILE
}

let render = () =>
  runWithState(() => {
    setServerState(atom('', { name: 'ssr/hostile' }), carts['ssr/hostile'])
    setServerState(map({}, { name: 'ssr/hostile-map' }), carts['ssr/hostile-map'])
    setServerState(atom([], { name: 'ssr/</script><!--\u2028' }), carts['ssr/</script><!--\u2028'])
    return serverStateScript()
  })

test('hostile values stay inside the element and parse back exactly', () => {
  let html = render()
  assert.ok(html.startsWith(OPEN))
  assert.ok(html.endsWith('</script>'))
  let content = html.slice(OPEN.length, -'</script>'.length)
  // Nothing an HTML parser (or an old JS parser) reacts to is left.
  assert.doesNotMatch(content, /[<>&\u2028\u2029]/)
  assert.doesNotMatch(html.toLowerCase().slice(0, -'</script>'.length), /<\/script|<!--/)
  assert.deepEqual(JSON.parse(content), carts)
})

test('a request that set nothing writes nothing', () => {
  assert.equal(
    runWithState(() => serverStateScript()),
    ''
  )
})

// The client half, for real: a fresh Node process parses the page with jsdom,
// then loads the runtime, which reads the element before any store exists.
test('the client runtime reads the page back: stores start from the server state', () => {
  let page = `<!doctype html><html><head>${render()}</head><body><p>after</p></body></html>`
  let probe = `
    import { JSDOM } from 'jsdom'
    let dom = new JSDOM(${JSON.stringify(page)})
    globalThis.document = dom.window.document
    let warnings = []
    console.warn = (...args) => warnings.push(String(args[0]))
    const { atom, map } = await import('atoll-store')
    let hostile = atom('client initial', { name: 'ssr/hostile' })
    let hostileMap = map({}, { name: 'ssr/hostile-map' })
    let list = atom([], { name: 'ssr/</script><!--\\u2028' })
    console.log(JSON.stringify({
      values: { 'ssr/hostile': hostile.get(), 'ssr/hostile-map': hostileMap.get(), 'ssr/</script><!--\\u2028': list.get() },
      init: hostile.init,
      scripts: document.querySelectorAll('script').length,
      body: document.body.innerHTML,
      warnings
    }))
  `
  let out = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
      encoding: 'utf8',
      cwd: new URL('../..', import.meta.url)
    })
  )
  assert.deepEqual(out.values, carts)
  assert.equal(out.init, 'client initial')
  assert.equal(out.scripts, 1) // no second <script> was smuggled in
  assert.equal(out.body, '<p>after</p>')
  assert.deepEqual(out.warnings, [])
})
