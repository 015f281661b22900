#!/usr/bin/env bash
# AMI load benchmark: the Asterisk adapter against the loopback AMI server (see AmiLoadBenchmark).
# usage: bash dialer-engine/bench-ami.sh [originates-per-second] [seconds] [talk-seconds]   (default 100 60 8)
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -o test-compile
CP=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp target/test-classes:target/classes:"$CP" org.opendialer.engine.asterisk.AmiLoadBenchmark "${1:-100}" "${2:-60}" "${3:-8}"
