#!/usr/bin/env bash
# Regenerates the GUI screenshots in resources/screenshots/ (1600x1000 where
# a whole window is shown): the widget tests that drive each screen save a
# picture when SLUICE_SCREENSHOTS names a folder. Builds with the test preset
# first; the tray and the end-to-end run use a private X display.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/resources/screenshots"
mkdir -p "$out"
cmake --preset asan >/dev/null
cmake --build --preset asan
export SLUICE_SCREENSHOTS="$out" ASAN_OPTIONS=detect_leaks=0
for t in tst_screens tst_dashboard_screen tst_semantic_screens tst_connection_dialog tst_sync_editor tst_rejection_browser; do
  QT_QPA_PLATFORM=offscreen "build/asan/tests/ui/$t" >/dev/null
done
for t in tst_tray tst_gui_end_to_end; do
  bash tests/support/with-desktop.sh "build/asan/tests/ui/$t" >/dev/null
done
# Last: whole 1600x1000 screens with each dialog over the main window, framed
# by a window manager (openbox); they replace the dialog-sized pictures of the
# same names taken above.
SLUICE_WM=openbox SLUICE_SCREEN=1600x1000x24 bash tests/support/with-desktop.sh build/asan/tests/ui/tst_screen_tour >/dev/null
ls -1 "$out"
