#!/usr/bin/env bash
# Runs only the dialer's end-to-end tests against a real Asterisk 22 with SIPp callees and agent phones, and
# prints "N passed, N failed" and the latencies measured.
#   bash dialer-engine/asterisk/e2e.sh [path/to/asterisk-bundle]     (default: ../shared/asterisk)
set -uo pipefail
cd "$(dirname "$0")/../.."
bundle=${1:-${DIALER_TEST_ASTERISK:-../shared/asterisk}}
[ -x "$bundle/start-asterisk" ] || { echo "e2e: no Asterisk bundle with start-asterisk at $bundle" >&2; exit 2; }
DIALER_TEST_ASTERISK=$(realpath "$bundle")
export DIALER_TEST_ASTERISK
mkdir -p dialer-engine/target
rm -f dialer-engine/target/asterisk-latency.txt {dialer-engine,campaign-service}/target/surefire-reports/TEST-*RealIT.xml
# the engine's suite, and the service's (serve killed and restarted during a call)
mvn -B -q -o -pl dialer-engine,campaign-service -am test -Dtest='*RealIT' -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true \
  > dialer-engine/target/e2e.log 2>&1
status=$?
passed=0 failed=0
for report in {dialer-engine,campaign-service}/target/surefire-reports/TEST-*RealIT.xml; do
  [ -f "$report" ] || continue
  t=$(grep -o 'tests="[0-9]*"' "$report" | head -1 | tr -dc 0-9)
  f=$(grep -o 'failures="[0-9]*"' "$report" | head -1 | tr -dc 0-9)
  e=$(grep -o 'errors="[0-9]*"' "$report" | head -1 | tr -dc 0-9)
  s=$(grep -o 'skipped="[0-9]*"' "$report" | head -1 | tr -dc 0-9)
  passed=$((passed + t - f - e - s)); failed=$((failed + f + e))
done
[ $status -ne 0 ] && [ $failed -eq 0 ] && { tail -30 dialer-engine/target/e2e.log; failed=1; }
[ -f dialer-engine/target/asterisk-latency.txt ] && cat dialer-engine/target/asterisk-latency.txt
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
