#!/usr/bin/env bash
# Load on a real Asterisk 22: bursts of N calls (SIPp callees talking with audio, one nailed-up SIPp agent phone
# echoing audio per call), N growing until a burst fails; prints the figures of each burst.
#   bash dialer-engine/asterisk/bench.sh [path/to/asterisk-bundle] [N ...]   (default: 100 150 200 250 300)
set -uo pipefail
cd "$(dirname "$0")/../.."
bundle=${1:-${DIALER_TEST_ASTERISK:-../shared/asterisk}}
[ -x "$bundle/start-asterisk" ] || { echo "bench: no Asterisk bundle with start-asterisk at $bundle" >&2; exit 2; }
DIALER_TEST_ASTERISK=$(realpath "$bundle")
export DIALER_TEST_ASTERISK
shift || true
sizes=${*:-100 150 200 250 300}
mvn -B -q -o -pl dialer-engine -am test-compile > /dev/null || exit 1
for n in $sizes; do
  rm -f dialer-engine/target/asterisk-latency.txt
  mvn -B -q -o -pl dialer-engine surefire:test -Dtest=CallBurstRealIT -Ddialer.burst.calls="$n" \
    -Dsurefire.failIfNoSpecifiedTests=false > "dialer-engine/target/bench-$n.log" 2>&1
  status=$?
  if [ $status -eq 0 ] && [ -f dialer-engine/target/asterisk-latency.txt ]; then
    cat dialer-engine/target/asterisk-latency.txt
  else
    echo "burst of $n calls failed: see dialer-engine/target/bench-$n.log"
    grep -m3 -E "as=|expected|Expecting|\[.*\]" "dialer-engine/target/surefire-reports/org.opendialer.engine.asterisk.CallBurstRealIT.txt" 2>/dev/null
    break
  fi
done
