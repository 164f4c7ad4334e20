#!/usr/bin/env bash
# Recovery after SIGKILL: the packaged platform on its embedded PostgreSQL accepts N executions of a workflow that
# waits 20 s in memory, is killed with SIGKILL (its database too, as a machine crash would), and is started again;
# prints the time from the new process's health to every unfinished execution resumed (claimed and running again)
# and to every one completed.
#
# usage: bench/recovery.sh [executions (default 1000)]
# needs: the jar (mvn -DskipTests package), curl, psql, python3
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
APP_PORT=18183
TOKEN=bench-token-$(date +%s)
DATA=$(mktemp -d /tmp/placemat-recovery-XXXXXX)
JAR=${BENCH_JAR:-app/target/placemat-workflows.jar}
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package"; exit 1; }

start() {
  WORKFLOWS_DATA_DIR="$DATA" WORKFLOWS_ADMIN_TOKEN="$TOKEN" PORT=$APP_PORT java -jar "$JAR" \
    --workflows.limits.rate-per-workflow=1000000 --workflows.limits.max-concurrent-per-workflow=100000 \
    >> "$DATA/app.log" 2>&1 & APP_PID=$!
  await_healthy "$APP_PORT" "$DATA/app.log"
}
cleanup() { kill -9 "${APP_PID:-0}" 2>/dev/null || true; pkill -9 -f "$DATA/postgres" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
source bench/api.sh

start
ID=$(api -X POST localhost:$APP_PORT/api/workflows -d '{"name":"recovery","trigger":{"type":"webhook","config":{}},
  "steps":[{"action_type":"control.wait","config":{"duration_seconds":20}},
           {"action_type":"data.transform","config":{"expression":"\"done\""}}]}' | field "['id']")
URL=$(api -X POST localhost:$APP_PORT/api/workflows/$ID/deploy | field "['webhook_url']")
echo "== accepting $N executions"
seq 1 "$N" | xargs -P 8 -I{} curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' \
  "localhost:$APP_PORT$URL"
echo "accepted: $(platform_sql "select count(*) from workflow_executions")"
PG=$(sed -n 1p "$DATA/postgres/postmaster.pid")
kill -9 "$APP_PID"; kill -9 "$PG" 2>/dev/null || true
while kill -0 "$PG" 2>/dev/null; do sleep 0.1; done
echo "== killed; starting again"
T0=$(date +%s.%N)
start
T1=$(date +%s.%N)
until [ "$(platform_sql "select count(*) from workflow_executions where resume_count = 0 and status <> 'completed'")" = 0 ]; do
  sleep 0.1; done
T2=$(date +%s.%N)
until [ "$(platform_sql "select count(*) from workflow_executions where status <> 'completed'")" = 0 ]; do sleep 0.2; done
T3=$(date +%s.%N)
printf "start to healthy: %.1f s\nhealthy to every execution resumed: %.1f s\nhealthy to every execution completed: %.1f s (each still had up to 20 s to wait)\n" \
  "$(echo "$T1 - $T0" | bc)" "$(echo "$T2 - $T1" | bc)" "$(echo "$T3 - $T1" | bc)"
