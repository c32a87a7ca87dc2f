// The built demo storefront in headless Chromium: five frameworks' islands and
// two plain-script widgets must always show one and the same cart.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { products } from '../../demo-site/src/products.js';
import { openBrowser, watchProblems } from './support/browser.js';
import { FRAMEWORKS, expectState, expectedState, hydrationProbe, waitForHydration } from './support/page.js';
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
    assert.equal(times.count, FRAMEWORKS.length * 3 + 1, 'a toggle, a form and a flyout per framework, and Undo/Redo');
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

  it('looks right (screenshot)', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, 'storefront.png');
    await page.evaluate(() => window.scrollTo(0, 0)); // the header is sticky
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);
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
    // and the cart still works after a clear
    await page.click(addButton('preact'));
    add('preact');
    await expectState(page, expected(), 'after adding again after the clear');
  });

  it('logs no console error or warning, page error or failed request', () => {
    assert.deepEqual(problems, []);
  });
});
