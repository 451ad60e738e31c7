#!/usr/bin/env bash
# Runs every test: installs dependencies, builds, then unit and integration tests (release build),
# unit tests again under ASan+UBSan, and the bounded fuzz run. Integration tests need root (they build
# the namespace lab); without root they skip with a reason.
# usage: scripts/test.sh [--quick]   (--quick: release build and its tests only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=0; [[ "${1:-}" == "--quick" ]] && quick=1

bash "$root/scripts/install-deps.sh"

echo "== release build and unit tests"
build="$(bash "$root/scripts/build.sh" release | tail -n1)"
(cd "$build" && ctest --output-on-failure -L unit --timeout 900)
(cd "$build" && ctest --output-on-failure -L corpus --timeout 900)

echo "== integration tests against the simulated site (one shared lab; tests that change it bring their own)"
lab_prefix="ndci$$"
lab_up=0
teardown_lab() { ((lab_up == 0)) || bash "$root/lab/site.sh" down --prefix "$lab_prefix" >/dev/null 2>&1 || true; }
trap teardown_lab EXIT
if [[ $(id -u) -eq 0 ]]; then
  bash "$root/lab/site.sh" up small --prefix "$lab_prefix" >/dev/null
  lab_up=1
  export NETDOSSIER_LAB_REUSE="$lab_prefix"
fi
(cd "$build" && ctest --output-on-failure -L integration --timeout 900)
teardown_lab; lab_up=0; unset NETDOSSIER_LAB_REUSE

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
