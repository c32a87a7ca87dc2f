// The built demo storefront in headless Chromium: five frameworks' islands and
// two plain-script widgets (bundled by Astro) must always show one and the
// same cart, and so must the no-bundler page in another tab.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { products } from '../../demo-site/src/products.js';
import { openBrowser, watchProblems } from './support/browser.js';
import {
  FRAMEWORKS,
  NO_BUNDLER_PATH,
  expectNoBundlerState,
  expectState,
  expectedNoBundlerState,
  expectedState,
  hydrationProbe,
  waitForHydration,
  waitForNoBundler,
} from './support/page.js';
import { assertNodeForAstro, screenshotDir } from './support/paths.js';
import { buildSite, startServer } from './support/server.js';

const productOf = Object.fromEntries(products.map((p) => [p.framework, p]));
const addButton = (fw) => `[data-island="${fw}"][data-part="add"] button`;
const toggle = (fw) => `[data-island="${fw}"][data-part="toggle"]`;
const clearButton = '[data-island="script"][data-part="clear"]';

describe('demo storefront (built, astro preview, Chromium)', { timeout: 10 * 60_000 }, () => {
  let server;
  let browser;
  let page;
  let problems;
  /** Paths the storefront tab requested. */
  const requested = [];
  /** The no-bundler page, in a second tab of the same browser context. */
  let noBundler;
  let noBundlerProblems;
  /** The cart as the test expects it, in insertion order. */
  let cart = [];
  let open = false;
  let recent = 'nothing yet';
  const expected = () => expectedState({ open, cart, recent });

  function add(fw) {
    const product = productOf[fw];
    const line = cart.find((l) => l.product === product);
    if (line) line.quantity += 1;
    else cart.push({ product, quantity: 1 });
    open = true;
    recent = `${product.name} (×${(line ?? cart.at(-1)).quantity})`;
  }

  before(async () => {
    assertNodeForAstro();
    await buildSite();
    server = await startServer();
    browser = await openBrowser();
    page = await browser.context.newPage();
    problems = watchProblems(page, { warnings: true });
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.addInitScript(hydrationProbe);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('hydrates every island and both script widgets', async () => {
    await page.goto(server.url, { waitUntil: 'commit' });
    const times = await waitForHydration(page);
    console.log(
      `hydration: ${times.count} islands hydrated ${times.islands.toFixed(0)} ms after navigation start; ` +
        `all islands and script widgets ready at ${times.ready.toFixed(0)} ms`,
    );
    assert.equal(times.count, FRAMEWORKS.length * 3, 'a toggle, a form and a flyout per framework');
    // Both widgets are bundled with the islands: no standalone build on this page.
    assert.deepEqual(
      requested.filter((path) => path.startsWith('/atoll/')),
      [],
      'the storefront loads no /atoll/ file',
    );
  });

  it('starts with the cart closed and empty', async () => {
    await expectState(page, expected(), 'initial page');
  });

  it("adds from each framework's form and every island agrees", async () => {
    for (const fw of FRAMEWORKS) {
      await page.click(addButton(fw));
      add(fw);
      await expectState(page, expected(), `after "Add to cart" in the ${fw} form`);
    }
    for (const fw of ['svelte', 'react', 'svelte']) {
      await page.click(addButton(fw));
      add(fw);
      await expectState(page, expected(), `after adding the ${fw} product again`);
    }
  });

  it('shows the same cart on the no-bundler page, in another tab, reached by the link', async () => {
    noBundler = await browser.context.newPage();
    noBundlerProblems = watchProblems(noBundler, { warnings: true });
    await noBundler.addInitScript(hydrationProbe);
    await noBundler.goto(server.url, { waitUntil: 'commit' });
    await waitForHydration(noBundler);
    await noBundler.click(`a[href="/${NO_BUNDLER_PATH}"]`);
    await noBundler.waitForURL(new URL(NO_BUNDLER_PATH, server.url).href);
    await waitForNoBundler(noBundler);
    await expectNoBundlerState(noBundler, expectedNoBundlerState(cart), 'the no-bundler page, opened after the adds');
    // Its only JavaScript is the standalone build: no island, no bundled chunk.
    const scripts = await noBundler.evaluate(() => ({
      loaded: performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => /\.m?js$/.test(path)),
      withSrc: document.querySelectorAll('script[src]').length,
      islands: document.querySelectorAll('astro-island').length,
    }));
    assert.deepEqual(scripts, { loaded: ['/atoll/browser/atoll.js'], withSrc: 0, islands: 0 });
    assert.ok((await noBundler.locator('a[href="/"]').count()) > 0, 'a link back to the storefront');

    // It follows the storefront tab. (Back to the front: a tab in the
    // background gets requestAnimationFrame about once a second.)
    await page.bringToFront();
    await page.click(addButton('vue'));
    add('vue');
    await expectState(page, expected(), 'the storefront, after adding the vue product');
    await expectNoBundlerState(
      noBundler,
      expectedNoBundlerState(cart),
      'the no-bundler page, after an add in the storefront tab',
    );
  });

  it('looks right (screenshot)', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, 'storefront.png');
    await page.evaluate(() => window.scrollTo(0, 0)); // the header is sticky
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);
    const noBundlerPath = join(screenshotDir, 'no-bundler.png');
    await noBundler.screenshot({ path: noBundlerPath, fullPage: true });
    console.log(`screenshot: ${noBundlerPath}`);
  });

  it('toggles from each framework and all flyouts open and close together', async () => {
    for (const fw of FRAMEWORKS) {
      await page.click(toggle(fw));
      open = !open;
      await expectState(page, expected(), `after the ${fw} toggle`);
    }
    for (const fw of [...FRAMEWORKS].reverse()) {
      await page.click(toggle(fw));
      open = !open;
      await expectState(page, expected(), `after the ${fw} toggle (second round)`);
    }
  });

  it('clears from the script widget and every island empties', async () => {
    if (!open) {
      await page.click(toggle('vue'));
      open = true;
    }
    await page.click(clearButton);
    cart = [];
    recent = 'nothing yet';
    await expectState(page, expected(), 'after "Clear cart"');
    await expectNoBundlerState(noBundler, expectedNoBundlerState(cart), 'the no-bundler page, after "Clear cart"');
    // and the cart still works after a clear
    await page.click(addButton('preact'));
    add('preact');
    await expectState(page, expected(), 'after adding again after the clear');
    await expectNoBundlerState(noBundler, expectedNoBundlerState(cart), 'the no-bundler page, after adding again');
  });

  it('logs no console error or warning, page error or failed request', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(noBundlerProblems, []);
  });
});
