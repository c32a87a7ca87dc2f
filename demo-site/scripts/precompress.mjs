// Writes a brotli (.br) and a gzip (.gz) copy next to every text or wasm file
// of the built client (dist/client/), at the strongest settings: it is done
// once per build, so the server (server.mjs) never compresses these files per
// request, and a CDN in front of it gets the smallest bytes. Run by the
// postbuild npm script. A copy that would not be smaller is not written.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const client = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.wasm']);
const MIN_SIZE = 1024; // below this, headers outweigh what compression saves

let files = 0;
let before = 0;
let after = 0;
for (const entry of readdirSync(client, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
  const path = join(entry.parentPath, entry.name);
  const data = readFileSync(path);
  if (data.length < MIN_SIZE) continue;
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]:
        extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (br.length < data.length) writeFileSync(`${path}.br`, br);
  if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  files += 1;
  before += data.length;
  after += Math.min(br.length, data.length);
}
console.log(
  `precompress: ${files} files in dist/client, ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB brotli (+ gzip copies)`,
);
