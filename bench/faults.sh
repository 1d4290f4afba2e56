#!/usr/bin/env bash
# Faults under load (docs/benchmarks.md, "Faults under load"): two Convene nodes on one PostgreSQL (started by the
# load program from the embedded binaries, on a fixed port and data directory), STOMP clients on both asking and
# voting with receipts, subscribers on both; then node B is killed with kill -9 and started again, PostgreSQL is
# restarted, and node A's LISTEN connection is cut. After each: every acknowledged question and vote in the database
# and in both snapshots, every subscriber back in step with no duplicate. Exits 1 if a check fails.
# The mail scenario (bench/faults.sh mail [messages=600]): both nodes send the email outbox to a GreenMail server in
# the load program; node B is killed with kill -9 while it sends and started again. Every message must be sent and
# arrive at least once; the copies of the batch B was sending are counted and reported (docs/email.md, "At least
# once"), and more than one batch of them fails the run.
# Usage: bench/faults.sh [seconds per phase=30]     (SKIP_BUILD=1 to reuse target/; ports: HTTP_A, HTTP_B, DB_PORT)
#        bench/faults.sh mail [messages=600]        (also SMTP_PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SCENARIO=qa
if [ "${1:-}" = mail ]; then
    SCENARIO=mail
    MESSAGES=${2:-600}
fi
SECONDS_PER_PHASE=${1:-30}
SMTP_PORT=${SMTP_PORT:-13025}
HTTP_A=${HTTP_A:-18101}
HTTP_B=${HTTP_B:-18102}
DB_PORT=${DB_PORT:-54359}

bench_select_jdk

bench_build package
CP="target/classes:$(bench_classpath)"
JAR=$(bench_jar)

rm -rf target/faults-pg target/faults-node-*.log
bench_machine
echo "Before the run: $(uptime | sed 's/.*load average/load average/'); other busy processes:" \
     "$(ps -eo pcpu,comm --sort=-pcpu --no-headers | awk '$1 > 20 {printf "%s %s%%, ", $2, $1}')"
# the nodes are children of the load program, which kills them (and stops its PostgreSQL) when it ends
# (everything in target/faults-run.log; the embedded PostgreSQL's own lines are left out here; node logs are in
# target/faults-node-A.log and -B.log)
if [ "$SCENARIO" = mail ]; then
    rm -f target/faults-mail-node-*.log
    java -Xmx1g -cp "$CP" org.convene.bench.MailFaults "$JAR" "$HTTP_A" "$HTTP_B" "$DB_PORT" "$SMTP_PORT" "$MESSAGES" 2>&1 \
        | tee target/faults-mail-run.log | grep --line-buffered -v -e 'io.zonky' -e 'com.icegreen'
else
    java -Xmx1g -cp "$CP" org.convene.bench.QaFaults "$JAR" "$HTTP_A" "$HTTP_B" "$DB_PORT" "$SECONDS_PER_PHASE" 2>&1 \
        | tee target/faults-run.log | grep --line-buffered -v 'io.zonky'
fi
echo "After the run: $(uptime | sed 's/.*load average/load average/')"
