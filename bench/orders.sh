#!/usr/bin/env bash
# Orders benchmark (see bench/orders.py).
# Usage: bench/orders.sh [orders] [--database-url URL]... [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
python3 bench/orders.py target/release/stratum "$@"
