#!/usr/bin/env bash
# Load benchmark: /healthz against GET and POST /api/v1/accounts with a real token, on a
# fresh database, in one run, so the ratios hold on a shared, noisy machine.
# Usage: bench/run.sh [--database-url URL] [duration, default 10s] [connections, default 64]
# The database is a fresh SQLite file unless --database-url (or STRATUM_BENCH_DATABASE_URL)
# names a PostgreSQL server: postgres://user@host:port/admin-db, on which a database of
# its own is created for the run and dropped after.
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url="${STRATUM_BENCH_DATABASE_URL:-}"
if [ "${1:-}" = "--database-url" ]; then admin_url="$2"; shift 2; fi
duration="${1:-10s}"
conns="${2:-64}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
cargo build --release --locked --quiet

dir="$(mktemp -d)"
pg_db=""
case "$admin_url" in
  postgres://*|postgresql://*)
    pg_db="stratum_bench_$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    psql -qAt -d "$admin_url" -c "CREATE DATABASE $pg_db"
    base_url="${admin_url%%\?*}"
    db_url="${base_url%/*}/$pg_db"
    backend=PostgreSQL ;;
  *) db_url="$dir/bench.db"; backend=SQLite ;;
esac
key="stk_bench$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 36)"
STRATUM_LISTEN=127.0.0.1:0 STRATUM_DATABASE_URL="$db_url" STRATUM_BOOTSTRAP_API_KEY="$key" \
  STRATUM_LOG_LEVEL=warn target/release/stratum serve >"$dir/out.log" 2>"$dir/err.log" &
pid=$!
cleanup() {
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  [ -z "$pg_db" ] || psql -qAt -d "$admin_url" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 100); do grep -q 'listening on' "$dir/out.log" && break; sleep 0.1; done
base="$(sed -n 's/^stratum listening on //p' "$dir/out.log" | head -n1)"
[ -n "$base" ] || { cat "$dir/err.log"; exit 1; }

json() { python3 -c "import sys,json; print(json.load(sys.stdin)['$1'])"; }
token="$(curl -sf -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"api_key\":\"$key\"}" | json access_token)"
id="$(curl -sf -X POST "$base/api/v1/accounts" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"kind":"customer","name":"Bench Customer"}' | json id)"

cat >"$dir/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"kind":"customer","name":"Load Test Customer","email":"load@example.com"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA

# Prints "rps p50_ms p99_ms non2xx" for one wrk run.
measure() {
  wrk -t2 -c"$conns" -d"$duration" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

# Three alternating rounds of /healthz and the GET, keeping the round with the median
# GET/healthz ratio: the machine is shared, and a neighbour's burst hits single rounds.
rounds=()
for _ in 1 2 3; do
  read -r hr h50 h99 hb < <(measure "$base/healthz")
  read -r gr g50 g99 gb < <(measure -H "Authorization: Bearer $token" "$base/api/v1/accounts/$id")
  rounds+=("$(python3 -c "print(f'{$gr/$hr:.6f}')") $hr $h50 $h99 $hb $gr $g50 $g99 $gb")
done
read -r _ h_rps h_p50 h_p99 h_bad g_rps g_p50 g_p99 g_bad < <(printf '%s\n' "${rounds[@]}" | sort -n | sed -n 2p)
read -r p_rps p_p50 p_p99 p_bad < <(measure -s "$dir/post.lua" "$base/api/v1/accounts")

# The same read and create over SOAP (Bearer token in the HTTP header, as for REST).
soap_lua() {
  cat <<LUA
wrk.method = "POST"
wrk.body = '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:stratum:api:v1"><s:Body>$2</s:Body></s:Envelope>'
wrk.headers["Content-Type"] = "text/xml; charset=utf-8"
wrk.headers["SOAPAction"] = '"urn:stratum:api:v1/$1"'
wrk.headers["Authorization"] = "Bearer $token"
LUA
}
soap_lua AccountGet "<t:AccountGet><t:id>$id</t:id></t:AccountGet>" >"$dir/soap_get.lua"
soap_lua AccountCreate "<t:AccountCreate><t:kind>customer</t:kind><t:name>Load Test Customer</t:name><t:email>load@example.com</t:email></t:AccountCreate>" >"$dir/soap_post.lua"
read -r sg_rps sg_p50 sg_p99 sg_bad < <(measure -s "$dir/soap_get.lua" "$base/soap")
read -r sp_rps sp_p50 sp_p99 sp_bad < <(measure -s "$dir/soap_post.lua" "$base/soap")

# Scale: 100,100 accounts, then reads of a small subtree deep in the tree and of the whole.
provider="$(curl -sf "$base/api/v1/accounts/$id" -H "Authorization: Bearer $token" | json parent_id)"
provider_path="/$provider/"
sub="$(python3 bench/seed_tree.py "$db_url" "$provider" "$provider_path")"
sub_key="$(curl -sf -X POST "$base/api/v1/api-keys" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "{\"account_id\":\"$sub\",\"role\":\"admin\"}" | json key)"
sub_token="$(curl -sf -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"api_key\":\"$sub_key\"}" | json access_token)"
read -r s_rps s_p50 s_p99 s_bad < <(measure -H "Authorization: Bearer $sub_token" "$base/api/v1/accounts?limit=50")
read -r a_rps a_p50 a_p99 a_bad < <(measure -H "Authorization: Bearer $token" "$base/api/v1/accounts?limit=50&kind=reseller")

printf '%-28s %10s %9s %9s %8s %14s\n' target req/s p50_ms p99_ms non-2xx ratio_vs_healthz
row() { printf '%-28s %10s %9s %9s %8s %14s\n' "$1" "$2" "$3" "$4" "$5" "$(python3 -c "print(f'{$2/$h_rps:.3f}')")"; }
row "GET /healthz" "$h_rps" "$h_p50" "$h_p99" "$h_bad"
row "GET /api/v1/accounts/{id}" "$g_rps" "$g_p50" "$g_p99" "$g_bad"
row "POST /api/v1/accounts" "$p_rps" "$p_p50" "$p_p99" "$p_bad"
row "SOAP AccountGet" "$sg_rps" "$sg_p50" "$sg_p99" "$sg_bad"
row "SOAP AccountCreate" "$sp_rps" "$sp_p50" "$sp_p99" "$sp_bad"
row "GET accounts, subtree*" "$s_rps" "$s_p50" "$s_p99" "$s_bad"
row "GET accounts?kind=reseller*" "$a_rps" "$a_p50" "$a_p99" "$a_bad"
echo "* with 100,100 accounts in the tree: a sub-reseller's 100-account subtree, and the provider's first page of resellers"
echo "SOAP/REST: AccountGet $(python3 -c "print(f'{$sg_rps/$g_rps:.2f}')"), AccountCreate $(python3 -c "print(f'{$sp_rps/$p_rps:.2f}')") (target >= 0.70)"
echo "GET/healthz ratios of the three rounds: $(printf '%s\n' "${rounds[@]}" | cut -d' ' -f1 | sort -n | tr '\n' ' ')"
echo "($conns connections, $duration each, $backend, wrk and server sharing $(nproc) cores)"
