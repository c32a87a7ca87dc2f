#!/usr/bin/env bash
# Runs clang-format (settings in .clang-format) on every C++ file of the
# repository: the core (src/), its wasm bindings (bindings/), the native tests
# and benchmarks, and any C++ added later, tracked or not yet.
#   bash scripts/clang-format.sh --check   # fail, showing where, if a file would change
#   bash scripts/clang-format.sh --fix     # rewrite the files in place
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' '*.h' '*.cc')
((${#files[@]})) || exit 0

case "${1:-}" in
  --check) clang-format --dry-run -Werror "${files[@]}" ;;
  --fix) clang-format -i "${files[@]}" ;;
  *)
    echo "usage: bash scripts/clang-format.sh --check | --fix" >&2
    exit 2
    ;;
esac
