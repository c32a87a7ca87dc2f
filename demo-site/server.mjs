// The storefront's production server: `npm run build && npm start`
// (PORT, default 4321; HOST, default 127.0.0.1: set HOST=0.0.0.0 to listen on
// every interface, e.g. in a container behind a proxy or CDN).
//
// `astro preview` and the adapter's own `node dist/server/entry.mjs` send
// every byte uncompressed. Here, in front of the same Astro handler:
// - files of dist/client/ come from sirv, which picks the .br or .gz copy
//   written at build time (scripts/precompress.mjs) by the browser's
//   Accept-Encoding, with the right Content-Type (application/wasm for .wasm);
// - everything else (the page, rendered per request from the cart cookie) is
//   compressed on the fly by `compression` (brotli or gzip, negotiated).
// - the storefront's response names the store chunk (the store modules every
//   island imports, with the wasm core inlined: astro.config.mjs groups
//   them) in a `Link: rel=modulepreload` header, so the browser fetches it
//   with the page instead of after the first island's chunk that imports it.
// Caching: Astro's hashed /_astro/ files never change under their name, so
// they are cached for a year as immutable; other files (public/, whose names
// do not change with their content) are revalidated by ETag on every use; the
// page is private to the visitor (it shows their cart) and never shared.
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';
import { attach, createSyncServer, publish, stopSyncServer } from './sync/hocuspocus.mjs';

const port = Number(process.env.PORT) || 4321;
const host = process.env.HOST || '127.0.0.1';
const entry = new URL('./dist/server/entry.mjs', import.meta.url);
const client = fileURLToPath(new URL('./dist/client/', import.meta.url));
if (!existsSync(entry)) throw new Error(`${fileURLToPath(entry)} is missing: run \`npm run build\` first`);

// The @astrojs/node standalone entry would start its own (uncompressed)
// server on import; this server listens instead and uses its handler.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler: astro } = await import(entry.href);

const compress = compression({ threshold: 1024 });
const files = sirv(client, {
  brotli: true,
  gzip: true,
  etag: true,
  extensions: [], // only exact file names: every other path is Astro's
  setHeaders(res, pathname) {
    res.setHeader(
      'Cache-Control',
      pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    );
  },
});

const storeChunks = readdirSync(join(client, '_astro')).filter((name) => /^stores\.[\w-]+\.js$/.test(name));
const preload = storeChunks.map((name) => `</_astro/${name}>; rel=modulepreload`).join(', ');

const server = createServer((req, res) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  compress(req, res, () => {
    const page = () => {
      // Astro's own headers, if it sets any, replace this one.
      res.setHeader('Cache-Control', 'private, no-cache');
      // (Only the storefront's islands use it: /no-bundler loads the standalone build.)
      if (preload && req.url.split('?')[0] === '/') res.setHeader('Link', preload);
      astro(req, res);
    };
    if (req.method === 'GET' || req.method === 'HEAD') files(req, res, page);
    else page();
  });
});

// "Share this cart": the sync server (Hocuspocus) at /sync of this server,
// or, with SYNC_URLS (comma-separated ws:// addresses; DEMO_SYNC=redis in
// scripts/demo.sh), separate sync processes that the pages connect to.
let sync;
if (process.env.SYNC_URLS) {
  publish({ urls: process.env.SYNC_URLS.split(','), storage: process.env.SYNC_STORAGE || 'sqlite' });
} else {
  sync = await createSyncServer();
  attach(server, sync);
}

server.listen(port, host, () => {
  console.log(`storefront: http://${host}:${port}/ (compressed: brotli or gzip)`);
  if (sync) console.log(`sync: ws://${host}:${port}/sync (rooms in ${sync.storage})`);
});
// On the usual signals: store the rooms that changed, stop accepting
// connections, let open requests finish (at most 5 s), then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    setTimeout(() => process.exit(0), 5000).unref();
    if (sync) await stopSyncServer(sync).catch((error) => console.error('sync: stopping failed', error));
    server.close(() => process.exit(0));
  });
}
