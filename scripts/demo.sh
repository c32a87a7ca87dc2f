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
npm run build
echo "demo: serving the storefront on http://localhost:${PORT:-4321}"
exec npx astro preview --host 127.0.0.1 --port "${PORT:-4321}"
