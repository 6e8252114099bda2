#!/usr/bin/env bash
# README command (b): set up, build with AddressSanitizer + UBSan, and run every
# test. The PostgreSQL tests start their own throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-debian.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --output-on-failure "$@"
