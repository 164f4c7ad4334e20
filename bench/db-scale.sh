#!/usr/bin/env bash
# A database that has run for a while: the packaged platform on Debian's PostgreSQL holding N executions of one
# workflow (3 step attempts each, default a million), as months of webhooks leave them. Prints how long users and
# the platform's own housekeeping wait on it:
#   - a page of the workflow's execution history, of its failed executions, and of every workflow's failed executions
#     (GET /api/executions, median of 5);
#   - saving a workflow with one step fewer (PUT /api/workflows/{id}, which deletes the removed step's row): another
#     workflow that never ran, then the one with the N executions;
#   - retention: executions pruned per second in the first 30 s of its first pass (two minutes after the start),
#     with max-per-workflow set to keep half of them.
#
# usage: bench/db-scale.sh [executions (default 1000000)]
#        BENCH_JAR to measure another build of the jar
# needs: the jar (mvn -DskipTests package), curl, psql, python3, PostgreSQL's server (initdb, postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
PG_PORT=18390
APP_PORT=18391
TOKEN=bench-token-$(date +%s)
DATA=$(mktemp -d /tmp/placemat-db-scale-XXXXXX)
JAR=${BENCH_JAR:-app/target/placemat-workflows.jar}
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package"; exit 1; }
for tool in curl python3; do command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 1; }; done
. bench/postgres.sh
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  stop_postgres
  wait 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

mkdir -p "$DATA/node"
start_postgres -c shared_buffers=128MB

start_app() {
  DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" WORKFLOWS_DATA_DIR="$DATA/node" \
    WORKFLOWS_ADMIN_TOKEN="$TOKEN" WORKFLOWS_OUTBOUND_ALLOW=127.0.0.1 PORT=$APP_PORT \
    java -XX:+UseSerialGC -Xmx256m -Xss512k -jar "$JAR" "$@" >> "$DATA/app.log" 2>&1 & APP_PID=$!
  await_healthy "$APP_PORT" "$DATA/app.log"
}
source bench/api.sh
# seconds for one call, the median of five
median_of_5() {
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$@"; done \
    | sort -n | sed -n 3p
}

start_app
WORKFLOW=$(sed "s/STUB_PORT/18399/" bench/workflow.json)
ID=$(api -X POST localhost:$APP_PORT/api/workflows -d "$WORKFLOW" | field "['id']")
QUIET=$(api -X POST localhost:$APP_PORT/api/workflows -d "$WORKFLOW" | field "['id']")
kill "$APP_PID"; wait "$APP_PID" || true

echo "== $N executions, $((3 * N)) step attempts"
t0=$(date +%s)
# inserted pending and then ended, as the platform writes them; one in a thousand failed
sql "INSERT INTO workflow_executions (id, workflow_id, workflow_version, status, trigger_data, started_at, started_node)
     SELECT gen_random_uuid(), '$ID', 1, 'pending', '{\"webhook_data\":{\"customer\":\"Acme\",\"items\":[{\"price\":80}]}}',
            now() - make_interval(secs => i / 100.0), 'bench' FROM generate_series(1, $N) i" >/dev/null
sql "INSERT INTO step_executions (execution_id, step_id, step_key, step_number, action_type, status, started_at,
       completed_at, input_data, output_data, node)
     SELECT e.id, s.id, 'step_' || s.step_number, s.step_number, s.action_type, 'completed', e.started_at,
            e.started_at, '{\"expression\":\"total\"}', '{\"total\":120}', 'bench'
     FROM workflow_executions e JOIN workflow_steps s ON s.workflow_id = e.workflow_id" >/dev/null
sql "UPDATE workflow_executions SET completed_at = started_at + interval '3 ms', execution_data = '{\"step_1\":{}}',
       status = CASE WHEN random() < 0.001 THEN 'failed' ELSE 'completed' END" >/dev/null
sql "VACUUM ANALYZE" >/dev/null
echo "filled in $(( $(date +%s) - t0 )) s; workflow_executions $(sql "select pg_size_pretty(pg_total_relation_size('workflow_executions'))"), step_executions $(sql "select pg_size_pretty(pg_total_relation_size('step_executions'))")"

start_app --workflows.retention.max-per-workflow=$((N / 2))
STARTED=$(date +%s)
printf "history page: %.3f s\n" "$(median_of_5 "localhost:$APP_PORT/api/executions?workflow_id=$ID&limit=50")"
printf "failed executions page: %.3f s\n" "$(median_of_5 "localhost:$APP_PORT/api/executions?workflow_id=$ID&status=failed&limit=50")"
printf "failed executions of every workflow, a page: %.3f s\n" "$(median_of_5 "localhost:$APP_PORT/api/executions?status=failed&limit=50")"
FEWER=$(echo "$WORKFLOW" | python3 -c "import json,sys; w=json.load(sys.stdin); w['steps']=w['steps'][:2]; print(json.dumps(w))")
printf "saving another workflow, which never ran, with one step fewer: %.3f s\n" \
  "$(api -o /dev/null -w '%{time_total}' -X PUT "localhost:$APP_PORT/api/workflows/$QUIET" -d "$FEWER")"
printf "saving the workflow with one step fewer (it has N attempts of that step): %.3f s\n" \
  "$(api -o /dev/null -w '%{time_total}' -X PUT "localhost:$APP_PORT/api/workflows/$ID" -d "$FEWER")"

# retention's first pass starts two minutes after the start
sleep $(( STARTED + 121 - $(date +%s) ))
before=$(sql "select count(*) from workflow_executions")
sleep 30
after=$(sql "select count(*) from workflow_executions")
echo "retention: $(( (before - after) / 30 )) executions pruned per second ($before before, $after after 30 s)"
