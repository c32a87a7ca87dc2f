#!/usr/bin/env bash
# Installs what a fresh machine lacks: Debian packages (Emscripten and the
# C++ libraries, Chromium for browser tests, clang-format and clang-tidy for
# the C++ checks) and the npm packages (which bring Node 22 for Astro 7 and
# the test and lint tools). Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(emscripten node-acorn nlohmann-json3-dev catch2 cmake g++ chromium clang-format clang-tidy)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

# better-sqlite3 (SQLite for the Hocuspocus tests) must be built for Node 22.
export PATH="$PWD/node_modules/.bin:$PATH"
bash scripts/native-modules.sh .
