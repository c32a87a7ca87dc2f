// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import react from '@astrojs/react';
import solid from '@astrojs/solid-js';
import svelte from '@astrojs/svelte';
import vue from '@astrojs/vue';
import syncServer from './sync/astro-integration.mjs';

// Each JSX framework must be told which files are its own, or the build fails
// (three integrations would all claim every .jsx file).
//
// The storefront page renders per request (`prerender = false` in
// src/pages/index.astro: it shows the visitor's cart from a cookie), so the
// site needs a server: the Node adapter. `npm run build && npm run preview`
// serves it, as does `node dist/server/entry.mjs`.
export default defineConfig({
  adapter: node({ mode: 'standalone' }),
  integrations: [
    react({ include: ['**/react/*'] }),
    preact({ include: ['**/preact/*'] }),
    solid({ include: ['**/solid/*'] }),
    svelte(),
    vue(),
    // "Share this cart": the Hocuspocus server at /sync of the dev server.
    syncServer(),
  ],
  server: {
    // `PORT=5000 npm run dev` / `npm run preview`; 4321 otherwise.
    port: Number(process.env.PORT) || 4321,
  },
  vite: {
    build: {
      // The store modules every island needs, in one chunk: split by what
      // imports them, they came as a dozen small files that the browser
      // finds one import level after another, six at a time over HTTP/1.1,
      // while every island waits. With them the page's own cart module
      // (src/cartStore.js and what it imports), which every island imports
      // too, and Vite's preload helper, which every dynamic import() of the
      // page's scripts (and Preact's client) imports: found one level down
      // and queued behind the island chunks, it held up those scripts by
      // 100 ms. server.mjs preloads this chunk with the page. Adapters stay
      // with their framework's chunk, and modules loaded on demand (logger,
      // document, yjs) stay apart.
      // (The page benchmark's Nano Stores copy is built from this file, with
      // nanostores and @nanostores/persistent added to the rule, so both
      // pages get the same chunking and the same preload:
      // tests/bench/page/nanoSite.js.)
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'stores',
                test: /node_modules[\\/]atoll-store[\\/]js[\\/](?!react|preact|vue|solid|svelte|logger|document|yjs)|[\\/]src[\\/](cartStore|cartCookie|products)\.js$|preload-helper/,
              },
            ],
          },
        },
      },
    },
    optimizeDeps: {
      // Prebundled at start: found later (src/cartShare.js is imported by a
      // page script), they would make Vite reload the page once in dev.
      include: ['yjs', '@hocuspocus/provider'],
      // Older Vite (Astro 5/6) prebundles dependencies, which loses the
      // package's .wasm and rejects its top-level await. Harmless on Vite 8.
      exclude: [
        'atoll-store',
        'atoll-store/react',
        'atoll-store/preact',
        'atoll-store/vue',
        'atoll-store/svelte',
        'atoll-store/solid',
        'atoll-store/persistent',
        'atoll-store/sync',
        'atoll-store/yjs',
        'atoll-store/undo',
        'atoll-store/snapshot',
        'atoll-store/logger',
        'atoll-store/ssr',
      ],
    },
  },
});
