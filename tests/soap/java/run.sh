#!/usr/bin/env bash
# The Java checks (tests/soap/run.sh runs this with STRATUM_SOAP_BASE and STRATUM_API_KEY
# set): what a JAX-WS or Axis user does first, then Main.java against a live server.
#
#   1. `wsimport` with default options generates and compiles stubs from /soap?wsdl;
#   2. `wsimport -extension` does the same with the SOAP 1.2 port;
#   3. Axis 1.4 `WSDL2Java` accepts /soap?wsdl=soap11 (it refuses a WSDL with a SOAP 1.2
#      binding);
#   4. Main.java, compiled against the stubs of 2, calls the server.
# Prints PASS/FAIL lines and, last, `RESULT java <passed> <failed>` (Main's checks and these).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$1"
rm -rf "$work" && mkdir -p "$work/default" "$work/stubs" "$work/axis" "$work/main"
jars=/usr/share/java
# jaxws-rt.jar's manifest names the rest of the JAX-WS runtime (JAXB, SAAJ, StAX, policy).
runtime="$jars/jaxws-rt.jar"
axis="$jars/axis.jar:$jars/axis-jaxrpc.jar:$jars/axis-saaj.jar:$jars/commons-logging.jar:$jars/commons-discovery.jar:$jars/wsdl4j.jar"
passed=0
failed=0

step() {
  local name="$1" log="$2"; shift 2
  if "$@" >"$log" 2>&1 && ! grep -q '^\[ERROR\]' "$log"; then
    passed=$((passed + 1)); echo "PASS $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$log" | head -40
  fi
}

step "wsimport (default options) generates and compiles stubs from /soap?wsdl" "$work/wsimport.log" \
  wsimport -quiet -d "$work/default" "$STRATUM_SOAP_BASE/soap?wsdl"
step "wsimport -extension generates and compiles stubs with the SOAP 1.2 port" "$work/wsimport-ext.log" \
  bash -c 'wsimport -quiet -keep -extension -d "$1/stubs" "$2/soap?wsdl" && grep -rq "public StratumPortType getStratumSoap12()" "$1/stubs"' _ \
  "$work" "$STRATUM_SOAP_BASE"
step "Axis 1.4 WSDL2Java accepts /soap?wsdl=soap11 (the SOAP 1.1 binding only)" "$work/axis.log" \
  bash -c 'java -cp "$1" org.apache.axis.wsdl.WSDL2Java -o "$2/axis" "$3/soap?wsdl=soap11" && find "$2/axis" -name "StratumSoap11BindingStub.java" | grep -q .' _ \
  "$axis" "$work" "$STRATUM_SOAP_BASE"
step "Main.java compiles against the generated stubs" "$work/javac.log" \
  javac -cp "$work/stubs:$runtime" -d "$work/main" "$here/Main.java"

rc=0
if [ -f "$work/main/Main.class" ]; then
  java -cp "$work/main:$work/stubs:$runtime" Main >"$work/main.out" 2>"$work/main.err" || rc=$?
  grep -v '^RESULT ' "$work/main.out"
  result="$(grep -E '^RESULT java [0-9]+ [0-9]+$' "$work/main.out" | tail -1)"
  if [ -n "$result" ]; then
    passed=$((passed + $(echo "$result" | cut -d' ' -f3)))
    failed=$((failed + $(echo "$result" | cut -d' ' -f4)))
  else
    failed=$((failed + 1)); echo "FAIL Main did not finish (exit $rc)"; tail -20 "$work/main.err"
  fi
fi
echo "RESULT java $passed $failed"
[ "$failed" -eq 0 ]
