#!/usr/bin/env bash
# Regenerates the generated part of the API clients from the committed contract,
# openapi/openapi.json, with pinned generators. The output is deterministic: running it
# twice, or on another machine, gives the same files (CI fails on any drift).
#
#   Python      clients/python/stratum_api_client/   openapi-python-client (and ruff for its
#               post hooks), every package pinned in clients/python/generator-requirements.txt,
#               installed into a venv under $TMPDIR; settings in
#               clients/python/openapi-python-client.yaml
#   TypeScript  clients/typescript/src/generated/     @hey-api/openapi-ts, pinned in
#               clients/typescript/package.json and package-lock.json, installed into
#               clients/typescript/node_modules by `npm ci`; settings in
#               clients/typescript/openapi-ts.config.mjs
#   Rust        clients/rust/ (crate stratum-client) is generated at build time from the
#               server's operation list, so `cargo build` regenerates it; nothing to do here.
#
# The hand-written layers (clients/python/stratum_client/, clients/typescript/src/stratum.ts)
# are never touched. A generator warning fails the run: fix how the server describes the
# API (the utoipa annotations), never the generated code.
#
#   TMPDIR   where the generator venv goes (default /tmp)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"

OPENAPI_PYTHON_CLIENT_VERSION=0.29.1
HEY_API_OPENAPI_TS_VERSION=0.95.0
spec="$repo/openapi/openapi.json"
[ -f "$spec" ] || { echo "no contract at $spec" >&2; exit 2; }
log="$(mktemp "${TMPDIR:-/tmp}/stratum-generate.XXXXXX")"
trap 'rm -f "$log"' EXIT
export NO_COLOR=1 FORCE_COLOR=0

# -- Python ------------------------------------------------------------------------------
echo "== Python: openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION"
venv="${TMPDIR:-/tmp}/stratum-clientgen-venv"
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/python/generator-requirements.txt"
got="$("$venv/bin/python" -c 'from importlib.metadata import version; print(version("openapi-python-client"))')"
[ "$got" = "$OPENAPI_PYTHON_CLIENT_VERSION" ] || {
  echo "installed openapi-python-client $got, pinned $OPENAPI_PYTHON_CLIENT_VERSION" >&2
  exit 1
}
# --overwrite deletes the old package first, so a removed operation leaves no file behind.
# The post hooks (ruff) run in the output folder and read ../pyproject.toml.
if ! (cd "$here/python" && PATH="$venv/bin:$PATH" openapi-python-client generate \
  --path "$spec" --meta none --config openapi-python-client.yaml \
  --output-path stratum_api_client --overwrite --fail-on-warning) >"$log" 2>&1; then
  cat "$log"
  echo "openapi-python-client failed or warned (above)" >&2
  exit 1
fi
cat "$log"
if grep -vE '^Generating stratum_api_client$' "$log" | grep -qiE 'warn|error'; then
  echo "openapi-python-client warned (above): fix the spec's description in the server" >&2
  exit 1
fi

# -- TypeScript --------------------------------------------------------------------------
echo "== TypeScript: @hey-api/openapi-ts $HEY_API_OPENAPI_TS_VERSION"
(cd "$here/typescript" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
got="$(node -p 'require(process.argv[1]).version' "$here/typescript/node_modules/@hey-api/openapi-ts/package.json")"
[ "$got" = "$HEY_API_OPENAPI_TS_VERSION" ] || {
  echo "installed @hey-api/openapi-ts $got, pinned $HEY_API_OPENAPI_TS_VERSION" >&2
  exit 1
}
# The config's `clean` (default true) empties src/generated first.
if ! (cd "$here/typescript" && ./node_modules/.bin/openapi-ts -f openapi-ts.config.mjs --no-log-file) >"$log" 2>&1; then
  cat "$log"
  echo "@hey-api/openapi-ts failed (above)" >&2
  exit 1
fi
cat "$log"
if grep -vE 'Your output is in|Generating from|openapi/openapi\.json' "$log" | grep -qiE 'warn|error'; then
  echo "@hey-api/openapi-ts warned (above): fix the spec's description in the server" >&2
  exit 1
fi

echo "== generated: clients/python/stratum_api_client, clients/typescript/src/generated"
