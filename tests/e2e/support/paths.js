// Where things are, and the Node that runs Astro (Astro 7 needs Node >= 22.12).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const siteDir = join(repoRoot, 'demo-site');
export const e2eDir = join(repoRoot, 'tests', 'e2e');
export const screenshotDir = join(e2eDir, 'screenshots');

/** Runs child tools (npm, astro) with this same Node first on PATH. */
export function childEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

export function assertNodeForAstro() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    throw new Error(
      `Astro 7 needs Node >= 22.12, these tests run on ${process.version}. ` +
        'Run them with the repo\'s Node 22: PATH="$PWD/node_modules/.bin:$PATH" node --test tests/e2e/',
    );
  }
}
