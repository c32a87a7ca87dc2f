// @vitest-environment node
// What a bundler makes of the Vue adapter for production: it replaces
// `process.env.NODE_ENV` with a string (esbuild here, as Vite does), so the
// production branch of useStore is taken in browsers that have no `process`.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const entry = fileURLToPath(new URL('../../../js/vue/index.js', import.meta.url))

test('a production bundle has no `process` left in it', async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    external: ['vue'],
    define: { 'process.env.NODE_ENV': '"production"' }
  })
  const code = result.outputFiles[0].text
  expect(code).toContain('function isProduction')
  expect(code).not.toMatch(/\bprocess\b/)
})
