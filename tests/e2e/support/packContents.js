// The files inside an npm tarball, as { path: sha256 }: what a user installs,
// regardless of the tarball's own bytes (compression, timestamps). The system
// `tar` unpacks it (GNU tar is on every machine this runs on).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function hashTree(root, dir = root, files = {}) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(root, path, files);
    else files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

export function packContents(tarballPath) {
  const dir = mkdtempSync(join(tmpdir(), 'atoll-pack-'));
  try {
    execFileSync('tar', ['-xzf', tarballPath, '-C', dir]);
    // npm packs everything under package/
    return hashTree(join(dir, 'package'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
