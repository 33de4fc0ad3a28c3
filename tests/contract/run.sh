#!/usr/bin/env bash
# The contract as strict as the server: runs schemathesis (pinned, tests/contract/requirements.txt)
# with every check (`--checks all`) over every operation of openapi/openapi.json against a live
# server on a fresh SQLite database. A failure means the contract and the server disagree: a
# request the schema allows is refused, one it forbids is accepted, or an answer is not the
# one the schema describes. The expectations configured beyond the defaults (refusals
# right by rules the fuzzer does not know) are in tests/contract/hooks.py, with their
# reasons; the failures not fixed yet are listed in tests/contract/baseline.json, and any
# other fails the run. After fixing some, rewrite the list with
# `CONTRACT_EXTRA=--baseline-prune bash tests/contract/run.sh`.
#
# Seeded and bounded (CONTRACT_MAX_EXAMPLES cases per operation and phase), so that a run is
# reproducible and takes about a minute. Prints schemathesis's summary and, last,
# `N passed, M failed` (operations; a listed failure counts as passed). Exits non-zero on
# any other failure or error.
#
#   STRATUM_BIN            the server binary (default target/debug/stratum; build it first)
#   TMPDIR                 where the venv, the database and the report go (default /tmp)
#   CONTRACT_MAX_EXAMPLES  cases per operation (default 20)
#   CONTRACT_SEED          the generator's seed (default 20261201)
#   CONTRACT_EXTRA         more schemathesis arguments (e.g. --continue-on-failure)
#   CONTRACT_KEEP          a folder to copy schemathesis's output and JUnit report into
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
started=$SECONDS

SCHEMATHESIS_VERSION=4.32.5
max_examples="${CONTRACT_MAX_EXAMPLES:-20}"
seed="${CONTRACT_SEED:-20261201}"
bin="${STRATUM_BIN:-target/debug/stratum}"
[ -x "$bin" ] || { echo "no server binary at $bin (cargo build first)" >&2; exit 2; }

# -- the fuzzer, pinned ----------------------------------------------------------------
echo "== contract fuzzer (pinned)"
venv="${TMPDIR:-/tmp}/stratum-contract-venv"
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
got="$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("schemathesis"))')"
[ "$got" = "$SCHEMATHESIS_VERSION" ] || { echo "installed schemathesis $got, pinned $SCHEMATHESIS_VERSION" >&2; exit 2; }
echo "schemathesis $got"

# -- the server ------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/stratum-contract.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

api_key="stk_$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(40)))')"
# A token that outlives the run (the default 15 minutes might not on a loaded machine).
STRATUM_LISTEN=127.0.0.1:0 \
STRATUM_DATABASE_URL="$work/stratum.db" \
STRATUM_BOOTSTRAP_API_KEY="$api_key" \
STRATUM_JWT_TTL_SECONDS=7200 \
STRATUM_LOG_LEVEL=warn \
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

token="$("$venv/bin/python" - "$base" "$api_key" <<'EOF'
import sys, requests
r = requests.post(f"{sys.argv[1]}/api/v1/auth/token", json={"api_key": sys.argv[2]}, timeout=30)
r.raise_for_status()
print(r.json()["access_token"])
EOF
)"

# -- the run ---------------------------------------------------------------------------
echo "== schemathesis --checks all, $max_examples examples per operation, seed $seed"
rc=0
"$venv/bin/schemathesis" --no-color --config-file "$here/schemathesis.toml" run openapi/openapi.json \
  --url "$base" \
  --header "Authorization: Bearer $token" \
  --checks all \
  --max-examples "$max_examples" \
  --seed "$seed" \
  --generation-database none \
  --workers 1 \
  --baseline "$here/baseline.json" \
  ${CONTRACT_EXTRA:-} \
  --report junit --report-junit-path "$work/junit.xml" \
  >"$work/schemathesis.out" 2>&1 || rc=$?
[ -n "${CONTRACT_KEEP:-}" ] && cp "$work/schemathesis.out" "$work/junit.xml" "$CONTRACT_KEEP/" 2>/dev/null || true
cat "$work/schemathesis.out"

# The plain closing line, counted from the JUnit report (one test case per operation).
read -r passed failed < <("$venv/bin/python" - "$work/junit.xml" <<'EOF' || echo "0 1"
import sys
import xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
passed = failed = 0
for c in cases:
    if c.find("failure") is not None or c.find("error") is not None:
        failed += 1
    elif c.find("skipped") is None:
        passed += 1
print(passed, failed)
EOF
)
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server exited during the run:" >&2
  failed=$((failed + 1))
fi
if [ -s "$work/server.err" ]; then
  echo "== server log (warnings and errors, last 30 lines)"
  tail -n 30 "$work/server.err"
fi
cleanup
trap - EXIT
echo "== contract run took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
