#!/usr/bin/env bash
# Runs clang-tidy (checks in .clang-tidy) on every file the native build
# compiles: the core (src/), the Catch2 tests and the native benchmark. It
# needs that build's compile commands, so it configures build/native with
# them first (the same configure scripts/test.sh runs, plus the export).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
# run-clang-tidy (from Debian's clang-tidy) checks the files in parallel and
# fails when any check fails; only the files of this repository, not the
# generated or fetched ones a build folder may hold.
# The native Release build links with LTO (g++'s -fno-fat-lto-objects, a flag
# clang does not know): tidy reads those commands with clang's front end.
run-clang-tidy -quiet -extra-arg=-fno-color-diagnostics -extra-arg=-Wno-ignored-optimization-argument -p build/native -j "$(nproc)" "$PWD/(src|tests)/" >build/native/clang-tidy.log 2>&1 || {
  grep -E -A4 'warning:|error:' build/native/clang-tidy.log || cat build/native/clang-tidy.log
  exit 1
}
echo "clang-tidy: no findings"
