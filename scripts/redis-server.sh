#!/usr/bin/env bash
# `redis-server.sh install`: Debian's redis-server, installed when missing.
# Only the demo's Redis mode (DEMO_SYNC=redis) and its browser test use it.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
echo "redis-server: installing Debian's redis-server"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
