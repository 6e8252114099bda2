#!/usr/bin/env bash
# Runs a command inside a private D-Bus session whose Secret Service is a
# throwaway gnome-keyring (its own HOME, unlocked with a test password), so
# keychain tests never touch the machine's keyring and need no person.
set -euo pipefail
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_RUNTIME_DIR="$scratch" XDG_DATA_HOME="$scratch/data"
mkdir -p "$XDG_DATA_HOME"
exec dbus-run-session -- bash -c '
  printf "sluice-test\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
