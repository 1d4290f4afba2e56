#!/usr/bin/env bash
# Live Q&A fan-out benchmark (docs/benchmarks.md): one Convene node on core 0, the load generator on core 1.
# Usage: bench/qa-fanout.sh [subscribers=1000] [questions/s=10] [votes/s=100] [seconds=30]
# NODES=2: a second Convene node on the same database (and core), with half the subscribers.
# CAPTIONS=5: caption lines too (Convene only): a captioner sends 5 caption SENDs a second (each line twice as it
#   grows with "final": false, then once final) to /app/sessions.{id}.captions, every subscriber also follows
#   /topic/sessions.{id}.captions, and a second table gives caption SEND to last subscriber p50/p90/p99/max and
#   deliveries lost. Small check: MODES=convene CAPTIONS=5 bench/qa-fanout.sh 50 1 0 30
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
    mvn -q -B ${MVN_FLAGS:-} -DskipTests package
fi
# (without the colour codes Maven puts around its output even with -B: they would break the first entry)
CP="target/test-classes:$(mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
JAR=$(ls target/convene-*.jar | grep -v original | head -1)

# MODES: which servers to run, one after the other, against the same load (convene, bare or both).
# BARE_VPS: votes/s offered to the bare broker. It re-broadcasts every vote as its own frame to every subscriber
# (it has no coalescing), which overwhelms it at these sizes, so by default it gets the questions only.
MODES=${MODES:-convene bare}
BARE_VPS=${BARE_VPS:-0}
SERVER_HEAP=${SERVER_HEAP:-3g}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"

wait_for_http() {
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/$1" && return 0
        sleep 1
    done
    echo "server did not start" >&2
    return 1
}

stop_server() {
    if [ -n "${SERVER2:-}" ]; then
        kill "$SERVER2" 2>/dev/null || true
        wait "$SERVER2" 2>/dev/null || true
        SERVER2=
    fi
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
}
SERVER=
SERVER2=
NODE_OPTS=
trap 'if [ -n "$SERVER" ]; then stop_server; fi' EXIT

for mode in $MODES; do
    echo
    echo "=== $mode, $SUBSCRIBERS subscribers; before the run: $(uptime | sed 's/.*load average/load average/');" \
         "other busy processes: $(ps -eo pcpu,comm --sort=-pcpu --no-headers | awk '$1 > 20 {printf "%s %s%%, ", $2, $1}')"
    if [ "$mode" = convene ]; then
        rm -rf target/bench-pg
        taskset -c 0 java -Xmx$SERVER_HEAP -Xss512k ${SERVER_JAVA_OPTS:-} -jar "$JAR" \
            --server.port="$HTTP_PORT" \
            --spring.profiles.active=dev \
            --server.tomcat.max-connections=20000 \
            --convene.postgres.port="$DB_PORT" \
            --convene.postgres.data-dir=target/bench-pg/data \
            --convene.demo.mode=off \
            --convene.qa.questions-per-minute=1000000 \
            --convene.qa.votes-per-minute=1000000 \
            --convene.stomp.max-anonymous-connections-per-address=1000000 \
            --convene.stomp.frames-per-window=1000000 \
            --logging.level.root=warn > target/bench-server.log 2>&1 &
        SERVER=$!
        wait_for_http ""
        VPS_FOR_MODE=$VPS
        NODE_OPTS=""
        if [ "${NODES:-1}" = 2 ]; then
            # a second node on the first one's database, on the same core: the subscribers are split between the
            # two, the askers and voters stay on the first, so every question crosses to the second by NOTIFY
            taskset -c 0 java -Xmx$SERVER_HEAP -Xss512k ${SERVER_JAVA_OPTS:-} -jar "$JAR" \
                --server.port="$((HTTP_PORT + 1))" \
                --spring.datasource.url="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" \
                --spring.datasource.username=postgres --spring.datasource.password=postgres \
                --server.tomcat.max-connections=20000 \
                --convene.demo.mode=off \
                --convene.qa.questions-per-minute=1000000 \
                --convene.qa.votes-per-minute=1000000 \
                --convene.stomp.max-anonymous-connections-per-address=1000000 \
                --convene.stomp.frames-per-window=1000000 \
                --logging.level.root=warn > target/bench-server-2.log 2>&1 &
            SERVER2=$!
            HTTP_PORT=$((HTTP_PORT + 1)) wait_for_http ""
            NODE_OPTS="-Dbench.secondPort=$((HTTP_PORT + 1)) -Dbench.secondPid=$SERVER2"
            echo "Second node pid $SERVER2 on port $((HTTP_PORT + 1)), also on core 0, same database"
        fi
    else
        taskset -c 0 java -Xmx$SERVER_HEAP -Xss512k ${SERVER_JAVA_OPTS:-} -cp "$CP" org.convene.bench.BareStompBroker \
            --server.port="$HTTP_PORT" \
            --server.tomcat.max-connections=20000 \
            --logging.level.root=warn > target/bench-bare.log 2>&1 &
        SERVER=$!
        wait_for_http "ws"
        VPS_FOR_MODE=$BARE_VPS
        NODE_OPTS=""
    fi
    echo "Server pid $SERVER pinned to core 0 (with its embedded PostgreSQL); load generator on core 1"
    CAPTION_OPTS=
    if [ -n "${CAPTIONS:-}" ] && [ "$mode" = convene ]; then
        CAPTION_OPTS="-Dbench.captionsPerSecond=$CAPTIONS"
    fi
    taskset -c 1 java -Xmx4g -Dbench.pgdata=target/bench-pg/data ${NODE_OPTS:-} ${CAPTION_OPTS} ${BENCH_JAVA_OPTS:-} -cp "$CP" org.convene.bench.QaFanoutBenchmark \
        "$HTTP_PORT" "$DB_PORT" "$SUBSCRIBERS" "$QPS" "$VPS_FOR_MODE" "$SECONDS_TO_RUN" "$SERVER" "$mode" || echo "load generator failed"
    echo "after the run: $(uptime | sed 's/.*load average/load average/')"
    stop_server
done
