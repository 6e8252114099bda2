#!/usr/bin/env bash
# Runs the benchmarks on a release build; figures go into BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release --target bench_extract sluice
cmake --build --preset release --target bench_sync bench_connectors bench_dashboard bench_warehouses
build/release/tests/bench/bench_extract "${1:-1000000}" "${2:-5}"
build/release/tests/bench/bench_sync all
build/release/tests/bench/bench_connectors all
build/release/tests/bench/bench_dashboard
build/release/tests/bench/bench_warehouses "${3:-20000}"
