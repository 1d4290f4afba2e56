#!/usr/bin/env bash
# Soak (docs/benchmarks.md): one Convene node on core 0 holding session pages and STOMP subscribers for a long
# run, both load generators on core 1, and a reading every minute of what must not grow: the heap after a full
# GC, the JVM's threads, its open file descriptors and PostgreSQL's backends.
#
# Usage: bench/soak.sh [pages=1000] [subscribers=5000] [seconds=1800]
#   SKIP_BUILD=1 uses target/ as it is; HTTP_PORT and DB_PORT default to 18095 and 54345.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-1000}
SUBSCRIBERS=${2:-5000}
SECONDS_TO_RUN=${3:-1800}
HTTP_PORT=${HTTP_PORT:-18095}
DB_PORT=${DB_PORT:-54345}
for candidate in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME="$candidate"; break
    fi
done
export PATH="$JAVA_HOME/bin:$PATH"
if [ "${SKIP_BUILD:-}" != 1 ]; then
    mvn -q -B ${MVN_FLAGS:-} -DskipTests package
fi
CP="target/test-classes:$(mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
JAR=$(ls target/convene-*.jar | grep -v original | head -1)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
rm -rf target/soak-pg
taskset -c 0 java -Xmx3g -Xss512k -jar "$JAR" \
    --server.port="$HTTP_PORT" \
    --spring.profiles.active=dev \
    --server.tomcat.max-connections=20000 \
    --server.tomcat.accept-count=2000 \
    --convene.postgres.port="$DB_PORT" \
    --convene.postgres.data-dir=target/soak-pg/data \
    --convene.demo.mode=off \
    --convene.qa.questions-per-minute=1000000 \
    --convene.qa.votes-per-minute=1000000 \
    --convene.stomp.max-anonymous-connections-per-address=1000000 \
    --convene.stomp.frames-per-window=1000000 \
    --logging.level.root=warn > target/soak-server.log 2>&1 &
SERVER=$!
GENERATORS=()
stop_all() {
    for g in "${GENERATORS[@]}"; do kill "$g" 2>/dev/null || true; done
    kill "$SERVER" 2>/dev/null || return 0
    for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
    if kill -0 "$SERVER" 2>/dev/null; then
        kill -9 "$SERVER" 2>/dev/null
        for pg in $(pgrep -f -- "-D $PWD/target/soak-pg/data" || true); do kill "$pg" 2>/dev/null || true; done
    fi
}
trap stop_all EXIT
for _ in $(seq 1 180); do
    curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" && break
    sleep 1
done
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "Soak: $PAGES session pages (1 question/s, 20 votes/s) and $SUBSCRIBERS STOMP subscribers (1 question/s,"\
     "10 votes/s) for $SECONDS_TO_RUN s; server pid $SERVER on core 0; uptime: $(uptime)"

taskset -c 1 java -Xmx4g -cp "$CP" org.convene.bench.SessionPageBenchmark \
    "$HTTP_PORT" "$DB_PORT" "$PAGES" 1 20 "$SECONDS_TO_RUN" "$SERVER" 0 > target/soak-pages.log 2>&1 &
GENERATORS+=($!)
sleep 90 # the pages open first
taskset -c 1 java -Xmx4g -Dbench.pgdata=target/soak-pg/data -cp "$CP" org.convene.bench.QaFanoutBenchmark \
    "$HTTP_PORT" "$DB_PORT" "$SUBSCRIBERS" 1 10 "$((SECONDS_TO_RUN - 120))" "$SERVER" convene > target/soak-stomp.log 2>&1 &
GENERATORS+=($!)

postmaster() { head -1 target/soak-pg/data/postmaster.pid 2>/dev/null || echo 0; }
echo "| minute | heap after full GC (KB) | JVM threads | JVM open files | PostgreSQL backends |"
echo "|---|---|---|---|---|"
START=$(date +%s)
while [ $(( $(date +%s) - START )) -lt "$SECONDS_TO_RUN" ]; do
    jcmd "$SERVER" GC.run > /dev/null 2>&1 || true
    HEAP=$(jcmd "$SERVER" GC.heap_info 2>/dev/null | grep -oE 'total [0-9]+K, used [0-9]+K' | sed -E 's/.*used ([0-9]+)K/\1/' | paste -sd+ | bc)
    THREADS=$(awk '/^Threads:/ {print $2}' /proc/$SERVER/status)
    FILES=$(ls /proc/$SERVER/fd | wc -l)
    BACKENDS=$(pgrep -P "$(postmaster)" | wc -l)
    echo "| $(( ($(date +%s) - START) / 60 )) | $HEAP | $THREADS | $FILES | $BACKENDS |"
    sleep 60
done
wait "${GENERATORS[@]}" 2>/dev/null || true
echo "uptime at the end: $(uptime)"
echo "--- session pages"; tail -25 target/soak-pages.log
echo "--- STOMP"; grep -E "per connection|\| Convene|SEND to its|CPU while" target/soak-stomp.log || tail -20 target/soak-stomp.log
