#!/usr/bin/env bash
# Installs what Sluice needs to build, test and run on Debian 12. Idempotent:
# packages already present are left alone, and apt is only asked when one is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-svg-dev libqt6opengl6-dev libxkbcommon-dev libgl-dev
  libqt6sql6-sqlite libqt6sql6-psql libpq-dev libssl-dev libphonenumber-dev libxxhash-dev libsqlite3-dev
  postgresql postgresql-client xvfb xauth trayer openbox lintian
  libmariadb-dev mariadb-server mariadb-client unixodbc unixodbc-dev odbc-postgresql libqt6sql6-odbc
  qtkeychain-qt6-dev gnome-keyring dbus-daemon
  python3-jsonschema zsh man-db bsdutils desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The Debian package starts a cluster of its own; Sluice's tests start throwaway
# clusters and do not need it.
