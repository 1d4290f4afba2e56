#!/usr/bin/env bash
# Makes a JDK AOT cache for this build (docs/deploy.md, "An AOT cache for each release"): extracts the jar, which the
# cache needs, and trains it under the session-page load, so the cache holds the JIT's profiles of the push path
# and not only of start-up. A new node started with it serves its first plenary question as fast as a warm one.
#
# Usage: bench/aot-cache.sh [DEST=target/aot] [PAGES=2000] [SECONDS=60]
#   SKIP_BUILD=1   use target/ as it is
# The cache fits only this jar and the JDK that made it (printed at the end): run production on the same one.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DEST=${1:-target/aot}
PAGES=${2:-2000}
SECONDS_TO_TRAIN=${3:-60}

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
CACHE="$PWD/$DEST/convene.aot"

# the node writes the cache when it stops at the end of the run
JAR="$EXTRACTED" SKIP_BUILD=1 NODE_JVM="-Xmx3g -Xss512k -XX:+UseG1GC -XX:AOTCacheOutput=$CACHE" \
    bench/session-page.sh "$PAGES" 1 20 "$SECONDS_TO_TRAIN"
if [ ! -s "$CACHE" ]; then
    echo "No cache was written: see target/session-page-server.log" >&2
    exit 1
fi
echo
echo "AOT cache: $CACHE ($(du -h "$CACHE" | cut -f1)), made with $(java -version 2>&1 | head -1)"
echo "Start each node with: java -XX:+UseG1GC -XX:AOTCache=$CACHE -jar $PWD/$EXTRACTED"
