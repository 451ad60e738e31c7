#!/bin/sh
# The systemd unit's exposure as systemd-analyze rates it (0 = locked down, 10 = unprotected) must stay
# at or below 2.5. Prints the figure; skips (exit 77 is ctest-neutral only with SKIP_RETURN_CODE) when
# systemd-analyze is missing or too old for --offline.
set -eu
unit=${1:-$(dirname "$0")/../../packaging/netdossier.service}
limit=2.5
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIP: systemd-analyze not installed"; exit 77
fi
out=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) || {
    echo "$out" | tail -5
    case "$out" in *"unrecognized option"*) echo "SKIP: systemd-analyze has no --offline"; exit 77 ;; esac
    echo "FAIL: systemd-analyze security failed on $unit"; exit 1
}
# The verifier also prints unit warnings (unknown keys, bad values): any is a defect in the unit.
if echo "$out" | grep -E "Unknown (key|section)|Failed to parse|Invalid" >/dev/null; then
    echo "$out" | grep -E "Unknown (key|section)|Failed to parse|Invalid"
    echo "FAIL: the unit has settings systemd does not accept"; exit 1
fi
exposure=$(echo "$out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [ -z "$exposure" ]; then
    echo "$out" | tail -5; echo "FAIL: no exposure figure in the output"; exit 1
fi
echo "exposure of $(basename "$unit"): $exposure (limit $limit)"
echo "$out" | grep "✗" || true
if awk -v e="$exposure" -v l="$limit" 'BEGIN { exit !(e > l) }'; then
    echo "FAIL: exposure $exposure is above $limit"; exit 1
fi
echo "PASS"
