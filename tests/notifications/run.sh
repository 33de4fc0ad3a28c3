#!/usr/bin/env bash
# Notifications and script actions end to end: installs the pinned Python environment
# (tests/notifications/requirements.txt: aiosmtpd, standardwebhooks, requests) into a venv
# and runs tests/notifications/e2e.py, which starts its own `stratum serve --test-clock`
# on a scratch SQLite database, an in-process SMTP sink (aiosmtpd) and live HTTP receivers
# for script actions. Prints one PASS/FAIL line per check and, last, `N passed, M failed`.
# Exits non-zero when any check fails. The server process and every scratch file are
# removed at exit, however it ends. No PostgreSQL needed.
#
#   STRATUM_BIN        the server binary (default target/debug/stratum; build it first)
#   TMPDIR             where the venv, the database and the logs go (default /tmp)
#   STRATUM_NT_CHECKS  comma-separated subset of checks to run, e.g. "1,5" (default: all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
started=$SECONDS

AIOSMTPD_VERSION=1.4.6
STANDARDWEBHOOKS_VERSION=1.1.0
REQUESTS_VERSION=2.34.2
bin="${STRATUM_BIN:-target/debug/stratum}"
[ -x "$bin" ] || { echo "no server binary at $bin (cargo build first)" >&2; exit 2; }
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# -- cleanup, whatever happens -------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/stratum-notifications.XXXXXX")"
py_pid=""
tail_pid=""
cleanup() {
  if [ -n "$py_pid" ] && kill -0 "$py_pid" 2>/dev/null; then
    kill -TERM "$py_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$py_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$py_pid" 2>/dev/null || true
  fi
  if [ -n "$tail_pid" ]; then kill "$tail_pid" 2>/dev/null || true; wait "$tail_pid" 2>/dev/null || true; tail_pid=""; fi
  # The program kills its server itself; this is for a program that was killed.
  if [ -f "$work/server.pids" ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -qa "$bin" "/proc/$pid/cmdline" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done <"$work/server.pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# -- the Python environment, pinned --------------------------------------------------------
echo "== notifications e2e: Python environment (pinned)"
venv="${TMPDIR:-/tmp}/stratum-notifications-venv"
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" - "$AIOSMTPD_VERSION" "$STANDARDWEBHOOKS_VERSION" "$REQUESTS_VERSION" <<'PY'
import sys
from importlib.metadata import version
want = {"aiosmtpd": sys.argv[1], "standardwebhooks": sys.argv[2], "requests": sys.argv[3]}
got = {k: version(k) for k in want}
assert got == want, f"installed {got}, pinned {want}"
print(", ".join(f"{k} {v}" for k, v in got.items()))
PY

# -- the checks ----------------------------------------------------------------------------
echo "== notifications e2e against $bin"
rc=0
STRATUM_BIN="$bin" STRATUM_NT_WORK="$work" \
  "$venv/bin/python" -u "$here/e2e.py" >"$work/e2e.out" 2>&1 &
py_pid=$!
# Show the program's lines as they come (the file is also parsed below).
tail -n +1 -f --pid="$py_pid" "$work/e2e.out" &
tail_pid=$!
wait "$py_pid" || rc=$?
wait "$tail_pid" 2>/dev/null || true
py_pid=""
tail_pid=""

result="$(grep -E '^RESULT [0-9]+ [0-9]+$' "$work/e2e.out" | tail -1 || true)"
if [ -n "$result" ]; then
  passed="$(echo "$result" | cut -d' ' -f2)"
  failed="$(echo "$result" | cut -d' ' -f3)"
else
  # The program died before reporting: what it passed counts, plus one failure.
  passed="$(grep -c '^PASS ' "$work/e2e.out" || true)"
  failed="$(( $(grep -c '^FAIL ' "$work/e2e.out" || true) + 1 ))"
fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$failed" -ne 0 ]; then
  for f in "$work"/*.err; do
    [ -s "$f" ] || continue
    echo "== server log $(basename "$f" .err) (last 30 lines)"
    tail -n 30 "$f"
  done
fi
cleanup
trap - EXIT
echo "== notifications e2e took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
