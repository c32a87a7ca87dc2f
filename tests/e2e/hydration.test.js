// Hydration with persisted state (issue 11, item 1). A static Astro page
// (prerendered, no adapter) is built once, with every store at its initial
// value. After a visitor adds items and reloads, persist() restores the cart
// before any island hydrates, so the stores no longer hold what the HTML
// shows. Every framework must still hydrate without a mismatch (React's
// minified error #418, Vue's "Hydration completed but contains mismatches",
// Svelte's and Solid's hydration warnings) and then show the restored cart:
// an island hydrates with the value the HTML was rendered with and takes the
// live value in one update right after. An island that does not hydrate
// (client:only) renders the live value at once.
//
// The site (tests/e2e/fixtures/hydration-app) is built with `astro build` in
// a temporary folder whose node_modules links every package of
// demo-site/node_modules except atoll-store, which links to this repository,
// so the adapters under test are the ones in js/. Production builds, so React
// reports the minified #418 a user would see.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, watchProblems } from './support/browser.js';
import { FRAMEWORKS } from './support/page.js';
import { assertNodeForAstro, childEnv, e2eDir, repoRoot, siteDir } from './support/paths.js';
import { run } from './support/run.js';

const FIXTURE = join(e2eDir, 'fixtures', 'hydration-app');
const ITEMS = FRAMEWORKS.length; // one "add" click per hydrated island
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serves the built site from `root` on a free port of 127.0.0.1. */
function serveStatic(root) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

/** The temporary site: the fixture, and node_modules linked package by package. */
function makeSite() {
  const app = mkdtempSync(join(tmpdir(), 'atoll-hydration-app-'));
  cpSync(FIXTURE, app, { recursive: true });
  const modules = join(app, 'node_modules');
  mkdirSync(modules);
  const demoModules = join(siteDir, 'node_modules');
  if (!existsSync(join(demoModules, 'astro', 'package.json'))) {
    throw new Error(`${demoModules} has no astro: run \`npm ci\` in demo-site first`);
  }
  for (const name of readdirSync(demoModules)) {
    if (name === 'atoll-store') continue;
    symlinkSync(join(demoModules, name), join(modules, name), 'dir');
  }
  symlinkSync(repoRoot, join(modules, 'atoll-store'), 'dir');
  return app;
}

/** Resolves once every <astro-island> of the page has hydrated (lost its `ssr` attribute). */
function waitForIslands(page) {
  return page.waitForFunction(
    () => {
      const islands = document.querySelectorAll('astro-island');
      return islands.length === 10 && [...islands].every((el) => !el.hasAttribute('ssr'));
    },
    null,
    { timeout: 30_000 },
  );
}

/** What each island shows: { 'react:hydrated': { count, attr, note, keys, empty }, ... }. */
function readIslands(page) {
  return page.evaluate(() => {
    const shown = {};
    for (const section of document.querySelectorAll('section[data-fw]')) {
      shown[`${section.dataset.fw}:${section.dataset.mode}`] = {
        count: section.querySelector('.count')?.textContent.trim(),
        attr: section.dataset.count,
        note: section.querySelector('.note')?.textContent.trim(),
        keys: [...section.querySelectorAll('li[data-key]')].map((li) => li.textContent.trim()),
        empty: !!section.querySelector('.empty'),
      };
    }
    return shown;
  });
}

function expectedIslands(items, noteValue) {
  const view = {
    count: String(items.length),
    attr: String(items.length),
    note: noteValue,
    keys: items,
    empty: items.length === 0,
  };
  const all = {};
  for (const mode of ['hydrated', 'only']) for (const fw of FRAMEWORKS) all[`${fw}:${mode}`] = view;
  return all;
}

/** Polls until every island shows `expected` (islands re-render asynchronously). */
async function expectIslands(page, expected, what, problems = [], timeout = 3000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const actual = await readIslands(page);
    try {
      assert.deepStrictEqual(actual, expected);
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        const seen = problems.length ? `\nproblems on the page:\n  ${problems.join('\n  ')}` : '';
        err.message = `${what}: the islands disagree with the cart${seen}\n${err.message}`;
        throw err;
      }
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('hydration with persisted state on a static Astro page', { timeout: 180_000 }, () => {
  let app;
  let server;
  let browser;

  before(async () => {
    assertNodeForAstro();
    app = makeSite();
    const started = Date.now();
    await run(process.execPath, [join(app, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: app,
      env: childEnv({ NODE_ENV: 'production' }),
      timeoutMs: 120_000,
    });
    console.log(`astro build in ${Date.now() - started} ms`);
    server = await serveStatic(join(app, 'dist'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('every island hydrates without a mismatch and then shows the restored cart', async () => {
    const html = readFileSync(join(app, 'dist', 'index.html'), 'utf8');
    assert.match(html, /<astro-island[^>]*ssr/, 'the page is prerendered with hydrating islands');

    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page, { warnings: true });

    // First visit: nothing saved, the stores hold what the HTML shows.
    await page.goto(server.url);
    await waitForIslands(page);
    await expectIslands(page, expectedIslands([], 'none'), 'first visit');
    assert.deepEqual(problems, [], 'first visit');

    // Add one item through each hydrated island; every island follows.
    const items = [];
    for (const fw of FRAMEWORKS) {
      await page.click(`section[data-fw="${fw}"][data-mode="hydrated"] .add`);
      items.push(`${fw}-${items.length + 1}=${items.length + 1}`);
      await expectIslands(page, expectedIslands(items, `last: ${fw}`), `after adding through ${fw}`);
    }
    const noteValue = `last: ${FRAMEWORKS.at(-1)}`;
    assert.deepEqual(problems, [], 'while adding items');

    // Reload (same context: localStorage keeps the cart). The HTML still shows
    // an empty cart; persist() restores the saved one before hydration.
    await page.reload();
    await waitForIslands(page);
    await expectIslands(
      page,
      expectedIslands(items, noteValue),
      'right after hydration of the reloaded page',
      problems,
    );
    // A moment for late reports (React reports recoverable errors after commit).
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(problems, [], 'hydrating the reloaded page: no mismatch, no warning');

    // How each island got there: a hydrating island rendered the HTML's value
    // first (nothing else adopts the HTML without a mismatch: React throws,
    // Vue warns, Preact keeps the HTML's attributes, Solid the whole HTML), a
    // client-only island rendered the restored cart at once.
    // Svelte tells no one outside it that a component hydrates: its island
    // reads the stores through rendered(store, $props.id()), whose id says
    // it (a hydrating component gets the server's id).
    const renders = await page.evaluate(() => window.__renders);
    const first = Object.fromEntries(Object.entries(renders).map(([id, list]) => [id, list[0]]));
    const expectedFirst = {};
    for (const fw of FRAMEWORKS) {
      expectedFirst[`${fw}:hydrated`] = { count: 0, note: 'none' };
      expectedFirst[`${fw}:only`] = { count: ITEMS, note: noteValue };
    }
    assert.deepEqual(first, expectedFirst, 'the first render of each island');
    const last = Object.fromEntries(Object.entries(renders).map(([id, list]) => [id, list.at(-1)]));
    assert.deepEqual(
      last,
      Object.fromEntries(Object.keys(expectedFirst).map((id) => [id, { count: ITEMS, note: noteValue }])),
      'the last render of each island',
    );

    // Still live after hydration: one more item through each framework.
    for (const fw of FRAMEWORKS) {
      await page.click(`section[data-fw="${fw}"][data-mode="hydrated"] .add`);
      items.push(`${fw}-${items.length + 1}=${items.length + 1}`);
      await expectIslands(page, expectedIslands(items, `last: ${fw}`), `after the reload, adding through ${fw}`);
    }
    assert.deepEqual(problems, [], 'after the reload');
    await context.close();
  });
});
