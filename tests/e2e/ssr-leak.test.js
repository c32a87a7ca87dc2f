// Issue 11 item 2: an Astro SSR page (Node adapter, atollMiddleware) that
// writes a store while it renders, WITHOUT setServerState(), used to write the
// store every request shares: users a, b, c got `a-item`, `a-item,b-item`,
// `a-item,b-item,c-item`. Inside a request scope every write is now that
// request's own. This builds a tiny Astro app in a temp dir against the
// repo's current js/ (node_modules/atoll-store -> the repo root; the rest of
// node_modules comes from demo-site/node_modules), serves it with
// @astrojs/node standalone, and fires overlapping requests for a, b and c.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNodeForAstro, childEnv, repoRoot, siteDir } from './support/paths.js';
import { run } from './support/run.js';
import { startServer } from './support/server.js';

const FILES = {
  'package.json': JSON.stringify({ name: 'atoll-ssr-leak', private: true, type: 'module' }),
  'astro.config.mjs': `
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  vite: { optimizeDeps: { exclude: ['atoll-store', 'atoll-store/ssr'] } },
});
`,
  // What the demo does, and what the page had installed.
  'src/middleware.js': `export { atollMiddleware as onRequest } from 'atoll-store/ssr';\n`,
  'src/cartStore.js': `
import { computed, map } from 'atoll-store';
export const cartItems = map({}, { name: 'cart/items' });
export const cartCount = computed(cartItems, (items) => Object.keys(items).length);
`,
  // A component rendered after the page's frontmatter, after an await of its
  // own: it must read the same request's cart.
  'src/components/CartKeys.astro': `
---
import { cartCount, cartItems } from '../cartStore.js';
await new Promise((resolve) => setTimeout(resolve, Number(Astro.props.wait)));
const keys = Object.keys(cartItems.get()).join(',');
---
<p id="component">{keys}</p><p id="count">{cartCount.get()}</p>
`,
  // The page: writes the cart from the request, no setServerState().
  'src/pages/index.astro': `
---
import CartKeys from '../components/CartKeys.astro';
import { cartItems } from '../cartStore.js';
const user = Astro.url.searchParams.get('user') ?? 'nobody';
const wait = Number(Astro.url.searchParams.get('wait') ?? 0);
await new Promise((resolve) => setTimeout(resolve, wait));
cartItems.setKey(user + '-item', { id: user + '-item', quantity: 1 });
await new Promise((resolve) => setTimeout(resolve, wait));
const keys = Object.keys(cartItems.get()).join(',');
---
<html><head><title>cart</title></head><body>
<p id="page">{keys}</p>
<CartKeys wait={wait} />
</body></html>
`,
  // startServer() runs `node server.mjs`; the standalone entry listens on HOST/PORT.
  'server.mjs': `import './dist/server/entry.mjs';\n`,
};

describe('a page that writes a store without setServerState (Astro SSR, @astrojs/node)', { timeout: 90_000 }, () => {
  let work;
  let server;

  before(async () => {
    assertNodeForAstro();
    work = mkdtempSync(join(tmpdir(), 'atoll-ssr-leak-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    // The demo's installed packages, but atoll-store is this repo (its js/ as it is now).
    const modules = join(work, 'node_modules');
    mkdirSync(modules);
    for (const name of readdirSync(join(siteDir, 'node_modules'))) {
      if (name.startsWith('.') || name === 'atoll-store') continue;
      symlinkSync(join(siteDir, 'node_modules', name), join(modules, name));
    }
    symlinkSync(repoRoot, join(modules, 'atoll-store'), 'dir');
    await run(process.execPath, [join(modules, 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: work,
      env: childEnv(),
      timeoutMs: 60_000,
    });
    server = await startServer({ cwd: work, mode: 'start', timeoutMs: 20_000 });
  });

  after(async () => {
    if (server) await server.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const render = async (user, wait) => {
    const res = await fetch(new URL(`/?user=${user}&wait=${wait}`, server.url));
    assert.equal(res.status, 200);
    return res.text();
  };
  const expectOwn = (html, user) => {
    const item = `${user}-item`;
    assert.match(html, new RegExp(`<p id="page">${item}</p>`), `the page of ${user}:\n${html}`);
    assert.match(
      html,
      new RegExp(`<p id="component">${item}</p><p id="count">1</p>`),
      `the component of ${user}:\n${html}`,
    );
    for (const other of ['a', 'b', 'c', 'nobody']) {
      if (other !== user) assert.doesNotMatch(html, new RegExp(`${other}-item`), `${user} saw ${other}'s cart`);
    }
  };

  it('one request after another: each user sees only their own item (the report)', async () => {
    for (const user of ['a', 'b', 'c']) expectOwn(await render(user, 0), user);
  });

  it('overlapping requests for a, b, c, several rounds: each response holds only its own item', async () => {
    // Waits chosen so that requests interleave at both awaits of the page and
    // the component's, and rounds overlap (a round starts every 15 ms).
    const waits = [30, 5, 15, 0, 25, 10];
    const requests = [];
    for (let round = 0; round < 6; round++) {
      ['a', 'b', 'c'].forEach((user, i) => {
        const wait = waits[(round + i * 2) % waits.length];
        requests.push(render(user, wait).then((html) => ({ user, html })));
      });
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const responses = await Promise.all(requests);
    assert.equal(responses.length, 18);
    for (const { user, html } of responses) expectOwn(html, user);
  });

  it('the server wrote no store outside a request scope (no shared-write warning)', () => {
    assert.doesNotMatch(server.output(), /outside a request scope/);
  });
});
