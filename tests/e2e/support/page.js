// Reading the storefront's state from the DOM, the way a user sees it.
import assert from 'node:assert/strict';

export const FRAMEWORKS = ['react', 'preact', 'vue', 'svelte', 'solid'];

/**
 * Installed before any page script: records (performance.now(), i.e. ms since
 * navigation start) when the first <astro-island> has lost its `ssr`
 * attribute (hydrated), when every one has, and when, in addition, both
 * plain-script widgets are ready.
 */
export function hydrationProbe() {
  window.__atollTimes = { first: null, islands: null, ready: null };
  const hydrated = (el) => !el.hasAttribute('ssr');
  const islandsDone = () => {
    const islands = document.querySelectorAll('astro-island');
    return islands.length > 0 && [...islands].every(hydrated);
  };
  const widgetsDone = () =>
    document.querySelector('[data-part="badge"]')?.dataset.ready === 'true' &&
    document.querySelector('[data-part="recent"]')?.dataset.ready === 'true';
  const check = () => {
    const t = window.__atollTimes;
    if (t.first === null && [...document.querySelectorAll('astro-island')].some(hydrated)) t.first = performance.now();
    if (t.islands === null && islandsDone()) t.islands = performance.now();
    if (t.ready === null && t.islands !== null && widgetsDone()) t.ready = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['ssr', 'data-ready'],
  });
}

/** Waits until every island is hydrated, then until the script widgets are ready too. */
export async function waitForHydration(page, timeout = 30_000) {
  await page.waitForFunction(() => window.__atollTimes && window.__atollTimes.islands !== null, null, { timeout });
  const islands = await page.evaluate(() => ({
    islands: window.__atollTimes.islands,
    count: document.querySelectorAll('astro-island').length,
  }));
  try {
    await page.waitForFunction(() => window.__atollTimes.ready !== null, null, { timeout });
  } catch (err) {
    err.message =
      `all ${islands.count} islands hydrated at ${islands.islands.toFixed(0)} ms, ` +
      `but the plain-script widgets never got ready (data-ready): ${err.message}`;
    throw err;
  }
  return page.evaluate(() => ({ ...window.__atollTimes, count: document.querySelectorAll('astro-island').length }));
}

/** Everything the tests compare: each flyout, each toggle, the badge and the recent line. */
export function readState(page) {
  return page.evaluate((frameworks) => {
    const flyouts = {};
    const toggles = {};
    for (const fw of frameworks) {
      const slot = document.querySelector(`[data-island="${fw}"][data-part="flyout"]`);
      const aside = slot && slot.querySelector('aside');
      const open = !!aside && !aside.hidden && aside.getClientRects().length > 0;
      flyouts[fw] = open
        ? {
            items: [...aside.querySelectorAll('li[data-item-id]')].map((li) => ({
              id: li.dataset.itemId,
              name: li.querySelector('h3')?.textContent.trim(),
              image: li.querySelector('img')?.getAttribute('src'),
              quantity: Number((li.textContent.match(/Quantity:\s*(\d+)/) || [])[1]),
            })),
            empty: aside.textContent.includes('Your cart is empty!'),
            total: aside.querySelector('[data-total]')?.textContent.trim() ?? null,
          }
        : 'closed';
      toggles[fw] = document.querySelector(`[data-island="${fw}"][data-part="toggle"]`)?.getAttribute('aria-pressed');
    }
    return {
      flyouts,
      toggles,
      badge: document.querySelector('[data-island="script"][data-part="badge"]')?.textContent.trim(),
      recent: document.querySelector('[data-island="script"][data-part="recent"] [data-recent]')?.textContent.trim(),
    };
  }, FRAMEWORKS);
}

/** What readState should give for a cart that is open or not and holds `cart` ([{product, quantity}]). */
export function expectedState({ open, cart, recent }) {
  const items = cart.map(({ product, quantity }) => ({
    id: product.id,
    name: product.name,
    image: product.imageSrc,
    quantity,
  }));
  const total = cart.reduce((sum, { product, quantity }) => sum + product.price * quantity, 0);
  const flyout = open
    ? { items, empty: items.length === 0, total: items.length ? `$${total.toFixed(2)}` : null }
    : 'closed';
  return {
    flyouts: Object.fromEntries(FRAMEWORKS.map((fw) => [fw, flyout])),
    toggles: Object.fromEntries(FRAMEWORKS.map((fw) => [fw, open ? 'true' : 'false'])),
    badge: String(cart.reduce((sum, { quantity }) => sum + quantity, 0)),
    recent,
  };
}

/** Islands re-render asynchronously: poll until the page shows `expected`. */
export async function expectState(page, expected, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = await readState(page);
    try {
      assert.deepStrictEqual(actual, expected);
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        err.message = `${what}: the page disagrees with the expected cart\n${err.message}`;
        throw err;
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The no-bundler page (demo-site/src/pages/no-bundler.astro), relative to the site's URL. */
export const NO_BUNDLER_PATH = 'no-bundler';

/** Waits until the no-bundler page's module script has run (data-ready on its cart). */
export async function waitForNoBundler(page, timeout = 30_000) {
  await page.waitForFunction(
    () => document.querySelector('[data-island="no-bundler"][data-part="cart"]')?.dataset.ready === 'true',
    null,
    { timeout },
  );
}

/** The no-bundler page's cart as a user sees it: the badge, the lines, the total. */
export function readNoBundlerState(page) {
  return page.evaluate(() => {
    const cart = document.querySelector('[data-island="no-bundler"][data-part="cart"]');
    const visible = (el) => !!el && !el.hidden && el.getClientRects().length > 0;
    return {
      badge: document.querySelector('[data-island="no-bundler"][data-part="badge"]')?.textContent.trim(),
      items: [...cart.querySelectorAll('li[data-item-id]')].map((li) => ({
        id: li.dataset.itemId,
        name: li.querySelector('h3')?.textContent.trim(),
        image: li.querySelector('img')?.getAttribute('src'),
        quantity: Number((li.textContent.match(/Quantity:\s*(\d+)/) || [])[1]),
      })),
      empty: visible(cart.querySelector('[data-empty]')),
      total: visible(cart.querySelector('[data-total-line]'))
        ? cart.querySelector('[data-total]').textContent.trim()
        : null,
    };
  });
}

/** What readNoBundlerState should give for `cart` ([{product, quantity}]). */
export function expectedNoBundlerState(cart) {
  const { flyouts, badge } = expectedState({ open: true, cart, recent: '' });
  const { items, empty, total } = flyouts[FRAMEWORKS[0]];
  return { badge, items, empty, total };
}

/** Polls until the no-bundler page shows `expected` (its cart follows other tabs through the storage event). */
export async function expectNoBundlerState(page, expected, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const actual = await readNoBundlerState(page);
    try {
      assert.deepStrictEqual(actual, expected);
      return;
    } catch (err) {
      if (Date.now() > deadline) {
        err.message = `${what}: the no-bundler page disagrees with the expected cart\n${err.message}`;
        throw err;
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Where the tests click. */
export const selectors = {
  add: (fw) => `[data-island="${fw}"][data-part="add"] button`,
  toggle: (fw) => `[data-island="${fw}"][data-part="toggle"]`,
  clear: '[data-island="script"][data-part="clear"]',
  undo: '[data-island="script"][data-part="history"] [data-action="undo"]',
  redo: '[data-island="script"][data-part="history"] [data-action="redo"]',
  save: '[data-island="script"][data-part="saved"] [data-action="save"]',
  restore: '[data-island="script"][data-part="saved"] [data-action="restore"]',
};

/**
 * The cart a test expects, changed the way the page changes it: add() is what
 * "Add to cart" does (opens the cart, adds one, updates "recently added").
 */
export function cartModel({ open = false, cart = [], recent = 'nothing yet' } = {}) {
  const model = {
    open,
    cart: cart.map((line) => ({ ...line })),
    recent,
    add(product) {
      let line = model.cart.find((l) => l.product === product);
      if (line) line.quantity += 1;
      else model.cart.push((line = { product, quantity: 1 }));
      model.open = true;
      model.recent = `${product.name} (×${line.quantity})`;
      return model;
    },
    expected: () => expectedState(model),
    /** What the no-bundler page shows for this cart (open or not: it has no flyout to close). */
    noBundler: () => expectedNoBundlerState(model.cart),
    /** The cart cookie's value for this cart: "id:quantity|…". */
    cookie: () => model.cart.map(({ product, quantity }) => `${product.id}:${quantity}`).join('|'),
  };
  return model;
}

/** Waits until the element is (or is not) disabled. */
export async function expectDisabled(page, selector, disabled, what, timeout = 5000) {
  try {
    await page.waitForFunction(([sel, want]) => document.querySelector(sel)?.disabled === want, [selector, disabled], {
      timeout,
    });
  } catch (err) {
    err.message = `${what}: ${selector} should be ${disabled ? 'disabled' : 'enabled'}\n${err.message}`;
    throw err;
  }
}
