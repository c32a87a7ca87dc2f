// The files inside an npm tarball, as { path: sha256 }: what a user installs,
// regardless of the tarball's own bytes (compression, timestamps).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

function field(block, start, length) {
  const bytes = block.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? length : end).toString('utf8');
}

export function packContents(tarballPath) {
  const tar = gunzipSync(readFileSync(tarballPath));
  const files = {};
  let longName = null;
  let pax = {};
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;

    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      for (const record of data.toString('utf8').split('\n')) {
        const m = record.match(/^\d+ ([^=]+)=(.*)$/);
        if (m) pax[m[1]] = m[2];
      }
      continue;
    }
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = null;
    pax = {};
    if (type === '0' || type === '\0' || type === '7') {
      // npm packs everything under package/
      files[name.replace(/^package\//, '')] = createHash('sha256').update(data).digest('hex');
    }
  }
  return files;
}

/** Human-readable differences between two packContents() results; [] when equal. */
export function diffContents(vendored, fresh) {
  const lines = [];
  for (const path of Object.keys(fresh).sort()) {
    if (!(path in vendored)) lines.push(`  missing from the vendored tarball: ${path}`);
    else if (vendored[path] !== fresh[path]) lines.push(`  differs: ${path}`);
  }
  for (const path of Object.keys(vendored).sort()) {
    if (!(path in fresh)) lines.push(`  only in the vendored tarball: ${path}`);
  }
  return lines;
}
