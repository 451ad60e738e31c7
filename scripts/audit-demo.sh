#!/usr/bin/env bash
# The main job: build netdossier, bring up the built-in simulated client site (network namespaces,
# nothing linked to this machine's real network), run an onboarding audit of it from the site's
# scanner host, and leave the dossier in OUT_DIR (default ./dossier). Needs root (namespaces).
# usage: scripts/audit-demo.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/dossier}")"
prefix="ndaudit"

[[ $(id -u) -eq 0 ]] || { echo "audit-demo: needs root to build the simulated site (network namespaces)" >&2; exit 1; }
bash "$root/scripts/install-deps.sh"
build="$(bash "$root/scripts/build.sh" release | tail -n1)"
bin="$build/agent/netdossier"

work="$(mktemp -d /tmp/netdossier-audit.XXXXXX)"
cleanup() { bash "$root/lab/site.sh" down --prefix "$prefix" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== bringing up the simulated client site"
bash "$root/lab/site.sh" up small --prefix "$prefix" --truth "$work/ground-truth.json"
scan_ns="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["scanner"]["netns"])' "$work/ground-truth.json")"

# The audit's config: the site's LAN and the routed subnet behind its router, SNMP credentials.
cat > "$work/netdossier.toml" <<TOML
[site]
name = "Simulated client site (lab)"

[scan]
targets = ["198.18.1.0/24", "198.18.2.0/24"]

[store]
path = "$work/netdossier.db"

[snmp]
[[snmp.credentials]]
name = "site-default"
version = "v2c"
community = "public"

[[snmp.credentials]]
name = "site-secondary"
version = "v2c"
community = "s3cret-ro"
TOML
chmod 600 "$work/netdossier.toml"

echo "== onboarding audit from the scanner host ($scan_ns)"
ip netns exec "$scan_ns" "$bin" scan --config "$work/netdossier.toml"

echo "== writing the dossier to $out"
mkdir -p "$out"
# One self-contained HTML file (dossier.html: open it in any browser, print it), Markdown and CSV per
# section, the JSON contract, and the topology as Graphviz DOT.
for format in html md csv json dot; do
  "$bin" export --db "$work/netdossier.db" --format "$format" --section all --out "$out" >/dev/null
done
cp "$work/netdossier.db" "$out/netdossier.db"
ls -l "$out"
echo "dossier written to $out (open $out/dossier.html)"
