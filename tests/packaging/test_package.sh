#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a scratch root as dpkg would install it, and runs the
# installed fathom-cli from there: the package holds what a user needs and finds its own data.
set -euo pipefail
build=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
if ! (cd "$build" && cpack -G DEB -B "$root/out" >"$root/cpack.log" 2>&1); then
  cat "$root/cpack.log"; exit 1
fi
deb=$(ls "$root"/out/fathom_*.deb)
info=$(dpkg-deb --info "$deb")
grep -q 'Package: fathom' <<<"$info"
dpkg-deb -x "$deb" "$root/install"
for f in usr/bin/fathom usr/bin/fathom-cli usr/share/applications/org.fathom.Fathom.desktop \
         usr/share/metainfo/org.fathom.Fathom.metainfo.xml usr/share/icons/hicolor/scalable/apps/fathom.svg \
         usr/share/fathom/environments/local.yaml; do
  [ -e "$root/install/$f" ] || { echo "package lacks $f"; exit 1; }
done
desktop-file-validate "$root/install/usr/share/applications/org.fathom.Fathom.desktop"
appstreamcli validate --no-net "$root/install/usr/share/metainfo/org.fathom.Fathom.metainfo.xml" >/dev/null
version=$("$root/install/usr/bin/fathom-cli" --version)
echo "$version"
grep -q '^fathom-cli 0\.' <<<"$version"
# The installed engine reads its environment file from the package, not from the build tree.
json=$("$root/install/usr/bin/fathom-cli" --env gpu devices --json 2>"$root/err")
grep -q '"selected"' <<<"$json"
if grep -q "has no file" "$root/err"; then cat "$root/err"; exit 1; fi
echo "package OK: $(basename "$deb")"
