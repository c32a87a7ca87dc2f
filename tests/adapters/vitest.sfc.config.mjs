// Vitest config for the single-file-component adapters (Vue, Svelte) and the
// cross-framework test. Run from the repo root:
//   npx vitest run --config tests/adapters/vitest.sfc.config.mjs
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { svelte } from '@sveltejs/vite-plugin-svelte'
import vue from '@vitejs/plugin-vue'
import { compile, compileModule } from 'svelte/compiler'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

// Svelte picks its client or its server runtime by the "browser" export
// condition, and Vitest resolves like Node (no "browser"). Send only svelte's
// own entry points to their browser files, so `mount`/`hydrate` work in jsdom
// while every other package (atoll-store included) keeps resolving as in Node.
function svelteBrowserRuntime() {
  const pkgFile = require.resolve('svelte/package.json')
  const { exports } = JSON.parse(readFileSync(pkgFile, 'utf8'))
  return {
    name: 'atoll-test:svelte-browser-runtime',
    enforce: 'pre',
    resolveId(id) {
      const match = /^svelte(\/[\w/-]+)?$/.exec(id)
      if (!match) return null
      const entry = exports['.' + (match[1] ?? '')]
      const file = typeof entry === 'string' ? entry : entry?.browser
      return file ? join(dirname(pkgFile), file) : null
    }
  }
}

// `import App from './App.svelte?server'` gives the server build of a component
// (what Astro runs in Node), next to the client build that a plain import gives,
// so one test can render on the "server" and hydrate in the DOM. The .svelte and
// .svelte.js files that a server build imports are server builds too.
function svelteServerBuild() {
  const svelteFile = /\.svelte(\.js)?$/
  return {
    name: 'atoll-test:svelte-server-build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer?.endsWith('?server') || !svelteFile.test(source)) return null
      const resolved = await this.resolve(source, importer, { skipSelf: true })
      return resolved && `${resolved.id}?server`
    },
    load(id) {
      const filename = id.replace(/\?server$/, '')
      if (filename === id || !svelteFile.test(filename)) return null
      const source = readFileSync(filename, 'utf8')
      const options = { filename, generate: 'server', dev: true }
      const build = filename.endsWith('.js') ? compileModule : compile
      return build(source, options).js
    }
  }
}

const serverBuilds = [/\?server$/]

const root = fileURLToPath(new URL('../..', import.meta.url))

// The store runtime (js/ minus the adapters under test) is loaded by Node
// itself, not through Vite, as Astro's server render loads it. Nothing about
// its wasm requires that any more: the core's wasm is inlined as hex in
// js/wasm/core-hex.js and compiled synchronously, so the runtime loads the
// same inlined by Vite (no URL to fetch). The adapters under test (js/vue/,
// js/svelte/) go through Vite, so that 'svelte/reactivity' resolves to
// Svelte's browser build.
const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const storeRuntime = new RegExp(`^${escaped}js/(?!vue/|svelte/)`)

export default defineConfig({
  root,
  plugins: [
    svelteBrowserRuntime(),
    svelteServerBuild(),
    vue(),
    // vite-plugin-svelte compiles the client builds; the server builds are ours.
    svelte({
      configFile: false,
      exclude: serverBuilds,
      experimental: { compileModule: { exclude: serverBuilds } }
    })
  ],
  test: {
    include: ['tests/adapters/{vue,svelte,cross}/**/*.test.js'],
    environment: 'jsdom',
    server: { deps: { external: [storeRuntime] } }
  }
})
