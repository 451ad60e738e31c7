#!/usr/bin/env bash
# Installs every build, test and benchmark dependency from Debian packages.
# Idempotent and non-interactive. Daemons are installed with their service start blocked:
# they must never run in the root namespace (the lab starts them inside its own namespaces).
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config git clang-format clang-tidy
  libpcap-dev libsnmp-dev libboost-dev libboost-system-dev libsqlite3-dev sqlite3 libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libcli11-dev libtomlplusplus-dev nlohmann-json3-dev libkainjow-mustache-dev
  libldns-dev libsystemd-dev ieee-data zlib1g-dev libre2-dev
  # the IANA enterprise-number registry (Wireshark's data): names makers no fingerprint rule knows
  libwireshark-data
  # the simulated site and its real peers
  iproute2 nftables procps python3 snmpd snmp snmpsim avahi-daemon avahi-utils lldpd
  # baselines for bench/
  arp-scan nmap fping time
  # fuzzing and packaging
  clang libclang-rt-14-dev dpkg-dev
  # the HTML dossier's headless browser test (runs only inside an isolated network namespace)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"

# Block service starts during the install (restored afterwards if we created the block).
created_block=0
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod 755 /usr/sbin/policy-rc.d
  created_block=1
fi
trap '[[ $created_block == 1 ]] && $SUDO rm -f /usr/sbin/policy-rc.d' EXIT

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Belt and braces: if a packaged daemon still started in the root namespace, stop it.
for svc in snmpd lldpd avahi-daemon; do
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $SUDO systemctl disable --now "$svc" >/dev/null 2>&1 || true
  fi
done
echo "install-deps: installed ${#missing[@]} packages"
