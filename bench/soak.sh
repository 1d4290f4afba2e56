#!/usr/bin/env bash
# Soak (docs/benchmarks.md): one Convene node on core 0 holding session pages and STOMP subscribers for a long
# run, both load generators on core 1, and a reading every minute of what must not grow: the heap after a full
# GC, the JVM's threads, its open file descriptors and PostgreSQL's backends.
#
# Usage: bench/soak.sh [pages=1000] [subscribers=5000] [seconds=1800]
#   SKIP_BUILD=1 uses target/ as it is; HTTP_PORT and DB_PORT default to 18095 and 54345.
#   JAR=path/to/convene.jar runs another build (the load generators stay this checkout's).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
PAGES=${1:-1000}
SUBSCRIBERS=${2:-5000}
SECONDS_TO_RUN=${3:-1800}
HTTP_PORT=${HTTP_PORT:-18095}
DB_PORT=${DB_PORT:-54345}
bench_select_jdk
bench_build package
CP=$(bench_classpath)
JAR=${JAR:-$(bench_jar)}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
rm -rf target/soak-pg
bench_start_node "$JAR" "$HTTP_PORT" "$DB_PORT" target/soak-pg/data target/soak-server.log \
    --server.tomcat.accept-count=2000 \
    --convene.stomp.max-anonymous-connections-per-address=1000000 \
    --convene.stomp.frames-per-window=1000000
SERVER=$!
GENERATORS=()
stop_all() {
    for g in "${GENERATORS[@]}"; do kill "$g" 2>/dev/null || true; done
    bench_stop_node "$SERVER" target/soak-pg/data
}
trap stop_all EXIT
bench_wait_http "$HTTP_PORT" "" 180 || true
bench_machine
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
echo "| minute | live heap after a full GC (KB) | JVM threads | JVM open files | PostgreSQL backends |"
echo "|---|---|---|---|---|"
START=$(date +%s)
while [ $(( $(date +%s) - START )) -lt "$SECONDS_TO_RUN" ]; do
    # the live heap from a class histogram, which collects and counts in one pause. Until 7 December 2026 this
    # read GC.heap_info after a separate GC.run: a jcmd later, under load, so each reading added a second or so of
    # fresh allocation to the live heap, swung by 60 MB and followed the allocation rate, not the live data.
    HEAP=$(jcmd "$SERVER" GC.class_histogram 2>/dev/null | awk '$1 == "Total" {print int($3 / 1024)}') || true
    [ -n "$HEAP" ] || HEAP="?"
    THREADS=$(awk '/^Threads:/ {print $2}' /proc/$SERVER/status)
    FILES=$(ls /proc/$SERVER/fd | wc -l)
    BACKENDS=$(pgrep -P "$(postmaster)" | wc -l) || BACKENDS="?"
    echo "| $(( ($(date +%s) - START) / 60 )) | $HEAP | $THREADS | $FILES | $BACKENDS |"
    sleep 60
done
wait "${GENERATORS[@]}" 2>/dev/null || true
echo "uptime at the end: $(uptime)"
echo "--- session pages"; tail -25 target/soak-pages.log
echo "--- STOMP"; grep -E "per connection|\| Convene|SEND to its|CPU while" target/soak-stomp.log || tail -20 target/soak-stomp.log
