#!/usr/bin/env bash
# Paired start times of two builds: the old and the new jar started in turn (N times each, default 5) with the
# README's JVM options on an existing data directory of their own (each started once first, not counted); prints the
# seconds from `java -jar` to a healthy /actuator/health per pair. Compare within one run of this script only.
#
# usage: bench/start-paired.sh OLD_JAR [NEW_JAR (default app/target/placemat-workflows.jar)] [N]
# needs: curl, bc
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1
NEW=${2:-app/target/placemat-workflows.jar}
OPTS="-XX:+UseSerialGC -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m"
DIRS=$(mktemp -d /tmp/placemat-start-XXXXXX)
mkdir -p "$DIRS/old" "$DIRS/new"

one() { # jar data-dir port: prints the seconds to healthy
  local t0 pid
  t0=$(date +%s.%N)
  WORKFLOWS_DATA_DIR=$2 WORKFLOWS_ADMIN_TOKEN=bench-token-0123456789 PORT=$3 java $OPTS -jar "$1" \
    > "$2/app.log" 2>&1 & pid=$!
  for _ in $(seq 1 1200); do curl -sf "localhost:$3/actuator/health" >/dev/null && break; sleep 0.05; done
  echo "$(date +%s.%N) - $t0" | bc
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

one "$OLD" "$DIRS/old" 18591 >/dev/null
one "$NEW" "$DIRS/new" 18592 >/dev/null
for _ in $(seq 1 "${3:-5}"); do
  echo "old $(one "$OLD" "$DIRS/old" 18591) s  new $(one "$NEW" "$DIRS/new" 18592) s"
done
rm -rf "$DIRS"
