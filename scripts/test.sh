#!/usr/bin/env bash
# Every test of the project, from a fresh machine: set-up, build, the lint
# check (npm run lint), then the native core suite (plain and under
# ASan+UBSan) and clang-tidy, the Node suite against the real wasm, the
# framework adapter suites, and the browser tests of the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
hash -r # node_modules/.bin (Node 22) may have just appeared on PATH
bash scripts/build.sh

echo "== lint (eslint, prettier, clang-format)"
npm run --silent lint

echo "== core (Catch2, native)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DATOLL_WERROR=ON >/dev/null
cmake --build build/native -j2
ctest --test-dir build/native --output-on-failure

echo "== clang-tidy (src/, tests/core, tests/bench/native)"
bash scripts/clang-tidy.sh

echo "== core (Catch2, -fsanitize=address,undefined)"
cmake -S . -B build/native-asan -DCMAKE_BUILD_TYPE=Debug -DATOLL_SANITIZE=ON -DATOLL_WERROR=ON >/dev/null
cmake --build build/native-asan -j2
ctest --test-dir build/native-asan --output-on-failure

echo "== store API (node:test, real wasm)"
node --test tests/js/*.test.js

echo "== TypeScript declarations (tsc --strict on code written for Nano Stores)"
npx tsc -p tests/types

echo "== adapters (vitest + jsdom; React 18 from tests/adapters/react18)"
(cd tests/adapters/react18 && npm ci --no-audit --no-fund --silent)
npx vitest run --config tests/adapters/vitest.jsx.config.mjs
npx vitest run --config tests/adapters/vitest.sfc.config.mjs

echo "== demo site in Chromium (the demo installs the package copy in demo-site/vendor)"
# SQLite for the demo's sync server, built for Node 22 (scripts/native-modules.sh)
headers="$(bash scripts/native-modules.sh --headers)" # from the repo root: the script is not in demo-site/
(cd demo-site && npm_config_nodedir="$headers" npm ci --no-audit --no-fund)
bash scripts/native-modules.sh demo-site
bash scripts/redis-server.sh install      # the demo's Redis mode (yjs-devices.test.js)
node --test --test-concurrency=1 tests/e2e/*.test.js
