#!/usr/bin/env bash
# The main job: set up a fresh machine, build the package, build the demo
# storefront with the package copy it ships (demo-site/vendor/), and serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
hash -r # node_modules/.bin (Node 22, which Astro 7 needs) may have just appeared
bash scripts/build.sh
cd demo-site
npm ci --no-audit --no-fund
npm run build # astro build, then .br/.gz copies of the client files (postbuild)
# The production server (server.mjs): the Astro handler behind brotli/gzip
# compression and cache headers. It logs the address it serves on.
PORT="${PORT:-4321}" HOST="${HOST:-127.0.0.1}" exec node server.mjs
