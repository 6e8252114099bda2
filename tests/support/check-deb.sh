#!/usr/bin/env bash
# Builds the Debian package from a build tree and checks it as a packager
# would: the control fields, the files it installs, lintian (errors fail),
# and the packaged binary run out of a temporary root.
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cpack -G DEB -B "$scratch/out" --config "$build/CPackConfig.cmake" >/dev/null 2>&1
deb="$(ls "$scratch"/out/sluice_*.deb)"
info="$(dpkg-deb --info "$deb")"
for field in "Package: sluice" "Section: utils" "Depends:.*libqt6sql6-sqlite" "Depends:.*libqt6core6" "Depends:.*libpq5" "Maintainer: "; do
  grep -Eq "$field" <<<"$info" || { echo "control lacks $field"; echo "$info"; exit 1; }
done
dpkg-deb -x "$deb" "$scratch/root"
for f in usr/bin/sluice usr/share/man/man1/sluice.1.gz usr/share/applications/dev.sluice.Sluice.desktop \
         usr/share/icons/hicolor/scalable/apps/dev.sluice.Sluice.svg usr/share/metainfo/dev.sluice.Sluice.metainfo.xml \
         usr/share/bash-completion/completions/sluice usr/share/zsh/site-functions/_sluice usr/share/sluice/sluice.schema.json \
         usr/share/sluice/autostart/dev.sluice.Sluice.Agent.desktop usr/lib/systemd/user/sluice-agent.service \
         usr/share/doc/sluice/copyright usr/share/doc/sluice/changelog.gz; do
  [ -f "$scratch/root/$f" ] || { echo "the package does not install /$f"; exit 1; }
done
version="$("$scratch/root/usr/bin/sluice" --version 2>&1)"
grep -q '^sluice ' <<<"$version" || { echo "the packaged binary does not run: $version"; exit 1; }
page="$(MANPAGER=cat man -l "$scratch/root/usr/share/man/man1/sluice.1.gz" 2>/dev/null)"
grep -q 'SYNOPSIS' <<<"$page" || { echo "the packaged man page does not read"; exit 1; }
# Errors fail; a sanitizer build's binary draws warnings a release one does not.
report="$(lintian --allow-root "$deb" 2>&1 || true)"
echo "$report"
if grep -q '^E: ' <<<"$report"; then echo "lintian found errors"; exit 1; fi
echo "package ok: $(basename "$deb")"
