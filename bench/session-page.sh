#!/usr/bin/env bash
# Session page under load (docs/benchmarks.md): N real Vaadin UIs of one session page, opened by a headless
# client that speaks Vaadin's bootstrap, UIDL and push protocol, while questions and up-votes arrive over STOMP.
# One Convene node (with its embedded PostgreSQL) on core 0, the load generator on core 1.
#
# Usage: bench/session-page.sh PAGES [questions/s=1] [votes/s=20] [seconds=60] [signed-in share=0]
#   JAR=path/to/convene.jar   run against another build (the load generator stays this checkout's)
#   SKIP_BUILD=1              use target/ as it is
#   HTTP_PORT, DB_PORT        default 18091 and 54339
#   CHECK=1                   first compare the headless client with Chromium on the same page
#   WARMUP=seconds            run the same load this long first and measure the time after it (a node that has
#                             served sessions before; its JIT has compiled the push path)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
PAGES=${1:?usage: bench/session-page.sh PAGES [questions/s] [votes/s] [seconds] [signed-in share]}
QPS=${2:-1}
VPS=${3:-20}
SECONDS_TO_RUN=${4:-60}
SIGNED_IN=${5:-0}
HTTP_PORT=${HTTP_PORT:-18091}
DB_PORT=${DB_PORT:-54339}

bench_select_jdk
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bench_build package
CP=$(bench_classpath)
JAR=${JAR:-$(bench_jar)}

# every page holds a push socket and keeps-alive HTTP connections on both sides
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

rm -rf target/bench-pg
bench_start_node "$JAR" "$HTTP_PORT" "$DB_PORT" target/bench-pg/data target/session-page-server.log \
    --server.tomcat.accept-count=2000
SERVER=$!
trap 'bench_stop_node "$SERVER" target/bench-pg/data' EXIT
bench_wait_http "$HTTP_PORT" "" 180 || true

WARMUP=${WARMUP:-0}
bench_machine
echo "Server: $JAR, pid $SERVER pinned to core 0 (with its embedded PostgreSQL); load generator on core 1"
echo "Load: $PAGES session pages, $QPS questions/s, $VPS up-votes/s, $SECONDS_TO_RUN s measured after a warm-up of $WARMUP s; uptime: $(uptime)"
if [ "${CHECK:-}" = 1 ]; then
    taskset -c 1 timeout 300 java -cp "$CP" org.convene.bench.SessionPageClientCheck "$HTTP_PORT" "$DB_PORT" 3
fi
# bounded: opening the pages, the run, 15 s for the last question, the heap readings
LIMIT=$(( 600 + WARMUP + SECONDS_TO_RUN + PAGES / 2 ))
taskset -c 1 timeout "$LIMIT" java -Xmx4g -cp "$CP" org.convene.bench.SessionPageBenchmark \
    "$HTTP_PORT" "$DB_PORT" "$PAGES" "$QPS" "$VPS" "$SECONDS_TO_RUN" "$SERVER" "$SIGNED_IN" "$WARMUP"
