#!/usr/bin/env bash
# Builds the package: the wasm core (js/wasm/) and the standalone browser
# build (js/browser/atoll.js) for pages without a bundler.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs # emcc's helper scripts need Debian's acorn

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j2
# One ES module with the whole API and the wasm core inlined: the one file a
# page without a bundler needs.
npx esbuild js/index.js --bundle --format=esm --target=es2022 --minify \
  --log-level=warning --outfile=js/browser/atoll.js
echo "build: store core build/wasm/atoll.wasm $(wc -c <build/wasm/atoll.wasm) B (inlined in js/wasm/core-hex.js), js/browser/atoll.js $(wc -c <js/browser/atoll.js) B"
