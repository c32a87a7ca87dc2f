#!/usr/bin/env bash
# Refreshes the package copy the demo site installs (demo-site/vendor/), so
# the folder works alone (StackBlitz) with no Emscripten. Run after changing
# js/, src/ or bindings/; the test run fails while the copy is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p demo-site/vendor
npm pack --silent --pack-destination demo-site/vendor >/dev/null
echo "pack-demo: demo-site/vendor/$(ls demo-site/vendor)"
# Record the new tarball's checksum in the demo's lock file and install it.
# (Native modules of the demo, SQLite, are built for Node 22: see native-modules.sh.)
headers="$(bash scripts/native-modules.sh --headers)"
(cd demo-site && npm_config_nodedir="$headers" npm install --no-audit --no-fund ./vendor/atoll-store-0.1.0.tgz >/dev/null)
