#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own build dir and runs each for a bounded time
# on a copy of its seed corpus. Exits non-zero when a target finds a crash, leak or UB.
# usage: tests/fuzz/run.sh [seconds per target, default 30] [target...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-30}"
shift || true
build="${NETDOSSIER_FUZZ_BUILD:-$root/build-disc-fuzz}"
jobs="${NETDOSSIER_JOBS:-2}"

CXX=clang++ CC=clang cmake -S "$root" -B "$build" -DNETDOSSIER_FUZZ=ON -DNETDOSSIER_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$jobs" --target fuzz_all

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for exe in "$build"/tests/fuzz/fuzz_*; do targets+=("$(basename "$exe" | sed 's/^fuzz_//')"); done
fi

status=0
for t in "${targets[@]}"; do
    work="$build/fuzz-work/$t"
    mkdir -p "$work/corpus" "$work/artifacts"
    [ -d "$here/corpus/$t" ] && cp -n "$here/corpus/$t"/* "$work/corpus/" 2>/dev/null || true
    echo "== fuzz_$t for ${seconds}s"
    if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 \
        -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$work/corpus" 2>"$work/log.txt"; then
        echo "fuzz_$t FAILED: see $work/log.txt and $work/artifacts/" >&2
        grep -E "ERROR|SUMMARY" "$work/log.txt" | head -5 >&2 || true
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/log.txt" | tr '\n' ' '
        echo
    fi
done
exit $status
