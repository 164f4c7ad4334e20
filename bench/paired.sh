#!/usr/bin/env bash
# Paired comparison of two builds: the old and the new jar alternated (twice by default), each on a fresh data
# directory with the README's JVM options, the bench workflow warmed up (warm_up, bench/api.sh) and then driven at
# c=1, 8 and 32; prints executions/s, p99, the CPU per request of the JVM and of its PostgreSQL at c=32 (read from
# /proc: steadier than a rate on this machine) and peak RSS per run. Compare within one run of this script only.
#
# usage: bench/paired.sh OLD_JAR [NEW_JAR (default app/target/placemat-workflows.jar)]
#        WARM (warm-up seconds, default 60), DUR (seconds per level, default 15), ROUNDS (default 2)
# needs: wrk, curl, python3
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$1
NEW=${2:-app/target/placemat-workflows.jar}
OPTS="-XX:+UseSerialGC -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m"
APP_PORT=18191
STUB_PORT=18192
source bench/api.sh

one() { # jar label
  local data url line out
  TOKEN=bench-token-$(date +%s)
  data=$(mktemp -d /tmp/placemat-paired-XXXXXX)
  java bench/Stub.java "$STUB_PORT" & STUB_PID=$!
  WORKFLOWS_DATA_DIR="$data" WORKFLOWS_ADMIN_TOKEN="$TOKEN" WORKFLOWS_OUTBOUND_ALLOW=127.0.0.1 PORT=$APP_PORT \
    java $OPTS -jar "$1" --workflows.limits.rate-per-workflow=1000000 \
    --workflows.limits.max-concurrent-per-workflow=100000 --workflows.retention.max-per-workflow=100000000 \
    > "$data/app.log" 2>&1 & APP_PID=$!
  await_healthy "$APP_PORT" "$data/app.log"
  local id
  id=$(api -X POST localhost:$APP_PORT/api/workflows -d "$(sed "s/STUB_PORT/$STUB_PORT/" bench/workflow.json)" \
    | field "['id']")
  url=http://127.0.0.1:$APP_PORT$(api -X POST localhost:$APP_PORT/api/workflows/$id/deploy | field "['webhook_url']")
  warm_up "$url" "${WARM:-60}"
  line="$2"
  for c in 1 8 32; do
    if [ "$c" = 32 ]; then python3 bench/cpu_split.py snap "$APP_PID" "$STUB_PID" > "$data/cpu-before.json"; fi
    out=$(wrk -t$(( c < 2 ? 1 : 2 )) -c$c -d${DUR:-15}s --latency -s bench/post.lua "$url")
    line="$line  c=$c $(echo "$out" | awk '/Requests\/sec/ {printf "%.0f/s", $2}') p99 $(echo "$out" | awk '$1=="99%" {print $2}')"
  done
  python3 bench/cpu_split.py snap "$APP_PID" "$STUB_PID" > "$data/cpu-after.json"
  line="$line  at c=32: $(python3 bench/cpu_split.py brief "$data/cpu-before.json" "$data/cpu-after.json" \
    "$(echo "$out" | awk '/requests in/ {print $1}')")"
  echo "$line  peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$APP_PID/status)"
  kill "$APP_PID" "$STUB_PID"; wait 2>/dev/null || true; rm -rf "$data"
}

for _ in $(seq 1 "${ROUNDS:-2}"); do
  one "$OLD" old
  one "$NEW" new
done
