// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import react from '@astrojs/react';
import solid from '@astrojs/solid-js';
import svelte from '@astrojs/svelte';
import vue from '@astrojs/vue';

// Each JSX framework must be told which files are its own, or the build fails
// (three integrations would all claim every .jsx file).
export default defineConfig({
  integrations: [
    react({ include: ['**/react/*'] }),
    preact({ include: ['**/preact/*'] }),
    solid({ include: ['**/solid/*'] }),
    svelte(),
    vue(),
  ],
  server: {
    // `PORT=5000 npm run dev` / `npm run preview`; 4321 otherwise.
    port: Number(process.env.PORT) || 4321,
  },
  vite: {
    optimizeDeps: {
      // Older Vite (Astro 5/6) prebundles dependencies, which loses the
      // package's .wasm and rejects its top-level await. Harmless on Vite 8.
      exclude: [
        'atoll-store',
        'atoll-store/react',
        'atoll-store/preact',
        'atoll-store/vue',
        'atoll-store/svelte',
        'atoll-store/solid',
      ],
    },
  },
});
