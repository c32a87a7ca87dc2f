// The storefront's cart beyond one page view, in headless Chromium against the
// built site (astro preview with the Node adapter): it survives a reload
// (cookie + server render, localStorage), stays equal across tabs, is rendered
// by the server from the cookie and hydrates without a mismatch, and can be
// undone, saved and restored; the no-bundler page shows it in another tab.
// Every test starts from a fresh browser context: no cookies, empty storage.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { products } from '../../demo-site/src/products.js';
import { launchBrowser, watchProblems } from './support/browser.js';
import {
  FRAMEWORKS,
  NO_BUNDLER_PATH,
  cartModel,
  expectDisabled,
  expectNoBundlerState,
  expectState,
  hydrationProbe,
  readState,
  selectors as $,
  waitForHydration,
  waitForNoBundler,
} from './support/page.js';
import { assertNodeForAstro, screenshotDir } from './support/paths.js';
import { buildSite, startServer } from './support/server.js';

const productOf = Object.fromEntries(products.map((p) => [p.framework, p]));
const CART_COOKIE = 'atoll-cart';
const OPEN_COOKIE = 'atoll-cart-open';

describe('storefront cart features (built, astro preview, Chromium)', { timeout: 10 * 60_000 }, () => {
  let server;
  let chromium;
  /** Contexts opened by the running test, closed after it. */
  let contexts = [];

  before(async () => {
    assertNodeForAstro();
    await buildSite();
    server = await startServer();
    chromium = await launchBrowser();
  });

  after(async () => {
    await chromium?.close();
    await server?.stop();
  });

  async function freshContext(options) {
    const context = await chromium.newContext(options);
    contexts.push(context);
    return context;
  }

  /** A tab of `context` on the storefront (url: '', '?debug'), hydrated; problems include warnings. */
  async function openTab(context, search = '') {
    const page = await context.newPage();
    const problems = watchProblems(page, { warnings: true });
    await page.addInitScript(hydrationProbe);
    await page.goto(server.url + search, { waitUntil: 'commit' });
    const times = await waitForHydration(page);
    return { page, problems, times };
  }

  /** A tab of `context` on the no-bundler page, its module script run. */
  async function openNoBundlerTab(context) {
    const page = await context.newPage();
    const problems = watchProblems(page, { warnings: true });
    await page.goto(new URL(NO_BUNDLER_PATH, server.url).href);
    await waitForNoBundler(page);
    return { page, problems };
  }

  async function closeContexts() {
    for (const context of contexts) await context.close();
    contexts = [];
  }

  async function cookieValue(context, name) {
    const cookie = (await context.cookies(server.url)).find((c) => c.name === name);
    return cookie && decodeURIComponent(cookie.value);
  }

  it('keeps the cart across a reload, in every island, from the cookie and localStorage', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    const { page, problems } = await openTab(context);
    const model = cartModel();
    await expectState(page, model.expected(), 'a fresh context starts empty');

    for (const fw of ['react', 'vue', 'react', 'solid']) {
      await page.click($.add(fw));
      model.add(productOf[fw]);
      await expectState(page, model.expected(), `after "Add to cart" in the ${fw} form`);
    }
    assert.equal(await cookieValue(context, CART_COOKIE), model.cookie(), 'the cart cookie holds ids and quantities');
    assert.equal(await cookieValue(context, OPEN_COOKIE), '1');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('cart/items')));
    assert.deepEqual(
      Object.values(saved).map((item) => [item.id, item.quantity]),
      model.cart.map(({ product, quantity }) => [product.id, quantity]),
      'localStorage holds the same cart',
    );

    await page.reload({ waitUntil: 'commit' });
    await waitForHydration(page);
    // "Recently added" reports additions made on this page view only.
    model.recent = 'nothing yet';
    await expectState(page, model.expected(), 'after a reload');
    await expectDisabled(page, $.undo, true, 'a reloaded page has no history yet');

    // Closed stays closed across a reload too.
    await page.click($.toggle('preact'));
    model.open = false;
    await expectState(page, model.expected(), 'after closing the cart');
    await page.reload({ waitUntil: 'commit' });
    await waitForHydration(page);
    await expectState(page, model.expected(), 'after a reload with the cart closed');

    assert.deepEqual(problems, []);
  });

  it('keeps two tabs in sync: items, badge, "recently added" and the open state', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    const a = await openTab(context);
    const b = await openTab(context);
    const model = cartModel();

    await a.page.click($.add('preact'));
    model.add(productOf.preact);
    await expectState(a.page, model.expected(), 'tab A after adding in A');
    await expectState(b.page, model.expected(), 'tab B after adding in A');

    await b.page.click($.add('svelte'));
    await b.page.click($.add('preact'));
    model.add(productOf.svelte).add(productOf.preact);
    await expectState(b.page, model.expected(), 'tab B after adding in B');
    await expectState(a.page, model.expected(), 'tab A after adding in B');

    await b.page.click($.toggle('vue'));
    model.open = false;
    await expectState(b.page, model.expected(), 'tab B after closing in B');
    await expectState(a.page, model.expected(), 'tab A after closing in B');
    await b.page.click($.toggle('solid'));
    model.open = true;
    await expectState(a.page, model.expected(), 'tab A after opening in B');
    await expectState(b.page, model.expected(), 'tab B after opening in B');

    // A third tab opens with the cart (the server renders it from the cookie)
    // and the other tabs' answer to its hello changes nothing: no Undo step.
    const c = await openTab(context);
    const later = { ...model, recent: 'nothing yet' };
    await expectState(c.page, cartModel(later).expected(), 'a third tab');
    await new Promise((r) => setTimeout(r, 300));
    await expectDisabled(c.page, $.undo, true, 'a new tab that changed nothing');

    await a.page.click($.clear);
    model.cart = [];
    model.recent = 'nothing yet';
    for (const [name, tab] of Object.entries({ A: a, B: b, C: c })) {
      await expectState(tab.page, model.expected(), `tab ${name} after "Clear cart" in A`);
    }
    assert.deepEqual([...a.problems, ...b.problems, ...c.problems], []);
  });

  it('shows the cart on the no-bundler page in another tab: what was saved, then every change', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    // Opened first: nothing saved yet.
    const other = await openNoBundlerTab(context);
    await expectNoBundlerState(other.page, cartModel().noBundler(), 'the no-bundler page, nothing saved');

    const { page, problems } = await openTab(context);
    const model = cartModel();
    for (const fw of ['svelte', 'react', 'svelte']) {
      await page.click($.add(fw));
      model.add(productOf[fw]);
      await expectState(page, model.expected(), `the storefront after "Add to cart" in the ${fw} form`);
      await expectNoBundlerState(
        other.page,
        model.noBundler(),
        `the no-bundler page after "Add to cart" in the ${fw} form`,
      );
    }

    // A reload restores it from localStorage, as does a tab opened now.
    await other.page.reload();
    await waitForNoBundler(other.page);
    await expectNoBundlerState(other.page, model.noBundler(), 'the no-bundler page after a reload');
    const third = await openNoBundlerTab(context);
    await expectNoBundlerState(third.page, model.noBundler(), 'a second no-bundler tab');

    // Whole-cart writes reach it too: Undo, "Clear cart", "Restore saved cart".
    await page.click($.undo);
    const undone = cartModel().add(productOf.svelte).add(productOf.react);
    await expectState(page, { ...undone.expected(), recent: model.recent }, 'the storefront after Undo');
    await expectNoBundlerState(other.page, undone.noBundler(), 'the no-bundler page after Undo');
    await page.click($.save);
    await page.click($.clear);
    await expectState(page, cartModel({ open: true }).expected(), 'the storefront after "Clear cart"');
    for (const tab of [other, third]) {
      await expectNoBundlerState(tab.page, cartModel().noBundler(), 'a no-bundler tab after "Clear cart"');
    }
    await page.click($.restore);
    await expectState(
      page,
      { ...undone.expected(), recent: 'nothing yet' },
      'the storefront after "Restore saved cart"',
    );
    for (const tab of [other, third]) {
      await expectNoBundlerState(tab.page, undone.noBundler(), 'a no-bundler tab after "Restore saved cart"');
    }
    assert.deepEqual([...problems, ...other.problems, ...third.problems], []);
  });

  it('renders the cart set on the server from the cookie, and hydrates it unchanged', async (t) => {
    t.after(closeContexts);
    const cookies = (value, open) => [
      { name: CART_COOKIE, value: encodeURIComponent(value), url: server.url },
      { name: OPEN_COOKIE, value: open, url: server.url },
    ];
    // Ids and quantities only; unknown ids and bad quantities are dropped, and
    // names, prices and images come from the catalog.
    const cookie = 'astronaut-figurine:2|no-such-product:4|comet-socks:1|moon-lamp:lots|comet-socks:7';
    const model = cartModel({
      open: true,
      cart: [
        { product: productOf.react, quantity: 2 },
        { product: productOf.svelte, quantity: 1 },
      ],
    });

    // The HTML itself: the hand-off element and every framework's flyout.
    const context = await freshContext();
    await context.addCookies(cookies(cookie, '1'));
    const response = await context.request.get(server.url);
    assert.equal(response.status(), 200);
    const html = await response.text();
    const state = html.match(/<script type="application\/json" data-atoll-state>(.*?)<\/script>/s);
    assert.ok(state, 'the page carries <script type="application/json" data-atoll-state>');
    const expectedItems = Object.fromEntries(
      model.cart.map(({ product: { id, name, imageSrc, price }, quantity }) => [
        id,
        { id, name, imageSrc, price, quantity },
      ]),
    );
    assert.deepEqual(JSON.parse(state[1]), { 'cart/items': expectedItems, 'cart/open': true });
    const headEnd = html.indexOf('</head>');
    assert.ok(state.index < headEnd, 'the state is in <head>, before every island');
    for (const fw of FRAMEWORKS) {
      const start = html.search(new RegExp(`data-island="${fw}"[^>]*data-part="flyout"`));
      assert.ok(start > 0, `the ${fw} flyout is in the HTML`);
      // Frameworks mark text boundaries with comments (React <!-- -->, Solid <!--$-->).
      const flyout = html.slice(start, html.indexOf('</aside>', start)).replace(/<!--.*?-->/gs, '');
      assert.match(
        flyout,
        /Astronaut Figurine[\s\S]*Quantity: 2[\s\S]*Comet Socks[\s\S]*Quantity: 1/,
        `${fw} flyout, server-rendered`,
      );
      assert.match(flyout, /\$57\.99/, `${fw} flyout total, server-rendered`);
    }
    assert.match(html, /data-part="badge"[^>]*>3</, 'the badge is server-rendered');

    // The same page with JavaScript off: what the server rendered, as a user sees it.
    const noScript = await freshContext({ javaScriptEnabled: false });
    await noScript.addCookies(cookies(cookie, '1'));
    const staticPage = await noScript.newPage();
    await staticPage.goto(server.url);
    await expectState(staticPage, model.expected(), 'the server-rendered page (JavaScript off)');

    // With JavaScript: every island hydrates the nodes the server rendered
    // (none is re-created, as a mismatch would) and shows the same cart.
    const { page, problems } = await (async () => {
      const tab = await context.newPage();
      const problems = watchProblems(tab, { warnings: true });
      await tab.addInitScript(hydrationProbe);
      await tab.addInitScript(() => {
        // Remember every cart line the HTML parser creates (an expando, not an attribute).
        window.__serverLines = new WeakSet();
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of record.addedNodes)
              if (node.nodeType === 1 && node.matches('li[data-item-id]')) window.__serverLines.add(node);
        }).observe(document, { subtree: true, childList: true });
      });
      await tab.goto(server.url, { waitUntil: 'commit' });
      await waitForHydration(tab);
      return { page: tab, problems };
    })();
    await expectState(page, model.expected(), 'after hydration');
    await new Promise((r) => setTimeout(r, 300)); // late re-renders, if any, would show now
    await expectState(page, model.expected(), 'a moment after hydration');
    const lines = await page.evaluate(() => {
      const all = [...document.querySelectorAll('[data-part="flyout"] li[data-item-id]')];
      return { count: all.length, fromServer: all.filter((li) => window.__serverLines.has(li)).length };
    });
    assert.deepEqual(
      lines,
      { count: 2 * FRAMEWORKS.length, fromServer: 2 * FRAMEWORKS.length },
      'hydration kept the server-rendered lines',
    );
    // The page rewrote the cookie from the cart it shows (the bad entries are gone).
    assert.equal(await cookieValue(context, CART_COOKIE), model.cookie());
    assert.deepEqual(problems, []);

    // A closed cart on the server stays closed after hydration.
    const closed = await freshContext();
    await closed.addCookies(cookies('saturn-poster:3', '0'));
    const tab = await openTab(closed);
    await expectState(
      tab.page,
      cartModel({ cart: [{ product: productOf.solid, quantity: 3 }] }).expected(),
      'a closed cart with 3 posters',
    );
    assert.deepEqual(tab.problems, []);
  });

  it('hydrates the server-rendered cart when localStorage holds another one, and saves the rendered one', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    await context.addCookies([
      { name: CART_COOKIE, value: encodeURIComponent('rocket-mug:2'), url: server.url },
      { name: OPEN_COOKIE, value: '1', url: server.url },
    ]);
    // Another cart in localStorage (a cookie lost or edited, an old price):
    // restoring it before hydration would be a hydration mismatch everywhere.
    const setup = await context.newPage();
    await setup.goto(new URL('/favicon.svg', server.url).href);
    await setup.evaluate(() => {
      const item = { id: 'moon-lamp', name: 'Moon Lamp', imageSrc: '/images/moon-lamp.svg', price: 1, quantity: 5 };
      localStorage.setItem('cart/items', JSON.stringify({ 'moon-lamp': item }));
    });
    await setup.close();

    const { page, problems } = await openTab(context);
    const model = cartModel({ open: true, cart: [{ product: productOf.preact, quantity: 2 }] });
    await expectState(page, model.expected(), 'the cookie cart, not the localStorage one');
    await new Promise((r) => setTimeout(r, 300));
    await expectState(page, model.expected(), 'a moment after hydration');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('cart/items')));
    assert.deepEqual(Object.keys(saved), ['rocket-mug'], 'localStorage now holds the rendered cart');
    assert.equal(saved['rocket-mug'].quantity, 2);
    await expectDisabled(page, $.undo, true, 'the page itself changed nothing');
    assert.deepEqual(problems, []);
  });

  it('undoes and redoes cart changes everywhere, with the buttons enabled only when they can act', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    const { page, problems } = await openTab(context);
    await expectDisabled(page, $.undo, true, 'fresh page');
    await expectDisabled(page, $.redo, true, 'fresh page');

    const one = cartModel().add(productOf.react);
    const two = cartModel().add(productOf.react).add(productOf.svelte);
    await page.click($.add('react'));
    await page.click($.add('svelte'));
    await expectState(page, two.expected(), 'after adding two items');
    await expectDisabled(page, $.undo, false, 'after two changes');
    await expectDisabled(page, $.redo, true, 'after two changes');

    await page.click($.undo);
    // Undo changes the cart only (the open state is not in the history); the
    // "recently added" line reports additions, so it keeps its text.
    await expectState(page, { ...one.expected(), recent: two.recent }, 'after Undo: the svelte item is gone');
    await expectDisabled(page, $.undo, false, 'one step left');
    await expectDisabled(page, $.redo, false, 'after Undo');

    await page.click($.redo);
    await expectState(page, two.expected(), 'after Redo: the svelte item is back');
    await expectDisabled(page, $.redo, true, 'nothing left to redo');

    await page.click($.undo);
    await page.click($.undo);
    await expectState(page, cartModel({ open: true }).expected(), 'after undoing both');
    await expectDisabled(page, $.undo, true, 'everything undone');
    await expectDisabled(page, $.redo, false, 'everything undone');

    // Undo is a cart change like any other: it reaches the cookie (so a reload
    // shows it) and a new change clears the redo steps.
    assert.equal(await cookieValue(context, CART_COOKIE), '');
    await page.click($.redo);
    await expectState(page, { ...one.expected(), recent: 'nothing yet' }, 'after one Redo');
    await page.click($.add('vue'));
    await expectDisabled(page, $.redo, true, 'a new change clears redo');
    const three = cartModel().add(productOf.react).add(productOf.vue);
    await expectState(page, three.expected(), 'after adding the vue item');

    // "Clear cart" can be undone too.
    await page.click($.clear);
    await expectState(page, cartModel({ open: true }).expected(), 'after "Clear cart"');
    await page.click($.undo);
    await expectState(page, { ...three.expected(), recent: 'nothing yet' }, 'after undoing "Clear cart"');
    assert.deepEqual(problems, []);
  });

  it('saves the cart and restores it (snapshot/restore), as one undoable step', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    const { page, problems } = await openTab(context);
    await expectDisabled(page, $.restore, true, 'nothing saved yet');
    const model = cartModel().add(productOf.preact).add(productOf.preact).add(productOf.solid);
    for (const fw of ['preact', 'preact', 'solid']) await page.click($.add(fw));
    await expectState(page, model.expected(), 'after adding three');
    await page.click($.save);
    await expectDisabled(page, $.restore, false, 'after "Save cart"');

    await page.click($.clear);
    await expectState(page, cartModel({ open: true }).expected(), 'after "Clear cart"');
    await page.click($.restore);
    await expectState(page, { ...model.expected(), recent: 'nothing yet' }, 'after "Restore saved cart"');
    await page.click($.undo);
    await expectState(page, cartModel({ open: true }).expected(), 'after undoing the restore');
    assert.deepEqual(problems, []);
  });

  it('logs every change with ?debug, and nothing without it', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    const logs = [];
    const record = (page) => page.on('console', (msg) => msg.type() === 'log' && logs.push(msg.text()));
    const plain = await context.newPage();
    record(plain);
    await plain.addInitScript(hydrationProbe);
    await plain.goto(server.url, { waitUntil: 'commit' });
    // (A click before the island hydrated would do nothing.)
    await waitForHydration(plain);
    await plain.click($.add('vue'));
    await expectState(plain, cartModel().add(productOf.vue).expected(), 'without ?debug');
    assert.deepEqual(
      logs.filter((l) => l.startsWith('[cart]')),
      [],
      'no logging without ?debug',
    );
    await plain.close();

    const { page, problems } = await (async () => {
      const tab = await context.newPage();
      record(tab);
      const problems = watchProblems(tab, { warnings: true });
      await tab.addInitScript(hydrationProbe);
      await tab.goto(`${server.url}?debug`, { waitUntil: 'commit' });
      await waitForHydration(tab);
      // The page's script loads the logger after the page: clicks before it do not log.
      await tab.waitForSelector('html[data-logging="on"]');
      return { page: tab, problems };
    })();
    logs.length = 0;
    await page.click($.add('react'));
    await page.click($.toggle('react'));
    await page.waitForFunction(() => document.querySelector('[data-part="badge"]').textContent === '2');
    const lines = logs.filter((l) => l.startsWith('[cart]'));
    assert.ok(
      lines.some((l) => l.startsWith('[cart] cart/items["astronaut-figurine"]: (absent) → {')),
      `an item added: ${JSON.stringify(lines)}`,
    );
    assert.ok(lines.includes('[cart] cart/open: true → false'), `the cart closed: ${JSON.stringify(lines)}`);
    assert.deepEqual(problems, []);
  });

  it('looks right with a cart, the history and a saved cart (screenshot)', async (t) => {
    t.after(closeContexts);
    const context = await freshContext();
    const { page, problems, times } = await openTab(context);
    console.log(
      `hydration (cart features): ${times.count} islands hydrated ${times.islands.toFixed(0)} ms after navigation start; ` +
        `all ready at ${times.ready.toFixed(0)} ms`,
    );
    for (const fw of ['react', 'svelte', 'vue', 'svelte']) await page.click($.add(fw));
    await page.click($.save);
    await page.click($.add('solid'));
    await page.click($.undo);
    await expectDisabled(page, $.redo, false, 'before the screenshot');
    const state = await readState(page);
    assert.equal(state.badge, '4');
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, 'cart-features.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);
    assert.deepEqual(problems, []);
  });
});
