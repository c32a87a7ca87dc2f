// One page load of a storefront in a fresh browser context (no cache, no
// cookies, no storage unless `storageState` is given): when every island has
// hydrated, and what the page downloaded.
import { hydrationProbe, waitForHydration } from '../../e2e/support/page.js';
import { watchProblems } from '../../e2e/support/browser.js';

export const KINDS = ['js', 'wasm', 'css', 'html'];

function kindOf(mimeType) {
  if (mimeType === 'text/html') return 'html';
  if (mimeType.includes('javascript')) return 'js';
  if (mimeType === 'text/css') return 'css';
  if (mimeType === 'application/wasm') return 'wasm';
  return 'other'; // images, the favicon
}

/**
 * Loads `url` in a new context of `browser` (launchBrowser()) and returns
 * { first, islands, ready, count, wire, decoded, requests }:
 * ms from navigation start until the first <astro-island> hydrated
 * (`first`), until every one did (`islands`) and until the plain-script
 * widgets were ready too (`ready`); with
 * `bytes: true`, what the page fetched until the network went idle after
 * hydration, per kind (js, wasm, css, html) as DevTools counts it: `wire` is
 * what crossed the network (compressed, with headers), `decoded` the bodies
 * after decompression, and `encodings`, the Content-Encodings of those of
 * 1 KB or more. `check(page)` runs after hydration (e.g. that the
 * saved cart is shown). Console errors and warnings (hydration mismatches),
 * page errors and failed requests make it throw.
 */
export async function loadPage(browser, url, { storageState, bytes = false, check } = {}) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  try {
    const page = await context.newPage();
    const problems = watchProblems(page, { warnings: true });
    await page.addInitScript(hydrationProbe);

    const responses = new Map();
    if (bytes) {
      // A CDP session of our own: Network events carry both sizes per request.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.responseReceived', ({ requestId, response }) => {
        const encoding = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
        const kind = kindOf(response.mimeType);
        responses.set(requestId, { kind, encoding: encoding?.[1] ?? 'identity', wire: 0, decoded: 0, done: false });
      });
      cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
        const r = responses.get(requestId);
        if (r) r.decoded += dataLength;
      });
      cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
        const r = responses.get(requestId);
        if (r) Object.assign(r, { wire: encodedDataLength, done: true });
      });
    }

    await page.goto(url, { waitUntil: 'commit' });
    const times = await hydrated(page, url, problems);
    if (check) await check(page);
    const result = { ...times, wire: {}, decoded: {}, requests: 0, encodings: new Set() };
    if (bytes) {
      // Anything loaded after hydration (a feature's lazy module) counts too.
      await page.waitForLoadState('networkidle');
      for (const kind of KINDS) result.wire[kind] = result.decoded[kind] = 0;
      for (const r of responses.values()) {
        if (!(r.kind in result.wire)) continue;
        if (!r.done) throw new Error(`${url}: a ${r.kind} response never finished loading`);
        result.wire[r.kind] += r.wire;
        result.decoded[r.kind] += r.decoded;
        result.requests += 1;
        // Files under 1 KB are sent as they are (compressing them gains nothing).
        if (r.decoded >= 1024) result.encodings.add(r.encoding);
      }
    }
    if (problems.length) throw new Error(`${url}: the page reported problems:\n${problems.join('\n')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** waitForHydration, failing with the islands that did not hydrate and what the page reported. */
export async function hydrated(page, url, problems) {
  try {
    return await waitForHydration(page, 30_000);
  } catch (error) {
    const left = await page
      .$$eval('astro-island[ssr]', (islands) => islands.map((el) => el.getAttribute('component-url')))
      .catch(() => []);
    const reported = problems.length ? `; the page reported:\n${problems.join('\n')}` : '';
    throw new Error(`${url}: ${left.length} island(s) never hydrated: ${left.join(', ')}${reported}`, { cause: error });
  }
}

/**
 * ms the page's main thread spends on its store chunk (`chunkPath`, e.g.
 * /_astro/stores.<hash>.js) when the chunk is imported: compiling it and
 * running it, with what it starts (the stores, persistence, tab sync, the
 * cart cookie), in a new context of `browser` on an origin page of `url`
 * (empty storage). The chunk is fetched first, so the network is not
 * counted. Much steadier than a whole page load: it shows the cost the
 * store library itself puts on every load.
 */
export async function storeChunkCost(browser, url, chunkPath) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const problems = watchProblems(page, { warnings: true });
    // An empty page of the site's origin, made here (nothing else loads).
    const blank = new URL('/atoll-bench-blank', url).href;
    await context.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,">' }),
    );
    await page.goto(blank);
    const ms = await page.evaluate(async (chunk) => {
      await (await fetch(chunk)).text(); // into the HTTP cache (the chunk is immutable)
      const start = performance.now();
      await import(chunk);
      return performance.now() - start;
    }, chunkPath);
    if (problems.length) throw new Error(`${url}${chunkPath}: the import reported problems:\n${problems.join('\n')}`);
    return ms;
  } finally {
    await context.close();
  }
}
