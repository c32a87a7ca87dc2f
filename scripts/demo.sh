#!/usr/bin/env bash
# The main job: set up a fresh machine, build the package, build the demo
# storefront with the package copy it ships (demo-site/vendor/), and serve it.
#
# "Share this cart" needs a sync server (Hocuspocus). By default it runs in
# the storefront's process, at /sync, keeping rooms in SQLite under
# demo-site/.data/. DEMO_SYNC=redis instead starts Redis (Debian's
# redis-server, installed here only in this mode) and two sync processes
# that share every room through it; the page sends half the browsers to each.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
hash -r # node_modules/.bin (Node 22, which Astro 7 needs) may have just appeared
bash scripts/build.sh
export PATH="$PWD/node_modules/.bin:$PATH"
# SQLite for the sync server, built for Node 22 (scripts/native-modules.sh)
headers="$(bash scripts/native-modules.sh --headers)" # from the repo root: the script is not in demo-site/
(cd demo-site && npm_config_nodedir="$headers" npm ci --no-audit --no-fund)
bash scripts/native-modules.sh demo-site
cd demo-site
npm run build # astro build, then .br/.gz copies of the client files (postbuild)
export PORT="${PORT:-4321}" HOST="${HOST:-127.0.0.1}"

if [ "${DEMO_SYNC:-}" != redis ]; then
  # The production server (server.mjs): the Astro handler behind brotli/gzip
  # compression and cache headers, and the sync server. It logs its addresses.
  exec node server.mjs
fi

bash ../scripts/redis-server.sh install
REDIS_PORT="${REDIS_PORT:-6390}"
SYNC_PORTS=("${SYNC_PORT_A:-4401}" "${SYNC_PORT_B:-4402}")
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
trap 'exit 0' INT TERM
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning &
pids+=($!)
for port in "${SYNC_PORTS[@]}"; do
  SYNC_PORT="$port" REDIS_PORT="$REDIS_PORT" node sync/standalone.mjs &
  pids+=($!)
done
SYNC_URLS="ws://$HOST:${SYNC_PORTS[0]},ws://$HOST:${SYNC_PORTS[1]}" SYNC_STORAGE=sqlite node server.mjs &
pids+=($!)
wait "${pids[-1]}"
