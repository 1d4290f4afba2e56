#!/usr/bin/env bash
# Live Q&A fan-out benchmark (docs/benchmarks.md): one Convene node on core 0, the load generator on core 1.
# Usage: bench/qa-fanout.sh [subscribers=1000] [questions/s=10] [votes/s=100] [seconds=30]
# NODES=2: a second Convene node on the same database (and core), with half the subscribers.
# CAPTIONS=5: caption lines too (Convene only): a captioner sends 5 caption SENDs a second (each line twice as it
#   grows with "final": false, then once final) to /app/sessions.{id}.captions, every subscriber also follows
#   /topic/sessions.{id}.captions, and a second table gives caption SEND to last subscriber p50/p90/p99/max and
#   deliveries lost. Small check: MODES=convene CAPTIONS=5 bench/qa-fanout.sh 50 1 0 30
# JAR=path/to/convene.jar: run Convene from another build (the load generator stays this checkout's)
# WARMUP=60: run the same load 60 s first and measure the SECONDS after it (the JIT has compiled the write path)
# READER=jdk: the subscribers read with the JDK's WebSocket client, as every run before 7 December 2026 did;
#   by default they are plain sockets on one selector thread, which costs the generator less than half as much
# The loopback's receiving side runs on the server's core unless steered (as root, before the run:
#   echo 2 > /sys/class/net/lo/queues/rx-0/rps_cpus, and echo 0 after); the run says when it was
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SUBSCRIBERS=${1:-1000}
QPS=${2:-10}
VPS=${3:-100}
SECONDS_TO_RUN=${4:-30}
HTTP_PORT=${HTTP_PORT:-18081}
DB_PORT=${DB_PORT:-54329}

bench_select_jdk

bench_build package
CP=$(bench_classpath)
JAR=${JAR:-$(bench_jar)}

# MODES: which servers to run, one after the other, against the same load (convene, bare or both).
# BARE_VPS: votes/s offered to the bare broker. It re-broadcasts every vote as its own frame to every subscriber
# (it has no coalescing), which overwhelms it at these sizes, so by default it gets the questions only.
MODES=${MODES:-convene bare}
BARE_VPS=${BARE_VPS:-0}
SERVER_HEAP=${SERVER_HEAP:-3g}

bench_machine

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
    # On the loopback the kernel receives each frame on the sending core, the server's; steering (RPS) moves that
    # to another core, as a real network moves it to the clients' machines (docs/benchmarks.md). Say which it was.
    RPS_MASK=$(cat /sys/class/net/lo/queues/rx-0/rps_cpus 2>/dev/null || echo unknown)
    if [ "$RPS_MASK" != unknown ] && [ -n "${RPS_MASK//[0,]/}" ]; then
        echo "loopback receiving steered to CPU mask $RPS_MASK (not on the server's core)"
    fi
    if [ "$mode" = convene ]; then
        rm -rf target/bench-pg
        NODE_JVM="-Xmx$SERVER_HEAP -Xss512k ${SERVER_JAVA_OPTS:-}" \
            bench_start_node "$JAR" "$HTTP_PORT" "$DB_PORT" target/bench-pg/data target/bench-server.log \
            --convene.stomp.max-anonymous-connections-per-address=1000000 \
            --convene.stomp.frames-per-window=1000000
        SERVER=$!
        bench_wait_http "$HTTP_PORT"
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
            bench_wait_http "$((HTTP_PORT + 1))"
            NODE_OPTS="-Dbench.secondPort=$((HTTP_PORT + 1)) -Dbench.secondPid=$SERVER2"
            echo "Second node pid $SERVER2 on port $((HTTP_PORT + 1)), also on core 0, same database"
        fi
    else
        taskset -c 0 java -Xmx$SERVER_HEAP -Xss512k ${SERVER_JAVA_OPTS:-} -cp "$CP" org.convene.bench.BareStompBroker \
            --server.port="$HTTP_PORT" \
            --server.tomcat.max-connections=20000 \
            --logging.level.root=warn > target/bench-bare.log 2>&1 &
        SERVER=$!
        bench_wait_http "$HTTP_PORT" ws
        VPS_FOR_MODE=$BARE_VPS
        NODE_OPTS=""
    fi
    echo "Server: $([ "$mode" = convene ] && echo "$JAR" || echo "the bare broker"), pid $SERVER pinned to core 0 (with its embedded PostgreSQL); load generator on core 1"
    CAPTION_OPTS=
    if [ -n "${CAPTIONS:-}" ] && [ "$mode" = convene ]; then
        CAPTION_OPTS="-Dbench.captionsPerSecond=$CAPTIONS"
    fi
    # the heap touched before the load: zeroing pages as it grew was an eighth of the generator's CPU at 10,000
    taskset -c 1 java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -Dbench.pgdata=target/bench-pg/data ${NODE_OPTS:-} ${CAPTION_OPTS} -Dbench.warmup=${WARMUP:-0} -Dbench.reader=${READER:-sockets} ${BENCH_JAVA_OPTS:-} -cp "$CP" org.convene.bench.QaFanoutBenchmark \
        "$HTTP_PORT" "$DB_PORT" "$SUBSCRIBERS" "$QPS" "$VPS_FOR_MODE" "$SECONDS_TO_RUN" "$SERVER" "$mode" || echo "load generator failed"
    echo "after the run: $(uptime | sed 's/.*load average/load average/')"
    stop_server
done
