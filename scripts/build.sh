#!/usr/bin/env bash
# Configures and builds one flavour of the tree: `release` (default) or `sanitize` (ASan+UBSan).
# usage: scripts/build.sh [release|sanitize] -> prints the build directory on the last line
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
flavour="${1:-release}"
case "$flavour" in
  release)  dir="$root/build";          flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  sanitize) dir="$root/build-sanitize"; flags=(-DCMAKE_BUILD_TYPE=Debug -DNETDOSSIER_SANITIZE=ON) ;;
  *) echo "build.sh: unknown flavour '$flavour' (release|sanitize)" >&2; exit 2 ;;
esac
cmake -S "$root" -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)" >&2
echo "$dir"
