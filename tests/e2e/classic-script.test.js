// The classic-script build (js/browser/atoll.iife.js, built by
// scripts/build.sh): a page with no bundler and no modules loads it with
// <script src> and uses the global `Atoll`. Checked in Chromium on pages
// served by a tiny server under the CSP the README asks for:
// - plain scripts use Atoll.atom/map/computed, and the ES module build on the
//   same page finds the same named store (one runtime per page);
// - without 'wasm-unsafe-eval' the script fails with ATOLL_WASM_LOAD saying so;
// - a classic-script bundle of atoll-store/document (esbuild --format=iife,
//   where import.meta is empty) still loads and runs documentOf(), and
//   createPatch() rejects with an AtollError saying what to do, not "Invalid
//   URL" at load or "Cannot use 'import.meta' outside a module";
// - an ES module bundle of it served without atoll-document.wasm: the 404
//   comes with what file to put where.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { openBrowser, watchProblems } from './support/browser.js';
import { repoRoot } from './support/paths.js';
import { serveFiles } from './support/serve-files.js';

const IIFE = join(repoRoot, 'js', 'browser', 'atoll.iife.js');
const ESM = join(repoRoot, 'js', 'browser', 'atoll.js');
const STRICT = "script-src 'self'";
const WITH_WASM = "script-src 'self' 'wasm-unsafe-eval'";

const page = (scripts) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>classic</title></head>
  <body>
    <output id="out"></output>
    <output id="module"></output>
    ${scripts}
  </body>
</html>
`;

// Plain code of a classic script: no import, only the global.
const APP = `
var out = document.getElementById('out');
var $cart = Atoll.map({}, { name: 'classic/cart' });
var $count = Atoll.computed($cart, function (cart) { return Object.keys(cart).length; });
var seen = [];
$count.subscribe(function (n) { seen.push(n); });
$cart.setKey('mug', 2);
Atoll.batch(function () { $cart.setKey('cap', 1); $cart.setKey('mug', 3); });
out.textContent = JSON.stringify({ cart: $cart.get(), seen: seen, error: new Atoll.AtollError('X', 'y').name });
`;

// A module script after it: the ES module build on the same page.
const MODULE_PROBE = `
import { map } from '/atoll.js';
const $cart = map({}, { name: 'classic/cart' });
$cart.setKey('pen', 1);
document.getElementById('module').textContent = JSON.stringify(Atoll.map({}, { name: 'classic/cart' }).get());
`;

// Reports an uncaught error of an earlier script (the build's own).
const ERROR_PROBE = `
window.addEventListener('error', function (event) {
  var e = event.error || {};
  document.getElementById('out').textContent = JSON.stringify({
    name: e.name, code: e.code, message: String(e.message), atoll: typeof Atoll,
  });
});
`;

// Bundled by esbuild into a classic script, as a user's build could do.
const DOCUMENT_ENTRY = `
import { map } from './js/index.js';
import { documentOf, createPatch } from './js/document/index.js';
const $cart = map({ mug: 1 }, { name: 'classic/doc' });
const report = (result) => { document.getElementById('out').textContent = JSON.stringify(result); };
createPatch($cart, { mug: 2 }).then(
  (patch) => report({ json: documentOf($cart), patch }),
  (error) => report({ json: documentOf($cart), name: error.name, code: error.code, message: error.message }),
);
`;

describe('the classic-script build (<script src="atoll.iife.js">)', { timeout: 60_000 }, () => {
  let server;
  let browser;
  let bundleWarnings;

  before(async () => {
    const iife = readFileSync(IIFE, 'utf8');
    assert.match(iife, /^var Atoll=/, `${IIFE} is not the iife build: run npm run build`);
    assert.doesNotMatch(iife, /import\.meta|\bexport\s*\{/, 'the classic build must hold no module syntax');
    const documentBundle = await build({
      stdin: { contents: DOCUMENT_ENTRY, resolveDir: repoRoot, loader: 'js' },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    bundleWarnings = documentBundle.warnings.map((w) => w.id || w.text);
    // The same code as an ES module, served without atoll-document.wasm.
    const documentModule = await build({
      stdin: { contents: DOCUMENT_ENTRY, resolveDir: repoRoot, loader: 'js' },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const js = (body) => ({ body });
    const html = (scripts, csp) => ({ body: page(scripts), csp });
    server = await serveFiles({
      '/atoll.iife.js': js(iife),
      '/atoll.js': js(readFileSync(ESM, 'utf8')),
      '/app.js': js(APP),
      '/module-probe.js': js(MODULE_PROBE),
      '/error-probe.js': js(ERROR_PROBE),
      '/document.js': js(documentBundle.outputFiles[0].text),
      '/app/document.mjs': js(documentModule.outputFiles[0].text),
      '/classic.html': html(
        '<script src="/atoll.iife.js"></script><script src="/app.js"></script>' +
          '<script type="module" src="/module-probe.js"></script>',
        WITH_WASM,
      ),
      '/strict.html': html('<script src="/error-probe.js"></script><script src="/atoll.iife.js"></script>', STRICT),
      '/document.html': html('<script src="/document.js"></script>', WITH_WASM),
      '/app/no-wasm.html': html('<script type="module" src="/app/document.mjs"></script>', WITH_WASM),
    });
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // Opens the page, waits for `selector` to be filled and returns what the
  // page wrote in #out and #module, and every problem Chromium reported.
  async function open(path, selector = '#out') {
    const tab = await browser.context.newPage();
    const problems = watchProblems(tab, { warnings: true });
    try {
      await tab.goto(`${server.url}${path}`);
      await tab.waitForFunction((s) => document.querySelector(s).textContent !== '', selector, { timeout: 10_000 });
      await tab.waitForTimeout(50); // a late error or warning is seen too
      const text = { '#out': await tab.textContent('#out'), '#module': await tab.textContent('#module') };
      return { read: (s) => JSON.parse(text[s]), problems };
    } finally {
      await tab.close();
    }
  }

  it(`plain scripts use the global Atoll under ${WITH_WASM}; the ES module build shares its named stores`, async () => {
    const { read, problems } = await open('/classic.html', '#module');
    assert.deepEqual(await read('#out'), { cart: { mug: 3, cap: 1 }, seen: [0, 1, 2], error: 'AtollError' });
    assert.deepEqual(await read('#module'), { mug: 3, cap: 1, pen: 1 });
    assert.deepEqual(problems, []);
  });

  it(`${STRICT}: the script fails with ATOLL_WASM_LOAD naming 'wasm-unsafe-eval'`, async () => {
    const { read, problems } = await open('/strict.html');
    const result = await read('#out');
    assert.equal(result.name, 'AtollError', JSON.stringify(result));
    assert.equal(result.code, 'ATOLL_WASM_LOAD');
    assert.match(result.message, /'wasm-unsafe-eval'/);
    assert.equal(result.atoll, 'undefined');
    assert.ok(
      problems.some((p) => p.startsWith('pageerror:') && p.includes('wasm-unsafe-eval')),
      problems.join('\n'),
    );
  });

  it('atoll-store/document bundled as a classic script: documentOf works, createPatch says to use an ES module', async () => {
    assert.ok(
      bundleWarnings.includes('empty-import-meta'),
      `esbuild no longer warns of an empty import.meta: ${bundleWarnings}`,
    );
    const { read, problems } = await open('/document.html');
    const result = await read('#out');
    assert.equal(result.json, '{"mug":1}');
    assert.equal(result.name, 'AtollError', JSON.stringify(result));
    assert.equal(result.code, 'ATOLL_WASM_LOAD');
    assert.match(result.message, /createPatch\(\)\/applyPatch\(\)/);
    assert.match(result.message, /classic script/);
    assert.match(result.message, /ES module/);
    assert.deepEqual(problems, []);
  });

  it('atoll-document.wasm missing next to an ES module bundle: createPatch names the file and where it must be', async () => {
    const { read, problems } = await open('/app/no-wasm.html');
    const result = await read('#out');
    assert.equal(result.json, '{"mug":1}');
    assert.equal(result.code, 'ATOLL_WASM_LOAD', JSON.stringify(result));
    assert.ok(result.message.includes(`${server.url}/wasm/atoll-document.wasm: HTTP 404`), result.message);
    assert.match(
      result.message,
      /must be served at that URL, next to the module that loads it: it is js\/wasm\/atoll-document\.wasm in the package/,
    );
    // Chromium reports the 404 (the response and its console line); nothing else.
    const other = problems.filter((p) => !p.includes('atoll-document.wasm') && !p.includes('status of 404'));
    assert.deepEqual(other, []);
    assert.ok(
      problems.some((p) => p.startsWith('HTTP 404')),
      problems.join('\n'),
    );
  });
});
