#!/usr/bin/env bash
# Runs a command on a private desktop: an X server of its own (Xvfb), the
# trayer tray host on it, and a private D-Bus session, so tray and
# notification tests never touch the machine's display or session bus.
# SLUICE_SCREEN sets the screen (default 1280x800x24); SLUICE_WM=openbox
# adds a window manager, so windows get their title bars and frames (the
# screenshots), where the openbox package is installed.
set -euo pipefail
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_RUNTIME_DIR="$scratch" XDG_CONFIG_HOME="$scratch/config"
chmod 700 "$scratch"
exec dbus-run-session -- xvfb-run -a -s "-screen 0 ${SLUICE_SCREEN:-1280x800x24}" bash -c '
  trayer --edge top --align right --widthtype request --height 40 --transparent false --tint 0xdddddd --SetDockType true >/dev/null 2>&1 &
  tray=$!
  if [ "${SLUICE_WM:-}" = openbox ] && command -v openbox >/dev/null; then
    openbox >/dev/null 2>&1 &
    sleep 1
  fi
  "$@"
  status=$?
  kill $tray 2>/dev/null || true
  exit $status' bash "$@"
