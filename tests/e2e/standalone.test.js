// StackBlitz check: demo-site/ must work copied ALONE to an empty folder
// (npm install && npm run build / npm run dev), and its vendored atoll-store
// tarball must hold exactly what a fresh `npm pack` of this repo holds.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openBrowser, watchProblems } from './support/browser.js';
import { diffContents, packContents } from './support/packContents.js';
import {
  NO_BUNDLER_PATH,
  expectNoBundlerState,
  expectState,
  expectedNoBundlerState,
  expectedState,
  hydrationProbe,
  waitForHydration,
  waitForNoBundler,
} from './support/page.js';
import { assertNodeForAstro, childEnv, repoRoot, siteDir } from './support/paths.js';
import { run } from './support/run.js';
import { buildSite, startServer } from './support/server.js';
import { products } from '../../demo-site/src/products.js';

const REPACK =
  'npm pack --pack-destination demo-site/vendor && (cd demo-site && npm install ./vendor/atoll-store-0.1.0.tgz)';
const sitePackage = JSON.parse(readFileSync(join(siteDir, 'package.json'), 'utf8'));
const vendoredSpec = sitePackage.dependencies['atoll-store'];
// Not part of what a StackBlitz user gets: installed or generated locally.
const LOCAL_ONLY = new Set(['node_modules', 'dist', '.astro', join('public', 'atoll')]);

describe('demo-site standalone (StackBlitz-ready)', { timeout: 15 * 60_000 }, () => {
  let work;

  before(() => {
    assertNodeForAstro();
    work = mkdtempSync(join(tmpdir(), 'atoll-standalone-'));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('depends on atoll-store only through the vendored tarball, without Node itself', () => {
    assert.match(vendoredSpec, /^file:vendor\/atoll-store-[\d.]+\.tgz$/);
    assert.ok(
      existsSync(join(siteDir, vendoredSpec.slice('file:'.length))),
      `${vendoredSpec} is missing; run: ${REPACK}`,
    );
    const all = { ...sitePackage.dependencies, ...sitePackage.devDependencies };
    assert.ok(!('node' in all), 'StackBlitz brings its own Node: no `node` package in demo-site/package.json');
    for (const spec of Object.values(all)) assert.doesNotMatch(spec, /^(file|link):\.\./, 'nothing outside demo-site/');
  });

  it('vendors the same package contents as a fresh npm pack of the repo', async () => {
    const packDir = join(work, 'pack');
    mkdirSync(packDir);
    const out = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], {
      cwd: repoRoot,
      env: childEnv(),
    });
    const [{ filename }] = JSON.parse(out);
    const fresh = packContents(join(packDir, filename));
    const vendoredPath = join(siteDir, vendoredSpec.slice('file:'.length));
    assert.equal(
      `vendor/${filename}`,
      vendoredSpec.slice('file:'.length),
      `the package version changed; run: ${REPACK} and update demo-site/package.json`,
    );
    const differences = diffContents(packContents(vendoredPath), fresh);
    assert.ok(
      differences.length === 0,
      `demo-site/${vendoredSpec.slice('file:'.length)} is stale:\n${differences.join('\n')}\n` +
        `Run at the repo root (after npm run build): ${REPACK}`,
    );
  });

  it('installs and builds from a copy of demo-site/ alone', async () => {
    const copy = join(work, 'demo-site');
    cpSync(siteDir, copy, {
      recursive: true,
      filter: (src) => !LOCAL_ONLY.has(relative(siteDir, src)),
    });
    assert.ok(!existsSync(join(copy, 'node_modules')));
    await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: copy, env: childEnv() });
    await buildSite(copy);
    // The storefront renders per request (Node adapter): a server entry, and the client assets.
    assert.ok(existsSync(join(copy, 'dist', 'server', 'entry.mjs')), 'dist/server/entry.mjs built');
    assert.ok(
      existsSync(join(copy, 'dist', 'client', 'atoll', 'browser', 'atoll.js')),
      'the standalone browser build is copied into the site',
    );
    assert.ok(
      existsSync(join(copy, 'dist', 'client', 'no-bundler', 'index.html')),
      'the no-bundler page is prerendered',
    );
  });

  it('runs `npm run dev` in the copy and both pages work in Chromium', async () => {
    const copy = join(work, 'demo-site');
    const server = await startServer({ cwd: copy, mode: 'dev', timeoutMs: 120_000 });
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      const problems = watchProblems(page);
      await page.addInitScript(hydrationProbe);
      await page.goto(server.url, { waitUntil: 'commit' });
      const times = await waitForHydration(page, 120_000);
      console.log(
        `dev server: ${times.count} islands hydrated at ${times.islands.toFixed(0)} ms (unbundled, first load)`,
      );
      const mug = products.find((p) => p.framework === 'preact');
      await page.click('[data-island="preact"][data-part="add"] button');
      await expectState(
        page,
        expectedState({ open: true, cart: [{ product: mug, quantity: 1 }], recent: `${mug.name} (×1)` }),
        'dev server, after "Add to cart" in the preact form',
        15_000,
      );
      // The no-bundler page (the standalone build from public/atoll/, copied by
      // predev), in another tab: the same cart.
      const other = await browser.context.newPage();
      const otherProblems = watchProblems(other);
      await other.goto(new URL(NO_BUNDLER_PATH, server.url).href);
      await waitForNoBundler(other, 60_000);
      await expectNoBundlerState(
        other,
        expectedNoBundlerState([{ product: mug, quantity: 1 }]),
        'dev server, the no-bundler page in another tab',
        15_000,
      );
      await page.click('[data-island="preact"][data-part="add"] button');
      await expectNoBundlerState(
        other,
        expectedNoBundlerState([{ product: mug, quantity: 2 }]),
        'dev server, the no-bundler page after another add in the storefront tab',
        15_000,
      );
      problems.push(...otherProblems);
      // Vite's dev client may log its own connection messages; only errors count.
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
