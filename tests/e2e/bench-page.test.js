// The page benchmark, short (`--rounds 1`): it must build both storefronts,
// hydrate every island of both (it exits 1 otherwise) and print a table with
// numbers that make sense. Then the production server it measured: compressed
// responses and the cache headers a CDN relies on.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FRAMEWORKS } from './support/page.js';
import { assertNodeForAstro, childEnv, repoRoot, siteDir } from './support/paths.js';
import { run } from './support/run.js';
import { startServer } from './support/server.js';

/** The table's rows as { label: [atoll, nanostores, ratio] } (numbers where they are numbers). */
function parseTable(stdout) {
  const rows = {};
  for (const line of stdout.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 4 || cells[0].startsWith('-') || cells[0].startsWith('page load')) continue;
    rows[cells[0]] = cells.slice(1).map((c) => (c === '' || c === 'n/a' ? c : Number(c)));
  }
  return rows;
}

/** A GET with the headers given; resolves with the status, headers and the raw (still compressed) body size. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let size = 0;
      res.on('data', (chunk) => (size += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, size }));
    })
      .on('error', reject)
      .end();
  });
}

describe('page benchmark (npm run bench:page -- --rounds 1)', { timeout: 4 * 60_000 }, () => {
  let stdout;

  it('runs and prints the table with sane numbers', async () => {
    assertNodeForAstro();
    stdout = await run(process.execPath, ['tests/bench/page/run.js', '--rounds', '1'], {
      cwd: repoRoot,
      env: childEnv(),
      timeoutMs: 3 * 60_000,
    });
    console.log(stdout);
    const rows = parseTable(stdout);
    const row = (label) => {
      assert.ok(rows[label], `the table has a row "${label}":\n${stdout}`);
      return rows[label];
    };

    assert.deepEqual(row('islands on the page').slice(0, 2), [FRAMEWORKS.length * 3, FRAMEWORKS.length * 3]);
    for (const label of [
      'all islands hydrated, empty cart (ms)',
      'islands + script widgets ready, empty cart (ms)',
      'all islands hydrated, saved cart (ms)',
      'first island hydrated, saved cart (ms)',
      'store chunk: compile + run (ms)',
    ]) {
      for (const ms of row(label).slice(0, 2)) assert.ok(ms > 0 && ms < 30_000, `${label}: ${ms} ms`);
    }
    const firstIsland = row('first island hydrated, saved cart (ms)');
    const allIslands = row('all islands hydrated, saved cart (ms)');
    for (const i of [0, 1]) assert.ok(firstIsland[i] <= allIslands[i], 'the first island hydrates before the last');
    // One round: each per-round ratio is that round's, and its interval is the ratio itself.
    for (const label of [
      'all islands hydrated, empty cart',
      'all islands hydrated, saved cart',
      'first island hydrated, saved cart',
      'store chunk',
    ]) {
      const perRound = stdout.match(
        new RegExp(`\\| ${label}: per round +\\| +\\| +\\| +([\\d.]+) \\(([\\d.]+)-([\\d.]+)\\) \\|`),
      );
      assert.ok(perRound, `a per-round row for ${label} with its interval:\n${stdout}`);
      const [, roundRatio, low, high] = perRound.map(Number);
      assert.ok(roundRatio > 0 && low === roundRatio && high === roundRatio, `one round: ${perRound[0]}`);
    }
    for (const kind of ['JS', 'CSS', 'HTML']) {
      const [wire, decoded] = [row(`transferred ${kind} (KB)`), row(`decoded ${kind} (KB)`)];
      for (const i of [0, 1]) {
        assert.ok(wire[i] > 0, `${kind} was downloaded`);
        // Compressed on the wire: text shrinks at least by half (headers included).
        assert.ok(decoded[i] > 2 * wire[i], `${kind}: ${wire[i]} KB on the wire for ${decoded[i]} KB: not compressed?`);
      }
    }
    const wasm = row('transferred wasm (KB)');
    // The store core is inlined in the JS; the document module is never loaded.
    assert.ok(wasm[0] === 0 && wasm[1] === 0, `no .wasm request on either page: ${wasm}`);
    const [a, n, ratio] = row('transferred JS+wasm+CSS+HTML (KB)');
    assert.ok(Math.abs(ratio - a / n) < 0.01, `ratio ${ratio} is atoll/nano`);

    assert.match(stdout, /\d{4}-\d\d-\d\dT[\d:.]+Z \| Node v22\.\d+\.\d+ \| Chromium \d+\.[\d.]+ \(headless\)/);
    assert.match(
      stdout,
      /Content-Encoding of files >= 1 KB: br\)/,
      'every file of 1 KB or more came brotli-compressed',
    );
  });
});

describe('demo production server (server.mjs)', { timeout: 60_000 }, () => {
  let server;
  after(() => server?.stop());

  it('compresses by Accept-Encoding and sets cache headers', async () => {
    // The site was just built by the benchmark above.
    server = await startServer();
    const page = await get(server.url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(
      page.headers['cache-control'],
      /private/,
      "the page shows the visitor's cart: never in a shared cache",
    );
    assert.match(page.headers.vary, /Accept-Encoding/i);
    // The store chunk (with the wasm core inlined) starts loading with the page.
    const storeChunk = readdirSync(join(siteDir, 'dist', 'client', '_astro')).find((f) =>
      /^stores\.[\w-]+\.js$/.test(f),
    );
    assert.ok(storeChunk, 'the build has one store chunk (astro.config.mjs)');
    assert.equal(page.headers.link, `</_astro/${storeChunk}>; rel=modulepreload`);
    const chunk = await get(new URL(`/_astro/${storeChunk}`, server.url));
    assert.equal(chunk.status, 200);
    assert.equal((await get(server.url, { 'accept-encoding': 'gzip' })).headers['content-encoding'], 'gzip');
    assert.equal((await get(server.url)).headers['content-encoding'], undefined);

    const assetFile = readdirSync(join(siteDir, 'dist', 'client', '_astro'))
      .find((f) => f.endsWith('.js.br'))
      ?.slice(0, -3);
    assert.ok(assetFile, 'the build precompressed its hashed JS under /_astro/');
    const asset = await get(new URL(`/_astro/${assetFile}`, server.url), { 'accept-encoding': 'br' });
    assert.equal(asset.status, 200);
    assert.match(asset.headers['content-type'], /javascript/);
    assert.equal(asset.headers['content-encoding'], 'br');
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(Number(asset.headers['content-length']), asset.size, 'the precompressed copy, with its length');

    const plain = await get(new URL('/atoll/browser/atoll.js', server.url), { 'accept-encoding': 'gzip' });
    assert.equal(plain.headers['content-encoding'], 'gzip');
    assert.match(plain.headers['cache-control'], /max-age=0, must-revalidate/, 'unhashed files are revalidated');
    assert.ok(plain.headers.etag);
    const again = await get(new URL('/atoll/browser/atoll.js', server.url), {
      'accept-encoding': 'gzip',
      'if-none-match': plain.headers.etag,
    });
    assert.equal(again.status, 304);
  });
});
