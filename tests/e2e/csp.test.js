// Content-Security-Policy: the standalone build (js/browser/atoll.js, one ES
// module with the wasm core inlined, built by scripts/build.sh) compiles wasm,
// which a page's CSP must allow with 'wasm-unsafe-eval' in script-src. Without
// it the import fails with an AtollError (ATOLL_WASM_LOAD) that says what to
// add; with it the stores work. Pages, probe and build are served from one
// origin, so script-src 'self' allows every script of the page.
//
// ATOLL_BROWSER_JS=<path> runs the test against another standalone build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openBrowser, watchProblems } from './support/browser.js';
import { repoRoot } from './support/paths.js';
import { serveFiles } from './support/serve-files.js';

const BUILD = process.env.ATOLL_BROWSER_JS || join(repoRoot, 'js', 'browser', 'atoll.js');
const STRICT = "script-src 'self'";
const WITH_WASM = "script-src 'self' 'wasm-unsafe-eval'";

const page = (title) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
  </head>
  <body>
    <output id="out"></output>
    <script type="module" src="/probe.js"></script>
  </body>
</html>
`;

// A module script of the page's own origin: imports the build and reports,
// on the page (#out) and on the console, what happened.
const PROBE = `
const violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
);
const report = (result) => {
  result.violations = violations;
  document.getElementById('out').textContent = JSON.stringify(result);
  console.log('csp probe: ' + JSON.stringify(result));
};
try {
  const { atom, map } = await import('/atoll.js');
  const $count = atom(1, { name: 'csp/count' });
  $count.set(41);
  $count.set($count.get() + 1);
  const $cart = map({});
  $cart.setKey('mug', 2);
  // a tick, so that a late violation report is seen too
  await new Promise((r) => setTimeout(r, 50));
  report({ ok: true, count: $count.get(), cart: $cart.get() });
} catch (error) {
  await new Promise((r) => setTimeout(r, 50));
  report({
    ok: false,
    name: error && error.name,
    code: error && error.code,
    message: String(error && error.message),
    cause: error && error.cause ? { name: error.cause.name, message: error.cause.message } : null,
  });
}
`;

function startServer(build) {
  return serveFiles({
    '/strict.html': { body: page('CSP without wasm'), csp: STRICT },
    '/wasm.html': { body: page('CSP with wasm'), csp: WITH_WASM },
    '/probe.js': { body: PROBE },
    '/atoll.js': { body: build },
  });
}

async function probe(browser, url) {
  const tab = await browser.context.newPage();
  const problems = watchProblems(tab);
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 10_000 });
    const result = JSON.parse(await tab.textContent('#out'));
    return { result, problems };
  } finally {
    await tab.close();
  }
}

describe('the standalone build under a Content-Security-Policy', { timeout: 60_000 }, () => {
  let server;
  let browser;

  before(async () => {
    const build = readFileSync(BUILD, 'utf8');
    // The build must hold the current core: a slice of its hex from the middle.
    const core = readFileSync(join(repoRoot, 'js', 'wasm', 'core-hex.js'), 'utf8').match(/["'`]([0-9a-f]{1000,})["'`]/);
    assert.ok(core, 'js/wasm/core-hex.js holds the core as one hex string');
    const slice = core[1].slice(core[1].length >> 1, (core[1].length >> 1) + 200);
    assert.ok(build.includes(slice), `${BUILD} does not inline the current wasm core (stale?): run npm run build`);
    server = await startServer(build);
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`${STRICT}: the import fails with ATOLL_WASM_LOAD naming 'wasm-unsafe-eval'`, async () => {
    const { result, problems } = await probe(browser, `${server.url}/strict.html`);
    console.log(`Chromium's error under ${STRICT}: ${result.cause && result.cause.message}`);
    console.log(`AtollError message: ${result.message}`);
    if (problems.length) console.log(`reported by Chromium on that page:\n  ${problems.join('\n  ')}`);
    assert.equal(result.ok, false, `the store loaded under ${STRICT}: ${JSON.stringify(result)}`);
    assert.equal(result.name, 'AtollError', JSON.stringify(result));
    assert.equal(result.code, 'ATOLL_WASM_LOAD', JSON.stringify(result));
    assert.match(result.message, /'wasm-unsafe-eval'/, 'the message says what the CSP must allow');
    assert.ok(result.cause, 'the browser error is kept as the cause');
    assert.deepEqual(result.violations, [{ directive: 'script-src', blocked: 'wasm-eval' }]);
    // Caught by the page: no uncaught error, no failed request.
    assert.deepEqual(
      problems.filter((p) => !p.startsWith('console.error:')),
      [],
    );
  });

  it(`${WITH_WASM}: the store works`, async () => {
    const { result, problems } = await probe(browser, `${server.url}/wasm.html`);
    assert.deepEqual(result, { ok: true, count: 42, cart: { mug: 2 }, violations: [] });
    assert.deepEqual(problems, []);
  });
});
