#!/usr/bin/env bash
# Builds better-sqlite3 (the SQLite behind @hocuspocus/extension-sqlite) for
# the Node that runs it, in the npm project folder given (default: here).
#
# It is a native module. No prebuilt binary can be downloaded here, so npm
# compiles it, against the headers of `nodedir` when npm's config sets one
# (this machine's points at Debian's Node 20) while the project runs on the
# Node 22 of node_modules/.bin: the module then fails to load (wrong
# NODE_MODULE_VERSION). This rebuilds it against Node 22's own headers, which
# ship in the `node` package's platform package, or, where that copy lacks
# them, in a packed copy of that package from the npm registry.
# Nothing happens when the module already loads.
#
# `native-modules.sh --headers` only prints the folder of those headers, for
# `npm_config_nodedir=... npm ci`, which then builds it right the first time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

version="$(node -p process.versions.node)"
matches() { [ -f "$1/include/node/node_version.h" ] && [ "$(node -p "
  let h = require('fs').readFileSync('$1/include/node/node_version.h', 'utf8');
  ['MAJOR','MINOR','PATCH'].map(k => h.match(new RegExp('define NODE_' + k + '_VERSION (\\\\d+)'))[1]).join('.')")" = "$version" ]; }
headers_dir() {
  for candidate in "$root"/node_modules/node/node_modules/node-*; do
    if matches "$candidate"; then echo "$candidate"; return; fi
  done
  local platform cache
  platform="node-$(node -p "process.platform + '-' + process.arch")"
  cache="${TMPDIR:-/tmp}/atoll-node-headers-$version"
  if ! matches "$cache/package"; then
    mkdir -p "$cache"
    (cd "$cache" && npm pack --silent "$platform@$version" >/dev/null && tar xzf "$platform-$version.tgz")
  fi
  echo "$cache/package"
}

if [ "${1:-}" = --headers ]; then
  headers_dir
  exit 0
fi

cd "${1:-.}"
[ -d node_modules/better-sqlite3 ] || exit 0
loads() { node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; }
loads && exit 0
echo "native-modules: building better-sqlite3 in $PWD for Node $version"
npm_config_nodedir="$(headers_dir)" npm rebuild better-sqlite3 --no-audit --no-fund >/dev/null
loads || { echo "native-modules: better-sqlite3 still does not load" >&2; exit 1; }
