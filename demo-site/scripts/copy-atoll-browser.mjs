// Copies the standalone browser build of atoll-store (js/browser/atoll.js, one
// file with the wasm core inlined) from node_modules into public/atoll/, so
// that a page can load it with no bundler:
// <script type="module" src="/atoll/browser/atoll.js">.
// Run by the predev and prebuild npm scripts; public/atoll/ is gitignored.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const siteRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(siteRoot, 'package.json'));
const packageRoot = dirname(require.resolve('atoll-store/package.json'));
const target = join(siteRoot, 'public', 'atoll');

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });

let missing = [];
for (const folder of ['browser']) {
  const from = join(packageRoot, 'js', folder);
  if (!existsSync(from)) {
    missing.push(folder);
    continue;
  }
  cpSync(from, join(target, folder), { recursive: true });
  console.log(`atoll: copied ${relative(siteRoot, from)} -> ${relative(siteRoot, join(target, folder))}`);
}
if (missing.length) {
  console.warn(
    `atoll: warning: atoll-store has no js/${missing.join(', js/')} folder; ` +
      'the no-bundler page (src/pages/no-bundler.astro) will not load. Repack the package ' +
      '(npm run build && npm pack --pack-destination demo-site/vendor at the repo root) ' +
      'and run npm install here.',
  );
}
