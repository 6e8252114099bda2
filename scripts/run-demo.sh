#!/usr/bin/env bash
# README command (a): set up, build, and open Sluice on the embedded demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release --target sluice

sluice=build/release/bin/sluice
demo="${SLUICE_DEMO_DIR:-$HOME/.local/share/sluice/demo}"
if [ ! -f "$demo/sluice.json" ]; then
  "$sluice" init "$demo" --demo
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$sluice" --workspace "$demo"
fi

echo
echo "No display found (DISPLAY is not set), so here is the demo through the CLI instead."
echo "To open the GUI: run this on a desktop, or: xvfb-run $sluice --workspace $demo"
echo
"$sluice" check --workspace "$demo" || true
echo
"$sluice" preview customer_360 --workspace "$demo" --limit 10
