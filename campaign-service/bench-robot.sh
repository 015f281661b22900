#!/usr/bin/env bash
# Robot turn-taking on a real Asterisk 22 with SIPp callees answering in recorded speech (see RobotLatencyBenchmark).
# usage: bash campaign-service/bench-robot.sh [calls at once]   (default 12; DIALER_TEST_ASTERISK or ../shared/asterisk)
set -euo pipefail
cd "$(dirname "$0")/.."
export DIALER_TEST_ASTERISK="${DIALER_TEST_ASTERISK:-$(cd .. && pwd)/shared/asterisk}"
log=campaign-service/target/bench-robot.log
mkdir -p campaign-service/target
status=0
mvn -B -o -q -pl campaign-service -am -Dtest=RobotLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Drobot.calls="${1:-12}" test > "$log" 2>&1 || status=$?
grep -E "^(end of speech|barge-in|outcomes|dialer process|differs|[0-9]+ robot conversations)" "$log" || true
[ "$status" = 0 ] || echo "the benchmark failed (exit $status); see $log"
exit "$status"
