// A Vite app that imports atoll-store in a Web Worker, with Vite's DEFAULT
// worker config (worker.format 'iife': the worker is one classic script, so
// nothing in its graph may use top-level await or split into chunks), and on
// the main thread. Built with Vite's JS API from a temporary folder whose
// node_modules/atoll-store links to this repo, served as static files, and run
// in Chromium.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build, createLogger } from 'vite';
import { openBrowser, watchProblems } from './support/browser.js';
import { e2eDir, repoRoot } from './support/paths.js';

const FIXTURE = join(e2eDir, 'fixtures', 'worker-app');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on a free port of 127.0.0.1; resolves with { url, close }. */
function serveStatic(root, headers = {}) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let body;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      ...headers,
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

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), base) : [join(dir, entry.name).slice(base.length + 1)],
  );
}

describe('atoll-store in a Vite-bundled Web Worker (default iife worker format)', { timeout: 120_000 }, () => {
  let app;

  before(() => {
    app = mkdtempSync(join(tmpdir(), 'atoll-worker-app-'));
    cpSync(FIXTURE, app, { recursive: true });
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(repoRoot, join(app, 'node_modules', 'atoll-store'), 'dir');
  });
  after(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('builds, and the worker and the page both run their stores in Chromium', async () => {
    const started = Date.now();
    const dist = join(app, 'dist');
    // Vite's warnings are reported in one line each (first line of each).
    const warnings = [];
    const logger = createLogger('warn');
    // eslint-disable-next-line no-control-regex -- strips the terminal's colour codes (ESC [ ... m)
    logger.warn = (msg) => warnings.push(msg.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0]);
    logger.warnOnce = logger.warn;
    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      customLogger: logger,
      // no `worker` options: Vite's default worker.format is 'iife'
      build: { outDir: dist, emptyOutDir: true },
    });
    const buildMs = Date.now() - started;

    const files = listFiles(dist).sort();
    const scripts = files.filter((f) => f.endsWith('.js'));
    const sizes = scripts.map((f) => {
      const bytes = readFileSync(join(dist, f));
      return `${f} ${bytes.length} B (gzip ${gzipSync(bytes).length} B)`;
    });
    console.log(`vite build in ${buildMs} ms:\n  ${sizes.join('\n  ')}`);
    if (warnings.length) console.log(`vite warnings:\n  ${[...new Set(warnings)].join('\n  ')}`);
    const workerFiles = scripts.filter((f) => /(^|\/)worker[-.]/.test(f));
    assert.equal(workerFiles.length, 1, `one worker bundle expected in dist/: ${files.join(', ')}`);
    const workerCode = readFileSync(join(dist, workerFiles[0]), 'utf8');
    // a classic script: no module syntax left in it
    assert.doesNotMatch(workerCode, /^\s*(import|export)[\s{*]/m, 'the worker bundle is a classic (iife) script');
    assert.doesNotMatch(workerCode, /import\.meta/, 'the worker bundle is a classic (iife) script');
    assert.equal(
      files.filter((f) => f.endsWith('.wasm')).length,
      0,
      `the store core is inlined, no .wasm asset: ${files.join(', ')}`,
    );

    const server = await serveStatic(dist);
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      const problems = watchProblems(page);
      const workers = [];
      page.on('worker', (worker) => {
        workers.push(worker.url());
        worker.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(`worker console.error: ${msg.text()}`);
        });
      });
      await page.goto(server.url);
      await page.waitForFunction(() => window.__worker || window.__workerError, null, { timeout: 15_000 });
      const result = await page.evaluate(() => ({
        main: window.__main,
        worker: window.__worker,
        workerError: window.__workerError,
        shown: {
          main: document.getElementById('main').textContent,
          worker: document.getElementById('worker').textContent,
        },
      }));
      assert.equal(result.workerError, undefined, `the worker failed: ${result.workerError}`);
      assert.deepEqual(result.main, { base: 3, square: 9 });
      assert.deepEqual(result.worker, {
        total: 36,
        doubled: [2, 4, 6, 20, 40],
        // one notification for set([1, 2, 3]), one for the whole batch
        totals: [6, 36],
        inWorker: true,
      });
      assert.equal(result.shown.main, JSON.stringify(result.main));
      assert.equal(result.shown.worker, JSON.stringify(result.worker));
      assert.equal(workers.length, 1, `one worker started: ${workers.join(', ')}`);
      assert.ok(workers[0].endsWith(workerFiles[0]), `the worker runs ${workerFiles[0]}: ${workers[0]}`);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.close();
    }
    console.log(`worker test: build + browser run in ${Date.now() - started} ms`);
  });
});
