#!/usr/bin/env bash
# SOAP conformance: starts a Stratum server on a fresh SQLite database, installs four
# independent SOAP clients at pinned versions (zeep + xmlschema in a Python venv, the node
# `soap` package from package-lock.json, PHP's SoapClient and JAX-WS `wsimport` from
# Debian, with Axis 1.4 `WSDL2Java` for the SOAP 1.1-only WSDL) and runs each against the
# server. Prints one summary line per client and, last, `N passed, M failed` (the client
# checks). Exits non-zero when any client fails.
#
#   STRATUM_BIN   the server binary (default target/debug/stratum; build it first)
#   TMPDIR        where the venv and the temporary database go (default /tmp)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

ZEEP_VERSION=4.3.3
XMLSCHEMA_VERSION=4.3.2
bin="${STRATUM_BIN:-target/debug/stratum}"
[ -x "$bin" ] || { echo "no server binary at $bin (cargo build first)" >&2; exit 2; }

# -- the clients, pinned --------------------------------------------------------------
echo "== SOAP clients (pinned)"
venv="${TMPDIR:-/tmp}/stratum-soap-venv"
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" - "$ZEEP_VERSION" "$XMLSCHEMA_VERSION" <<'EOF'
import sys
from importlib.metadata import version
want = {"zeep": sys.argv[1], "xmlschema": sys.argv[2]}
got = {k: version(k) for k in want}
assert got == want, f"installed {got}, pinned {want}"
EOF

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

debian_packages=()
php -m 2>/dev/null | grep -qx soap || debian_packages+=(php-cli php-soap)
# JAX-WS RI 2.3 (wsimport and its runtime jars in /usr/share/java) and Axis 1.4.
command -v wsimport >/dev/null || debian_packages+=(jaxws)
[ -f /usr/share/java/axis.jar ] || debian_packages+=(libaxis-java)
if [ "${#debian_packages[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${debian_packages[@]}" >/dev/null
fi

echo "zeep $("$venv/bin/python" -c 'import zeep; print(zeep.__version__)'), xmlschema $("$venv/bin/python" -c 'import xmlschema; print(xmlschema.__version__)'), node soap $(node -p 'require(process.argv[1]).version' "$here/node_modules/soap/package.json"), $(php -r 'echo "PHP ", PHP_VERSION, " ext-soap ", phpversion("soap");'), $(wsimport -version 2>&1 | head -1), $(java -version 2>&1 | head -1)"

# -- the server -----------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/stratum-soap.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

api_key="stk_$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(40)))')"
STRATUM_LISTEN=127.0.0.1:0 \
STRATUM_DATABASE_URL="$work/stratum.db" \
STRATUM_BOOTSTRAP_API_KEY="$api_key" \
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

# -- the clients ----------------------------------------------------------------------
export STRATUM_SOAP_BASE="$base" STRATUM_API_KEY="$api_key"
total_passed=0
total_failed=0
summaries=()
failed_clients=0

run_client() {
  local name="$1"; shift
  local out="$work/$name.out" rc=0
  echo "== client: $name"
  "$@" >"$out" 2>&1 || rc=$?
  cat "$out"
  local result p f
  result="$(grep -E "^RESULT $name [0-9]+ [0-9]+$" "$out" | tail -1 || true)"
  if [ -n "$result" ]; then
    p="$(echo "$result" | cut -d' ' -f3)"
    f="$(echo "$result" | cut -d' ' -f4)"
  else
    # The client died before reporting: what it passed counts, plus one failure.
    p="$(grep -c '^PASS ' "$out" || true)"
    f="$(( $(grep -c '^FAIL ' "$out" || true) + 1 ))"
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  local verdict=ok
  if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then verdict=FAILED; failed_clients=$((failed_clients + 1)); fi
  summaries+=("client $name — $p checks passed, $f failed (exit $rc) $verdict")
}

run_client zeep "$venv/bin/python" "$here/zeep_client.py"
run_client node node "$here/node_client.js"
run_client php php "$here/php_client.php"
run_client java bash "$here/java/run.sh" "$work/java"

if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server exited during the run:" >&2
  cat "$work/server.err" >&2
  total_failed=$((total_failed + 1))
  failed_clients=$((failed_clients + 1))
fi
if [ -s "$work/server.err" ]; then
  echo "== server log (warnings and errors)"
  tail -n 50 "$work/server.err"
fi

echo "== SOAP conformance summary"
for s in "${summaries[@]}"; do echo "$s"; done
echo "$total_passed passed, $total_failed failed"
[ "$failed_clients" -eq 0 ] && [ "$total_failed" -eq 0 ]
