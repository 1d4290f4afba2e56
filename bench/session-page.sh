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
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:?usage: bench/session-page.sh PAGES [questions/s] [votes/s] [seconds] [signed-in share]}
QPS=${2:-1}
VPS=${3:-20}
SECONDS_TO_RUN=${4:-60}
SIGNED_IN=${5:-0}
HTTP_PORT=${HTTP_PORT:-18091}
DB_PORT=${DB_PORT:-54339}

for candidate in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME="$candidate"; break
    fi
done
export PATH="$JAVA_HOME/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ "${SKIP_BUILD:-}" != 1 ]; then
    mvn -q -B -DskipTests package
fi
# (without the colour codes Maven puts around its output even with -B)
CP="target/test-classes:$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
JAR=${JAR:-$(ls target/convene-*.jar | grep -v original | head -1)}

# every page holds a push socket and keeps-alive HTTP connections on both sides
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

rm -rf target/bench-pg
taskset -c 0 java -Xmx3g -Xss512k -jar "$JAR" \
    --server.port="$HTTP_PORT" \
    --spring.profiles.active=dev \
    --server.tomcat.max-connections=20000 \
    --server.tomcat.accept-count=2000 \
    --convene.postgres.port="$DB_PORT" \
    --convene.postgres.data-dir=target/bench-pg/data \
    --convene.demo.mode=off \
    --convene.qa.questions-per-minute=1000000 \
    --convene.qa.votes-per-minute=1000000 \
    --logging.level.root=warn > target/session-page-server.log 2>&1 &
SERVER=$!
stop_server() {
    # a node with thousands of UIs can take a while to stop; after 60 s it is killed, with its PostgreSQL
    kill "$SERVER" 2>/dev/null || return 0
    for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 1; done
    if kill -0 "$SERVER" 2>/dev/null; then
        kill -9 "$SERVER" 2>/dev/null
        for pg in $(pgrep -f -- "-D $PWD/target/bench-pg/data" || true); do kill "$pg" 2>/dev/null || true; done
    fi
    wait "$SERVER" 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 180); do
    curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" && break
    sleep 1
done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "Server: $JAR, pid $SERVER pinned to core 0 (with its embedded PostgreSQL); load generator on core 1"
echo "Load: $PAGES session pages, $QPS questions/s, $VPS up-votes/s, $SECONDS_TO_RUN s; uptime: $(uptime)"
if [ "${CHECK:-}" = 1 ]; then
    taskset -c 1 timeout 300 java -cp "$CP" org.convene.bench.SessionPageClientCheck "$HTTP_PORT" "$DB_PORT" 3
fi
# bounded: opening the pages, the run, 15 s for the last question, the heap readings
LIMIT=$(( 600 + SECONDS_TO_RUN + PAGES / 2 ))
taskset -c 1 timeout "$LIMIT" java -Xmx4g -cp "$CP" org.convene.bench.SessionPageBenchmark \
    "$HTTP_PORT" "$DB_PORT" "$PAGES" "$QPS" "$VPS" "$SECONDS_TO_RUN" "$SERVER" "$SIGNED_IN"
