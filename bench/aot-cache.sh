#!/usr/bin/env bash
# Makes a JDK AOT cache for this build (docs/deploy.md, "An AOT cache for each release"): extracts the jar, which the
# cache needs, and trains it under both live loads at once, session pages and STOMP subscribers (the soak's,
# bench/soak.sh), so the cache holds the JIT's profiles of both push paths and not only of start-up. A new node
# started with it warms up faster on either path; it still warms up (docs/benchmarks.md).
#
# Usage: bench/aot-cache.sh [DEST=target/aot] [PAGES=2000] [SUBSCRIBERS=5000] [SECONDS=240]
#   SKIP_BUILD=1   use target/ as it is
# The cache fits only this jar and the JDK that made it (printed at the end): run production on the same one.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DEST=${1:-target/aot}
PAGES=${2:-2000}
SUBSCRIBERS=${3:-5000}
# at least 120: the soak opens the pages for 90 s before the subscribers come, and stops them 30 s before the end
SECONDS_TO_TRAIN=${4:-240}

bench_select_jdk
bench_build package
JAR=$(bench_jar)
# DEST is emptied first: refuse a folder that is not an earlier output of this script (target/ would lose the jar)
case "$(realpath "$JAR")" in "$(realpath -m "$DEST")"/*) INSIDE=yes ;; *) INSIDE=no ;; esac
if [ "$INSIDE" = yes ] || { [ -n "$(ls -A "$DEST" 2>/dev/null)" ] && [ ! -e "$DEST/convene.aot" ] \
        && [ ! -e "$DEST/$(basename "$JAR")" ]; }; then
    echo "$DEST is not empty and holds no earlier cache: choose a new folder, such as target/aot" >&2
    exit 1
fi
rm -rf "$DEST"
java -Djarmode=tools -jar "$JAR" extract --destination "$DEST"
EXTRACTED="$DEST/$(basename "$JAR")"
CACHE="$(realpath -m "$DEST")/convene.aot"   # absolute: the JVM runs from the project folder

# the node writes the cache when it stops at the end of the run
JAR="$EXTRACTED" SKIP_BUILD=1 NODE_JVM="-Xmx3g -Xss512k -XX:+UseG1GC -XX:AOTCacheOutput=$CACHE" \
    bench/soak.sh "$PAGES" "$SUBSCRIBERS" "$SECONDS_TO_TRAIN"
if [ ! -s "$CACHE" ]; then
    echo "No cache was written: see target/soak-server.log" >&2
    exit 1
fi
echo
echo "AOT cache: $CACHE ($(du -h "$CACHE" | cut -f1)), made with $(java -version 2>&1 | head -1)"
echo "Start each node with: java -XX:+UseG1GC -XX:AOTCache=$CACHE -jar $(realpath "$EXTRACTED")"
