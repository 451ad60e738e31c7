#!/usr/bin/env bash
# Runs every test: installs dependencies, builds, then unit and integration tests (release build),
# unit tests again under ASan+UBSan, and the bounded fuzz run. Integration tests need root (they build
# the namespace lab); without root they skip with a reason.
# usage: scripts/test.sh [--quick]   (--quick: release build and its tests only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=0; [[ "${1:-}" == "--quick" ]] && quick=1

bash "$root/scripts/install-deps.sh"

echo "== release build and all tests"
build="$(bash "$root/scripts/build.sh" release | tail -n1)"
(cd "$build" && ctest --output-on-failure --timeout 900)

if ((quick == 0)); then
  echo "== ASan+UBSan build and unit tests"
  sbuild="$(bash "$root/scripts/build.sh" sanitize | tail -n1)"
  (cd "$sbuild" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --output-on-failure -L unit --timeout 900)
  if [[ -x "$root/tests/fuzz/run.sh" ]]; then
    echo "== fuzzing the packet decoders (bounded)"
    bash "$root/tests/fuzz/run.sh" 20
  fi
fi
echo "== all tests passed"
