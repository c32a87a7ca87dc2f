#!/usr/bin/env bash
# Builds the package: the wasm core (js/wasm/) and the standalone browser
# builds (js/browser/atoll.js, an ES module, and js/browser/atoll.iife.js, a
# classic script) for pages without a bundler.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs # emcc's helper scripts need Debian's acorn

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j2
# One ES module with the whole API and the wasm core inlined: the one file a
# page without a bundler needs.
npx esbuild js/index.js --bundle --format=esm --target=es2022 --minify \
  --log-level=warning --outfile=js/browser/atoll.js
# The same as a classic script (<script src>, no type="module"): it defines the
# global `Atoll`. The store API uses no import.meta, so this build has nothing
# that needs a module URL; --log-level=warning would show esbuild's
# "import.meta ... will be empty" if something that does crept in.
npx esbuild js/index.js --bundle --format=iife --global-name=Atoll --target=es2022 --minify \
  --log-level=warning --outfile=js/browser/atoll.iife.js
echo "build: store core build/wasm/atoll.wasm $(wc -c <build/wasm/atoll.wasm) B (inlined in js/wasm/core-hex.js), js/browser/atoll.js $(wc -c <js/browser/atoll.js) B, js/browser/atoll.iife.js $(wc -c <js/browser/atoll.iife.js) B"
