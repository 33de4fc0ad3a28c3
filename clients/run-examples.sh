#!/usr/bin/env bash
# Runs every client example against a live server: starts Stratum on a fresh SQLite
# database with a random bootstrap API key (and STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS=true, so
# the webhook examples' 127.0.0.1 receivers are allowed), installs the Python client (pip
# install ./clients/python, plus standardwebhooks==1.1.0 for the webhook example) into a
# temporary venv, installs the TypeScript client's pinned dependencies (npm ci) and compiles
# it with `tsc --strict`, then runs each example of
# clients/python/examples/, clients/typescript/examples/ and, when present,
# clients/rust/examples/ (`cargo run --locked -p stratum-client --example NAME`), each with
# STRATUM_BASE_URL and STRATUM_API_KEY set. Prints PASS/FAIL per example and, last,
# `N passed, M failed`; exits non-zero when any example fails.
#
#   STRATUM_BIN   the server binary (default target/debug/stratum; build it first)
#   TMPDIR        where the venv and the temporary database go (default /tmp)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"

bin="${STRATUM_BIN:-target/debug/stratum}"
[ -x "$bin" ] || { echo "no server binary at $bin (cargo build first)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/stratum-clients.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# -- the clients ------------------------------------------------------------------------
echo "== Python client: pip install ./clients/python into a fresh venv"
python3 -m venv "$work/venv"
# standardwebhooks: only for examples/webhook_verify.py (pinned).
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$here/python" standardwebhooks==1.1.0
echo "$("$work/venv/bin/python" --version), stratum-client $("$work/venv/bin/python" -c 'import stratum_client; print(stratum_client.__version__)')"

echo "== TypeScript client: npm ci, tsc --strict"
(cd "$here/typescript" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
(cd "$here/typescript" && rm -rf dist && ./node_modules/.bin/tsc -p tsconfig.json --strict)
echo "node $(node --version), typescript $(node -p 'require(process.argv[1]).version' "$here/typescript/node_modules/typescript/package.json")"

# -- the server -------------------------------------------------------------------------
api_key="stk_$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(40)))')"
STRATUM_LISTEN=127.0.0.1:0 \
STRATUM_DATABASE_URL="$work/stratum.db" \
STRATUM_BOOTSTRAP_API_KEY="$api_key" \
STRATUM_LOG_LEVEL=warn \
STRATUM_WEBHOOK_ALLOW_PRIVATE_URLS=true \
  "$bin" serve >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

base=""
for _ in $(seq 1 300); do
  base="$(sed -n 's#^stratum listening on \(http://[^ ]*\).*#\1#p' "$work/server.out" | head -1)"
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$base" ]; then
  echo "the server did not start:" >&2
  cat "$work/server.out" "$work/server.err" >&2
  exit 1
fi
echo "== server at $base"
export STRATUM_BASE_URL="$base" STRATUM_API_KEY="$api_key"

# -- the examples -----------------------------------------------------------------------
passed=0
failed=0
run() {
  local name="$1"
  shift
  local start=$SECONDS
  if (cd "$work" && "$@") >"$work/example.out" 2>&1; then
    echo "PASS $name ($((SECONDS - start)) s)"
    passed=$((passed + 1))
    sed 's/^/    /' "$work/example.out"
  else
    echo "FAIL $name ($((SECONDS - start)) s)"
    failed=$((failed + 1))
    sed 's/^/    /' "$work/example.out"
  fi
}

for f in "$here"/python/examples/*.py; do
  run "python/$(basename "$f")" "$work/venv/bin/python" "$f"
done
for f in "$here"/typescript/examples/*.ts; do
  name="$(basename "$f" .ts)"
  run "typescript/$name.ts" node "$here/typescript/dist/examples/$name.js"
done
if [ -d "$here/rust/examples" ]; then
  for f in "$here"/rust/examples/*.rs; do
    name="$(basename "$f" .rs)"
    run "rust/$name.rs" cargo run --quiet --locked --manifest-path "$repo/Cargo.toml" -p stratum-client --example "$name"
  done
fi

if [ "$failed" -gt 0 ]; then
  echo "-- server log (stderr):"
  tail -n 50 "$work/server.err" | sed 's/^/    /'
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
