#!/usr/bin/env bash
# Webhook conformance end to end: installs the pinned Python environment
# (tests/webhooks/requirements.txt: standardwebhooks, requests, jsonschema) into a venv, creates a
# scratch PostgreSQL database, and runs tests/webhooks/conformance.py, which starts its own
# `stratum serve` processes (SQLite, a kill -9 and restart, two servers on PostgreSQL,
# orders through a kill -9 of one of two servers)
# with live receivers. Prints one PASS/FAIL line per check and, last, `N passed, M failed`.
# Exits non-zero when any check fails. Every server process and the database are removed
# at exit, however it ends.
#
#   STRATUM_BIN   the server binary (default target/debug/stratum; build it first)
#   TMPDIR        where the venv, databases and logs go (default /tmp)
#   PGHOST/PGPORT the PostgreSQL server (default 127.0.0.1:5432, user postgres)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
started=$SECONDS

STANDARDWEBHOOKS_VERSION=1.1.0
REQUESTS_VERSION=2.34.2
JSONSCHEMA_VERSION=4.25.1
bin="${STRATUM_BIN:-target/debug/stratum}"
[ -x "$bin" ] || { echo "no server binary at $bin (cargo build first)" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
pg_host="${PGHOST:-127.0.0.1}"
pg_port="${PGPORT:-5432}"

# -- cleanup, whatever happens -------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/stratum-webhooks.XXXXXX")"
py_pid=""
tail_pid=""
pg_dbs=()
cleanup() {
  if [ -n "$py_pid" ] && kill -0 "$py_pid" 2>/dev/null; then
    kill -TERM "$py_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$py_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$py_pid" 2>/dev/null || true
  fi
  if [ -n "$tail_pid" ]; then kill "$tail_pid" 2>/dev/null || true; wait "$tail_pid" 2>/dev/null || true; tail_pid=""; fi
  # The program kills its servers itself; these are the ones it could not (it was killed).
  if [ -f "$work/server.pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -qa "$bin" "/proc/$pid/cmdline" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done <"$work/server.pids"
  fi
  for db in "${pg_dbs[@]}"; do
    psql -h "$pg_host" -p "$pg_port" -U postgres -qAt -d postgres \
      -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  pg_dbs=()
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# -- the Python environment, pinned --------------------------------------------------------
echo "== webhook conformance: Python environment (pinned)"
venv="${TMPDIR:-/tmp}/stratum-webhooks-venv"
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" - "$STANDARDWEBHOOKS_VERSION" "$REQUESTS_VERSION" "$JSONSCHEMA_VERSION" <<'EOF'
import sys
from importlib.metadata import version
want = {"standardwebhooks": sys.argv[1], "requests": sys.argv[2], "jsonschema": sys.argv[3]}
got = {k: version(k) for k in want}
assert got == want, f"installed {got}, pinned {want}"
print(", ".join(f"{k} {v}" for k, v in got.items()))
EOF

# -- PostgreSQL: databases of our own for the two-server scenarios (4 and 8) ----------------
echo "== PostgreSQL at $pg_host:$pg_port"
if ! pg_isready -h "$pg_host" -p "$pg_port" -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do pg_isready -h "$pg_host" -p "$pg_port" -q && break; sleep 1; done
fi
pg_isready -h "$pg_host" -p "$pg_port"
for role in events orders; do
  db="stratum_webhooks_${role}_$$_$RANDOM"
  pg_dbs+=("$db")
  psql -h "$pg_host" -p "$pg_port" -U postgres -qAt -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
done

# -- the checks ----------------------------------------------------------------------------
echo "== webhook conformance against $bin"
rc=0
STRATUM_BIN="$bin" STRATUM_WH_WORK="$work" STRATUM_WH_PG_URL="postgres://postgres@$pg_host:$pg_port/${pg_dbs[0]}" \
  STRATUM_WH_PG_ORDERS_URL="postgres://postgres@$pg_host:$pg_port/${pg_dbs[1]}" \
  "$venv/bin/python" -u "$here/conformance.py" >"$work/conformance.out" 2>&1 &
py_pid=$!
# Show the program's lines as they come (the file is also parsed below).
tail -n +1 -f --pid="$py_pid" "$work/conformance.out" &
tail_pid=$!
wait "$py_pid" || rc=$?
wait "$tail_pid" 2>/dev/null || true
py_pid=""
tail_pid=""

result="$(grep -E '^RESULT [0-9]+ [0-9]+$' "$work/conformance.out" | tail -1 || true)"
if [ -n "$result" ]; then
  passed="$(echo "$result" | cut -d' ' -f2)"
  failed="$(echo "$result" | cut -d' ' -f3)"
else
  # The program died before reporting: what it passed counts, plus one failure.
  passed="$(grep -c '^PASS ' "$work/conformance.out" || true)"
  failed="$(( $(grep -c '^FAIL ' "$work/conformance.out" || true) + 1 ))"
fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$failed" -ne 0 ]; then
  for f in "$work"/*.err; do
    [ -s "$f" ] || continue
    echo "== server log $(basename "$f" .err) (last 20 lines)"
    tail -n 20 "$f"
  done
fi
cleanup
trap - EXIT
echo "== webhook conformance took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
