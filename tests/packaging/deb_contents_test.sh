#!/bin/sh
# Builds the .deb with CPack in the given build directory and checks what it holds, without
# installing it: the binary, the fingerprint rules, the unit, the man page, the config (mode 0600,
# a conffile) and the maintainer scripts. Usage: deb_contents_test.sh BUILD_DIR
set -eu
build=${1:?usage: $0 BUILD_DIR}
for tool in cpack dpkg-deb; do
    command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cmake --build "$build" --target netdossier netdossier_man >/dev/null
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$out"/netdossier_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { cat "$out/cpack.log"; echo "FAIL: no .deb produced"; exit 1; }
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

fail=0
contents=$(dpkg-deb -c "$deb")
info=$(dpkg-deb -I "$deb")
expect_entry() {  # MODE PATH: an entry with this mode prefix ends with PATH
    if echo "$contents" | grep -E "^$1 .* \./$2\$" >/dev/null; then
        echo "ok   $2 ($1)"
    else
        echo "MISS $2 ($1)"; fail=1
    fi
}
expect_entry '-rwxr-xr-x' 'usr/bin/netdossier'
expect_entry '-rw-------' 'etc/netdossier/netdossier.toml'
expect_entry '-rw-r--r--' 'lib/systemd/system/netdossier.service'
expect_entry '-rw-r--r--' 'usr/share/man/man8/netdossier.8.gz'
expect_entry '-rw-r--r--' 'usr/share/netdossier/fingerprints/00-vendors.toml'
rules=$(echo "$contents" | grep -c 'usr/share/netdossier/fingerprints/.*\.toml$' || true)
shipped=$(ls "$(dirname "$0")/../../fingerprint/data/"*.toml | wc -l)
[ "$rules" -eq "$shipped" ] && echo "ok   $rules fingerprint rule files" || { echo "MISS fingerprint rules: $rules of $shipped"; fail=1; }
if echo "$contents" | grep -E '_tests$|bench|/include/' >/dev/null; then
    echo "FAIL: test, bench or header files in the package"; fail=1
fi
for script in postinst prerm postrm conffiles; do
    echo "$info" | grep -E "^ +[0-9]+ bytes, +[0-9]+ lines +\*? *$script" >/dev/null && echo "ok   control: $script" ||
        { echo "MISS control: $script"; fail=1; }
done
conffiles=$(dpkg-deb -I "$deb" conffiles)
[ "$conffiles" = "/etc/netdossier/netdossier.toml" ] && echo "ok   conffile" || { echo "BAD conffiles: $conffiles"; fail=1; }
echo "$info" | grep -E '^ Depends:.*adduser' >/dev/null && echo "ok   depends on adduser" || { echo "MISS Depends: adduser"; fail=1; }
dpkg-deb -I "$deb" postinst | grep -q 'adduser --system' && echo "ok   postinst creates the user" || { echo "BAD postinst"; fail=1; }
# The packaged unit and config are the ones in the tree, and the config parses.
mkdir "$out/root"
dpkg-deb -x "$deb" "$out/root"
cmp -s "$out/root/lib/systemd/system/netdossier.service" "$(dirname "$0")/../../packaging/netdossier.service" &&
    echo "ok   unit matches packaging/" || { echo "BAD unit differs"; fail=1; }
if "$out/root/usr/bin/netdossier" scan --config "$out/root/etc/netdossier/netdossier.toml" --check-config >/dev/null 2>"$out/check.err"; then
    echo "ok   default config passes --check-config"
else
    cat "$out/check.err"; echo "BAD default config"; fail=1
fi
[ $fail -eq 0 ] && echo PASS || echo FAIL
exit $fail
