// Generates the storefront on Nano Stores from demo-site/'s own sources, so the
// benchmark compares the same page and islands with only the stores swapped:
// - src/cartStore.js is replaced by nano/cartStore.js (nanostores +
//   @nanostores/persistent, the same exports);
// - the islands import @nanostores/<framework> instead of atoll-store/<framework>
//   (Svelte uses the store contract directly, nothing to change);
// - Atoll-only parts are left out: the per-request server state hand-off
//   (the page sets the stores instead), Undo/Redo, Save/Restore (snapshot),
//   the ?debug logger, the no-bundler page (pages/no-bundler.astro, which
//   finds the cart by name with the standalone build: Nano Stores has no
//   stores by name) with the storefront's link to it, and "Share this cart"
//   (atoll-store/yjs) with its sync server (sync/, at /sync of server.mjs).
// Every edit must apply, so a change to the demo that the copy no longer
// matches stops the benchmark with the edit's name instead of measuring
// something else.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot, siteDir } from '../../e2e/support/paths.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The Nano Stores packages the copy gets, from the repo's devDependencies. */
export const NANO_PACKAGES = [
  'nanostores',
  '@nanostores/persistent',
  '@nanostores/react',
  '@nanostores/preact',
  '@nanostores/vue',
  '@nanostores/solid',
];
/** Installed or generated in demo-site/, or Atoll's own: not copied. */
const NOT_COPIED = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.data',
  'vendor',
  'sync',
  join('public', 'atoll'),
  join('scripts', 'copy-atoll-browser.mjs'),
]);

/** Writes the Nano Stores storefront into `dest` (an empty or missing folder). */
export function makeNanoSite(dest) {
  rmSync(dest, { recursive: true, force: true });
  cpSync(siteDir, dest, { recursive: true, filter: (src) => !NOT_COPIED.has(relative(siteDir, src)) });
  linkNodeModules(dest);

  const src = join(dest, 'src');
  cpSync(join(here, 'nano', 'cartStore.js'), join(src, 'cartStore.js'));
  for (const file of [
    'middleware.js',
    'cartHistory.js',
    join('widgets', 'history.js'),
    join('widgets', 'saved.js'),
    join('widgets', 'share.js'),
    join('pages', 'no-bundler.astro'),
    'cartShare.js',
    'cartRoom.js',
  ]) {
    rmSync(join(src, file));
  }

  for (const file of listFiles(join(src, 'components'))) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/'atoll-store\/(react|preact|vue|solid)'/g, "'@nanostores/$1'"));
  }

  edit(
    join(src, 'layouts', 'Layout.astro'),
    [/^import \{ serverStateScript \} from 'atoll-store\/ssr';\n/m, '', 'ssr import'],
    [/^ *\{\/\*[^\n]*server state[^\n]*\*\/\}\n/m, '', 'server state comment'],
    [/^ *<Fragment set:html=\{serverStateScript\(\)\} \/>\n/m, '', 'server state script'],
  );

  edit(
    join(src, 'pages', 'index.astro'),
    [/^import \{ setServerState \} from 'atoll-store\/ssr';\n/m, '', 'ssr import'],
    // Nano Stores has no per-request scope: the page sets the shared stores
    // (one request at a time in the benchmark).
    [/setServerState\((\w+), /g, '$1.set(', 'setServerState -> set'],
    [/^ *<div class="history"[\s\S]*?<\/div>\n/m, '', 'Undo/Redo markup'],
    [/^ *<div class="saved"[\s\S]*?<\/div>\n/m, '', 'Save/Restore markup'],
    [/^ *<a [^>]*href="\/no-bundler"[^>]*>[^<]*<\/a>\n/m, '', 'link to the no-bundler page'],
    [/^\/\/ "Share this cart": where[\s\S]*?\nconst sync = [^\n]*\n/m, '', 'Share: sync info'],
    [/^ *<div class="share"[\s\S]*?<\/div>\n/m, '', 'Share: markup'],
    // The page's script: the Atoll-only widgets and the ?debug logger go.
    [/^ *import \{ startHistory \} from [^\n]*\n/m, '', 'Undo/Redo import'],
    [/^ *startHistory\(\);\n/m, '', 'Undo/Redo start'],
    [/^ *import \{ startSaved \} from [^\n]*\n/m, '', 'Save/Restore import'],
    [/^ *startSaved\(\);\n/m, '', 'Save/Restore start'],
    [/^ *import \{ startShare \} from [^\n]*\n/m, '', 'Share import'],
    [/^ *startShare\(\);\n/m, '', 'Share start'],
    [/^ {2}\/\/ \?debug in the URL[\s\S]*?\n {2}\}\n/m, '', '?debug logger'],
    [/^ *import \{ cartItems, isCartOpen \} from '\.\.\/cartStore\.js';\n/m, '', 'logger import'],
  );

  edit(
    join(dest, 'astro.config.mjs'),
    [/^import syncServer from '[^']+';\n/m, '', 'sync integration import'],
    [/^ *\/\/ "Share this cart"[^\n]*\n *syncServer\(\),\n/m, '', 'sync integration'],
    // The same chunk rule for the Nano Stores modules: its store chunk holds
    // nanostores and @nanostores/persistent with the cart module, as Atoll's
    // holds atoll-store's modules (and server.mjs preloads it the same way).
    [
      /\|\[\\\\\/\]src\[\\\\\/\]\(cartStore/,
      '|node_modules[\\\\/](nanostores|@nanostores[\\\\/]persistent)[\\\\/]$&',
      'store chunk rule',
    ],
  );
  edit(
    join(dest, 'server.mjs'),
    [/^import \{[^}]*\} from '\.\/sync\/hocuspocus\.mjs';\n/m, '', 'sync server import'],
    [/^\/\/ "Share this cart"[\s\S]*?\n\}\n/m, 'let sync;\n', 'sync server'],
  );

  const pkg = JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8'));
  pkg.name = 'atoll-demo-storefront-on-nanostores';
  delete pkg.dependencies['atoll-store'];
  for (const name of NANO_PACKAGES) pkg.dependencies[name] = installedVersion(name);
  delete pkg.scripts.predev;
  delete pkg.scripts.prebuild;
  writeFileSync(join(dest, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  const left = listFiles(src).filter((file) => /['"]atoll-store(\/[\w-]+)?['"]/.test(readFileSync(file, 'utf8')));
  if (left.length) throw new Error(`the Nano Stores copy still imports atoll-store in: ${left.join(', ')}`);
  const standalone = listFiles(src).filter((file) => readFileSync(file, 'utf8').includes('/atoll/browser/'));
  if (standalone.length)
    throw new Error(`the Nano Stores copy still loads atoll-store's standalone build in: ${standalone.join(', ')}`);
}

/**
 * The copy's node_modules: links to demo-site's installed packages (one copy
 * of each framework for both sites), without atoll-store, plus real copies of
 * the Nano Stores packages from the repo's node_modules. Copies, not links:
 * a link would make @nanostores/react find the repo's own React, a second one.
 */
function linkNodeModules(dest) {
  const from = join(siteDir, 'node_modules');
  const to = join(dest, 'node_modules');
  mkdirSync(to);
  for (const name of readdirSync(from)) {
    if (name === 'atoll-store' || (name.startsWith('.') && name !== '.bin')) continue;
    symlinkSync(join(from, name), join(to, name));
  }
  for (const name of NANO_PACKAGES) {
    cpSync(join(repoRoot, 'node_modules', name), join(to, name), { recursive: true, dereference: true });
  }
}

function installedVersion(name) {
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Applies [pattern, replacement, what] edits to a file; each must match. */
function edit(file, ...edits) {
  let text = readFileSync(file, 'utf8');
  for (const [pattern, replacement, what] of edits) {
    const next = text.replace(pattern, replacement);
    if (next === text) {
      throw new Error(
        `nano copy: the edit "${what}" no longer matches ${file}; update tests/bench/page/nanoSite.js to the demo`,
      );
    }
    text = next;
  }
  writeFileSync(file, text);
}
