#!/usr/bin/env bash
# Live Q&A fan-out benchmark (docs/benchmarks.md): one Convene node on core 0, the load generator on core 1.
# Usage: bench/qa-fanout.sh [subscribers=1000] [questions/s=10] [votes/s=100] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${1:-1000}
QPS=${2:-10}
VPS=${3:-100}
SECONDS_TO_RUN=${4:-30}
HTTP_PORT=${HTTP_PORT:-18081}
DB_PORT=${DB_PORT:-54329}

for candidate in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME="$candidate"; break
    fi
done
export PATH="$JAVA_HOME/bin:$PATH"

if [ "${SKIP_BUILD:-}" != 1 ]; then
    mvn -q -B -DskipTests package
fi
CP="target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
JAR=$(ls target/convene-*.jar | grep -v original | head -1)

rm -rf target/bench-pg
taskset -c 0 java -Xmx3g -Xss512k -jar "$JAR" \
    --server.port="$HTTP_PORT" \
    --server.tomcat.max-connections=20000 \
    --convene.postgres.port="$DB_PORT" \
    --convene.postgres.data-dir=target/bench-pg/data \
    --convene.demo.mode=off \
    --convene.qa.questions-per-minute=1000000 \
    --convene.qa.votes-per-minute=1000000 \
    --logging.level.root=warn > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" && break
    sleep 1
done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "Server pid $SERVER pinned to core 0 (with its embedded PostgreSQL); load generator on core 1"
taskset -c 1 java -Xmx4g -cp "$CP" org.convene.bench.QaFanoutBenchmark \
    "$HTTP_PORT" "$DB_PORT" "$SUBSCRIBERS" "$QPS" "$VPS" "$SECONDS_TO_RUN" "$SERVER"
