#!/usr/bin/env bash
# Webhook dispatch benchmark (see bench/webhooks.py).
# Usage: bench/webhooks.sh [events] [--database-url URL]... [--rounds N] [--nodes N]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
python3 bench/webhooks.py target/release/stratum "$@"
