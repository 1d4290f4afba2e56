#!/usr/bin/env bash
# Attendance report benchmark (docs/benchmarks.md, "Attendance reports"): 1,000,000 intervals in an embedded
# PostgreSQL, each report timed through the real service, the export of every interval streamed.
# Usage: bench/attendance.sh [runs=7]     (SKIP_BUILD=1 to reuse the last build; HEAP=384m by default)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
HEAP=${HEAP:-384m}

for candidate in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME="$candidate"; break
    fi
done
export PATH="$JAVA_HOME/bin:$PATH"

if [ "${SKIP_BUILD:-}" != 1 ]; then
    mvn -q -B -DskipTests test-compile
fi
# (without the colour codes Maven puts around its output even with -B: they would break the first entry)
CP="target/classes:target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); heap -Xmx$HEAP"
# A small heap on purpose: the export of every interval must run in constant memory.
java -Xmx"$HEAP" -XX:+UseSerialGC -cp "$CP" org.convene.bench.AttendanceReportBenchmark "$RUNS"
