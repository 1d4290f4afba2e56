#!/usr/bin/env bash
# Attendance report benchmark (docs/benchmarks.md, "Attendance reports"): 1,000,000 intervals in an embedded
# PostgreSQL, each report timed through the real service, the export of every interval streamed.
# Usage: bench/attendance.sh [runs=7]     (SKIP_BUILD=1 to reuse the last build; HEAP=384m by default)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${1:-7}
HEAP=${HEAP:-384m}

bench_select_jdk

bench_build test-compile
CP="target/classes:$(bench_classpath)"

echo "$(bench_machine); heap -Xmx$HEAP"
# A small heap on purpose: the export of every interval must run in constant memory.
java -Xmx"$HEAP" -XX:+UseSerialGC -cp "$CP" org.convene.bench.AttendanceReportBenchmark "$RUNS"
