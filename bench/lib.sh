# Shared by the bench/*.sh scripts (docs/benchmarks.md); sourced, not run. Each script sets its own arguments and
# ports, then calls these. Environment they honour:
#   SKIP_BUILD=1   use target/ as it is
#   MVN_FLAGS      extra Maven arguments for the build and the class path (e.g. -o)
#   JAVA_HOME      tried first when choosing the JDK

# A JDK 21 or newer (JAVA_HOME, then Temurin 25, then any under /usr/lib/jvm), first on the PATH.
bench_select_jdk() {
    local candidate
    for candidate in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
            export JAVA_HOME="$candidate"; break
        fi
    done
    export PATH="$JAVA_HOME/bin:$PATH"
}

# Builds up to the given phase (package: the server jar too) without the tests, unless SKIP_BUILD=1.
bench_build() {
    if [ "${SKIP_BUILD:-}" != 1 ]; then
        mvn -q -B ${MVN_FLAGS:-} -DskipTests "$1"
    fi
}

# The load generators' class path: the test classes and every dependency (the main classes are not on it: add
# target/classes in front where a program needs them).
bench_classpath() {
    # (without the colour codes Maven puts around its output even with -B: they would break the first entry)
    echo "target/test-classes:$(mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')"
}

# The server jar the build made.
bench_jar() {
    ls target/convene-*.jar | grep -v original | head -1
}

bench_machine() {
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
}

# Starts one Convene node from JAR on core 0 with its own embedded PostgreSQL, in the background ($! is its pid),
# with the Q&A rate limits raised out of the way of the load:
#   bench_start_node JAR HTTP_PORT DB_PORT DATA_DIR LOG [more arguments for the node...]
# The JVM's options come from NODE_JVM (default -Xmx3g -Xss512k -XX:+UseG1GC): NODE_JVM="-Xmx4g" bench_start_node ...
# G1 as docs/deploy.md says for a one-CPU node: the JVM's own choice there, the serial collector, stops the node
# for up to 0.7 s at a time (docs/benchmarks.md). Runs before 7 December 2026 used the serial collector.
bench_start_node() {
    local jar=$1 http_port=$2 db_port=$3 data_dir=$4 log=$5
    shift 5
    # shellcheck disable=SC2086 # the JVM options are words on purpose
    taskset -c 0 java ${NODE_JVM:--Xmx3g -Xss512k -XX:+UseG1GC} -jar "$jar" \
        --server.port="$http_port" \
        --spring.profiles.active=dev \
        --server.tomcat.max-connections=20000 \
        --convene.postgres.port="$db_port" \
        --convene.postgres.data-dir="$data_dir" \
        --convene.demo.mode=off \
        --convene.qa.questions-per-minute=1000000 \
        --convene.qa.votes-per-minute=1000000 \
        "$@" \
        --logging.level.root=warn > "$log" 2>&1 &
}

# Waits until http://127.0.0.1:PORT/PATH answers: bench_wait_http PORT [PATH] [tries=300, one a second].
bench_wait_http() {
    for _ in $(seq 1 "${3:-300}"); do
        curl -s -o /dev/null "http://127.0.0.1:$1/${2:-}" && return 0
        sleep 1
    done
    echo "server did not start" >&2
    return 1
}

# Stops a node: TERM, then after 60 s (thousands of UIs can take a while) kill -9, with the PostgreSQL it started
# on DATA_DIR (none for a node on another's database).
#   bench_stop_node PID [DATA_DIR]
bench_stop_node() {
    kill "$1" 2>/dev/null || return 0
    for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || break; sleep 1; done
    if kill -0 "$1" 2>/dev/null; then
        kill -9 "$1" 2>/dev/null
        if [ -n "${2:-}" ]; then
            for pg in $(pgrep -f -- "-D $PWD/$2" || true); do kill "$pg" 2>/dev/null || true; done
        fi
    fi
    wait "$1" 2>/dev/null || true
}
