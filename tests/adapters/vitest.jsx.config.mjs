// Tests of the JSX adapters (React, Preact, Solid), each framework rendering
// real components in jsdom (and the React ones again in happy-dom). Run from the repo root:
//   npx vitest run --config tests/adapters/vitest.jsx.config.mjs
// One project per framework, because each needs its own JSX transform:
// React and Preact use Vite's built-in (oxc) automatic runtime with their own
// importSource; Solid's JSX compiles to DOM code, so vite-plugin-solid (Babel)
// handles it, restricted to the solid folder.
import { fileURLToPath } from 'node:url'
import solid from 'vite-plugin-solid'
import { defineConfig } from 'vitest/config'

let root = fileURLToPath(new URL('../..', import.meta.url))
// React 18 lives in its own folder (tests/adapters/react18, installed by
// scripts/test.sh) so the root can stay on React 19.
let react18 = fileURLToPath(new URL('./react18/node_modules/', import.meta.url))

let shared = {
  root,
  environment: 'jsdom',
  // The adapters and the cart fixtures keep module-level state; isolate files.
  isolate: true
}

export default defineConfig({
  root,
  test: {
    projects: [
      {
        oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
        test: {
          ...shared,
          name: 'react',
          include: ['tests/adapters/react/**/*.test.{js,jsx}']
        }
      },
      {
        // The React tests again on React 18: the adapter supports both majors.
        oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18 + 'react/index.js' },
            { find: /^react\/jsx-runtime$/, replacement: react18 + 'react/jsx-runtime.js' },
            { find: /^react\/jsx-dev-runtime$/, replacement: react18 + 'react/jsx-dev-runtime.js' },
            { find: /^react-dom$/, replacement: react18 + 'react-dom/index.js' },
            { find: /^react-dom\/(client|server|test-utils)$/, replacement: react18 + 'react-dom/$1.js' }
          ]
        },
        test: {
          ...shared,
          name: 'react18',
          env: { EXPECT_REACT: '18' },
          include: ['tests/adapters/react/**/*.test.{js,jsx}'],
          // Run the adapter through Vite too, so its `react` import is aliased.
          server: { deps: { inline: [/\/js\/react\//] } }
        }
      },
      {
        // The same recipe under happy-dom, the other DOM users test islands
        // with: the package (its wasm loading included) must work there too.
        oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
        test: {
          ...shared,
          environment: 'happy-dom',
          name: 'react-happy-dom',
          include: ['tests/adapters/react/recipe.test.jsx', 'tests/adapters/react/use-store.test.jsx']
        }
      },
      {
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          ...shared,
          name: 'preact',
          include: ['tests/adapters/preact/**/*.test.{js,jsx}']
        }
      },
      {
        plugins: [solid({ include: ['**/tests/adapters/solid/**/*.{js,jsx}'] })],
        test: {
          ...shared,
          name: 'solid',
          include: ['tests/adapters/solid/**/*.test.{js,jsx}'],
          exclude: ['tests/adapters/solid/**/*.ssr.test.{js,jsx}']
        }
      },
      {
        // Solid compiles JSX differently for the server: its own project, in
        // Node, where solid-js resolves to its server build (as in Astro SSR).
        plugins: [solid({ include: ['**/tests/adapters/solid/**/*.{js,jsx}'], ssr: true })],
        test: {
          ...shared,
          environment: 'node',
          name: 'solid-ssr',
          include: ['tests/adapters/solid/**/*.ssr.test.{js,jsx}']
        }
      }
    ]
  }
})
