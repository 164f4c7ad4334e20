#!/usr/bin/env bash
# Cluster benchmark (docs/cluster.md): up to three packaged platforms on one PostgreSQL server (Debian's PostgreSQL,
# durable: fsync and synchronous commit on), all on loopback. Prints:
#   - throughput of 1 vs 2 vs 3 nodes: the 3-step webhook workflow of bench/run.sh driven by wrk with the same total
#     concurrency spread over the nodes (a round-robin load balancer's share), rows counted after each level;
#   - deploy propagation: deploys on node 1, time until nodes 2 and 3 answer the webhook (p50/p99);
#   - takeover: executions running on node 3 when it gets SIGKILL, time from the kill to the last of them claimed by
#     a live node, and that each was claimed once and completed.
#
# usage: bench/cluster.sh [seconds per level (default 20)] [warm-up seconds per node (default 30)]
# needs: the jar (mvn -DskipTests package), wrk, curl, psql, python3, PostgreSQL's server (initdb, postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-20}
WARMUP=${2:-30}
CONCURRENCY=${BENCH_CONCURRENCY:-18}
PG_PORT=18290
STUB_PORT=18299
TOKEN=bench-token-$(date +%s)
SECRET_KEY=$(head -c 32 /dev/urandom | base64)
DATA=$(mktemp -d /tmp/placemat-cluster-bench-XXXXXX)
JAR=${BENCH_JAR:-app/target/placemat-workflows.jar}
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package"; exit 1; }
for tool in wrk curl python3; do command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 1; }; done
. bench/postgres.sh
declare -A PIDS=()

cleanup() {
  for pid in "${PIDS[@]}" ${STUB_PID:-}; do kill "$pid" 2>/dev/null || true; done
  stop_postgres
  wait 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

start_postgres -c max_connections=200 -c shared_buffers=256MB

java bench/Stub.java "$STUB_PORT" & STUB_PID=$!

port() { echo $((18290 + $1)); }
start_node() {
  local n=$1
  mkdir -p "$DATA/node-$n"
  DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" WORKFLOWS_DATA_DIR="$DATA/node-$n" \
    WORKFLOWS_ADMIN_TOKEN="$TOKEN" WORKFLOWS_SECRET_KEY="$SECRET_KEY" WORKFLOWS_OUTBOUND_ALLOW=127.0.0.1 \
    WORKFLOWS_CLUSTER_NODE_NAME="node-$n" PORT=$(port "$n") \
    java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$JAR" --workflows.limits.rate-per-workflow=1000000 \
    --workflows.limits.max-concurrent-per-workflow=100000 --workflows.retention.max-per-workflow=100000000 \
    >> "$DATA/node-$n.log" 2>&1 & PIDS[$n]=$!
  await_healthy "$(port "$n")" "$DATA/node-$n.log"
}
source bench/api.sh
deploy() {
  local id; id=$(api -X POST "localhost:$(port 1)/api/workflows" -d "$1" | field "['id']")
  api -X POST "localhost:$(port 1)/api/workflows/$id/deploy" | field "['webhook_url']"
}

# wrk on each of the first $1 nodes at once, the total concurrency split between them; prints the summed rate
drive() {
  local nodes=$1 seconds=$2 c=$((CONCURRENCY / $1)) out=()
  for n in $(seq 1 "$nodes"); do
    wrk -t1 -c$c -d${seconds}s --latency -s bench/post.lua "http://127.0.0.1:$(port "$n")$TARGET" \
      > "$DATA/wrk-$n.txt" & out+=($!)
  done
  wait "${out[@]}"
  cat "$DATA"/wrk-[1-$nodes].txt | awk '/Requests\/sec/ {s += $2} /Non-2xx/ {e += $5}
    END {printf "%.0f %d\n", s, e}'
}

echo "== throughput, 1 vs 2 vs 3 nodes (total concurrency $CONCURRENCY, ${SECONDS_PER_LEVEL}s per level, after a ${WARMUP}s warm-up of each new node)"
start_node 1
TARGET=$(deploy "$(sed "s/STUB_PORT/$STUB_PORT/" bench/workflow.json)")
printf "%-6s %10s %12s %12s %10s\n" nodes "exec/s" executions "step rows" "non-2xx"
for nodes in 1 2 3; do
  [ "$nodes" -gt 1 ] && start_node "$nodes"
  wrk -t1 -c4 -d${WARMUP}s -s bench/post.lua "http://127.0.0.1:$(port "$nodes")$TARGET" > /dev/null
  BEFORE_E=$(sql "select count(*) from workflow_executions"); BEFORE_S=$(sql "select count(*) from step_executions")
  read -r RATE ERRORS < <(drive "$nodes" "$SECONDS_PER_LEVEL")
  sleep 2
  printf "%-6s %10s %12s %12s %10s\n" "$nodes" "$RATE" $(( $(sql "select count(*) from workflow_executions") - BEFORE_E )) \
    $(( $(sql "select count(*) from step_executions") - BEFORE_S )) "$ERRORS"
done
echo "executions not completed: $(sql "$NOT_COMPLETED_SQL")"

echo "== deploy propagation: deploy on node 1, until nodes 2 and 3 answer the webhook (20 deploys)"
python3 - "$(port 1)" "$(port 2)" "$(port 3)" "$TOKEN" <<'EOF'
import json, sys, threading, time, urllib.request, urllib.error
node1, others, token = sys.argv[1], sys.argv[2:4], sys.argv[4]
def call(port, path, body, auth=True):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if auth else {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, None
samples = []
for i in range(21):
    _, created = call(node1, "/api/workflows", {"name": f"propagation {i}", "trigger": {"type": "webhook", "config": {}},
                      "steps": [{"action_type": "data.transform", "config": {"expression": "`done`"}}]})
    _, deployed = call(node1, f"/api/workflows/{created['id']}/deploy", None)
    t0 = time.monotonic()
    def probe(port):
        while call(port, deployed["webhook_url"], {}, auth=False)[0] != 202:
            time.sleep(0.002)
        if i > 0:
            samples.append((time.monotonic() - t0) * 1000)
    threads = [threading.Thread(target=probe, args=(p,)) for p in others]
    [t.start() for t in threads]; [t.join() for t in threads]
samples.sort()
pct = lambda p: samples[min(len(samples) - 1, max(0, round(p / 100 * len(samples) + 0.5) - 1))]
print(f"{len(samples)} samples (first deploy not counted): p50 {pct(50):.0f} ms, p99 {pct(99):.0f} ms, max {samples[-1]:.0f} ms")
EOF

echo "== takeover: SIGKILL node 3 while it runs executions (a 4 s wait each, safe to resume)"
SLOW=$(deploy '{"name":"slow","trigger":{"type":"webhook","config":{}},"steps":[{"action_type":"control.wait","config":{"duration_seconds":4}},{"action_type":"data.transform","config":{"expression":"`done`"}}]}')
sleep 1
CURLS=()
for _ in $(seq 1 300); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "localhost:$(port 3)$SLOW" & CURLS+=($!)
done
wait "${CURLS[@]}"
NODE3=$(sql "select id from cluster_nodes where name = 'node-3' and status = 'alive'")
sleep 1
{ kill -9 "${PIDS[3]}"; wait "${PIDS[3]}"; } 2>/dev/null || true; unset 'PIDS[3]'
KILLED=$(sql "select now()")
ORPHAN_IDS=$(sql "select coalesce(string_agg(quote_literal(id::text), ','), '''none''') from workflow_executions
  where owner_node = '$NODE3' and status in ('pending','running')")
ORPHANS=$(sql "select count(*) from workflow_executions where id::text in ($ORPHAN_IDS)")
for _ in $(seq 1 600); do
  [ "$(sql "select count(*) from workflow_executions where owner_node = '$NODE3' and status in ('pending','running')")" = 0 ] && break
  sleep 0.1
done
# a claim's run row is written just after the claim itself
RECOVERED="from execution_runs where execution_id::text in ($ORPHAN_IDS) and reason like 'recovered after%'"
for _ in $(seq 1 100); do [ "$(sql "select count(distinct execution_id) $RECOVERED")" -ge "$ORPHANS" ] && break; sleep 0.1; done
sql "select count(distinct execution_id) || ' executions of node 3 claimed, ' || count(*) || ' claims; last claimed '
  || round(extract(epoch from max(started_at) - '$KILLED'::timestamptz) * 1000) || ' ms after the SIGKILL'
  $RECOVERED"
echo "running on node 3 at the kill: $ORPHANS"
for _ in $(seq 1 300); do
  [ "$(sql "select count(*) from workflow_executions where status in ('pending','running')")" = 0 ] && break; sleep 0.1
done
echo "of them not completed since: $(sql "select count(*) from workflow_executions where id::text in ($ORPHAN_IDS)
  and status <> 'completed'")"
