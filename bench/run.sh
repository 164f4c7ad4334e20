#!/usr/bin/env bash
# Benchmark: the packaged platform on its embedded PostgreSQL (durable: fsync and synchronous commit on): time from
# `java -jar` to healthy (a new data directory, then the same one again, then through ./placemat with its class
# archive); a 3-step webhook workflow
# (data.transform, control.condition, http.request to a local stub) driven by wrk at concurrency 1, 8 and 32 with
# the 202 after the execution row commits, and at 32 with `response_mode: sync` (the answer after the last step);
# then deploy time and heap with many deployed workflows.
#
# usage: bench/run.sh [seconds per level (default 20)] [warm-up seconds (default 60)]
#        BENCH_SKIP_LOAD=1 for the deploy figures only; BENCH_MAX_WORKFLOWS (default 10000) for the last of them;
#        BENCH_JAR to measure another build of the jar; BENCH_JAVA_OPTS for JVM options;
#        BENCH_PROFILE=1 profiles the c=32 level with async-profiler (its Maven artifact, tools.profiler:async-profiler,
#        loaded into the JVM of the load levels with the code cache left at the JVM's default) and prints where the
#        CPU went by thread, layer and method (bench/profile_split.py), keeping the samples (collapsed stacks) in
#        /tmp/placemat-c32.collapsed; without it, the CPU by process and JVM thread
#        at c=32 is always printed, read from /proc (bench/cpu_split.py)
# needs: the jar (mvn -DskipTests package), wrk, curl, psql, jcmd (apt-get install wrk postgresql-client)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LEVEL=${1:-20}
WARMUP=${2:-60}
APP_PORT=18181
STUB_PORT=18182
TOKEN=bench-token-$(date +%s)
DATA=$(mktemp -d /tmp/placemat-bench-XXXXXX)
JAR=${BENCH_JAR:-app/target/placemat-workflows.jar}
# the JVM options of the README's run command (the deploy figures up to 10,000 workflows raise -Xmx, see below)
JAVA_OPTS="-XX:+UseSerialGC -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m"
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package"; exit 1; }
for tool in wrk curl psql jcmd python3; do command -v $tool >/dev/null || { echo "missing: $tool"; exit 1; }; done

cleanup() { kill "$APP_PID" "$STUB_PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
source bench/api.sh

java bench/Stub.java "$STUB_PORT" & STUB_PID=$!
# One workflow takes the whole load here: its per-workflow rate limit (default 1000/s) and retention (default 10,000
# executions kept) are raised so that neither caps nor prunes the run. Everything else runs on its defaults.
# start_app [launcher]: the jar with the JVM options, or the launcher given (./placemat)
start_app() {
  local t0 launch=${1:-java ${BENCH_JAVA_OPTS:-$JAVA_OPTS} -jar $JAR}; t0=$(date +%s.%N)
  WORKFLOWS_DATA_DIR="$DATA" WORKFLOWS_ADMIN_TOKEN="$TOKEN" WORKFLOWS_OUTBOUND_ALLOW=127.0.0.1 PORT=$APP_PORT \
    PLACEMAT_JAR="$JAR" PLACEMAT_CDS_DIR="$DATA/cds" $launch --workflows.limits.rate-per-workflow=1000000 \
    --workflows.limits.max-concurrent-per-workflow=100000 --workflows.retention.max-per-workflow=100000000 \
    >> "$DATA/app.log" 2>&1 & APP_PID=$!
  await_healthy "$APP_PORT" "$DATA/app.log"
  STARTED_IN=$(echo "$(date +%s.%N) - $t0" | bc)
}
echo "== start to healthy"
start_app
printf "new data directory: %.1f s\n" "$STARTED_IN"
kill "$APP_PID"; wait "$APP_PID" || true
start_app
printf "existing data directory: %.1f s\n" "$STARTED_IN"
kill "$APP_PID"; wait "$APP_PID" || true
start_app ./placemat
printf "existing data directory, ./placemat recording its class archive first: %.1f s\n" "$STARTED_IN"
kill "$APP_PID"; wait "$APP_PID" || true
start_app ./placemat
printf "existing data directory, ./placemat from its class archive: %.1f s\n" "$STARTED_IN"
kill "$APP_PID"; wait "$APP_PID" || true
LOAD_OPTS=${BENCH_JAVA_OPTS:-$JAVA_OPTS}
if [ -n "${BENCH_PROFILE:-}" ]; then
  # the agent needs more code cache than the README's 64 MB: with the cap, c=32 ran at 782/s against 1,210/s without
  mvn -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 -DoutputDirectory="$DATA"
  unzip -q -j "$DATA/async-profiler-3.0.jar" "linux-$([ "$(uname -m)" = aarch64 ] && echo arm64 || echo x64)/libasyncProfiler.so" -d "$DATA"
  PROFILER="$DATA/libasyncProfiler.so"
  LOAD_OPTS="-agentpath:$PROFILER ${LOAD_OPTS/ -XX:ReservedCodeCacheSize=64m/}"
fi
start_app "java $LOAD_OPTS -jar $JAR"

WORKFLOW=$(sed "s/STUB_PORT/$STUB_PORT/" bench/workflow.json)
deploy() {
  local id; id=$(api -X POST localhost:$APP_PORT/api/workflows -d "$1" | field "['id']")
  echo "http://127.0.0.1:$APP_PORT$(api -X POST localhost:$APP_PORT/api/workflows/$id/deploy | field "['webhook_url']")"
}
TARGET=$(deploy "$WORKFLOW")
SYNC_TARGET=$(deploy "$(echo "$WORKFLOW" | python3 -c "import json,sys; w=json.load(sys.stdin); \
  w['name']+=' (sync)'; w['trigger']['config']['response_mode']='sync'; print(json.dumps(w))")")

if [ -z "${BENCH_SKIP_LOAD:-}" ]; then
echo "== warm-up ${WARMUP}s (10 s at concurrency 1, 10 s at 32, the rest at 8)"
warm_up "$TARGET" "$WARMUP"

echo "== throughput (${SECONDS_PER_LEVEL}s per level; every execution and step row written durably)"
printf "%-12s %12s %10s %10s %12s %12s\n" concurrency "exec/s" "p50 ms" "p99 ms" "executions" "step rows"
for level in 1 8 32 sync-32; do
  c=${level#sync-}
  URL_NOW=$TARGET; [ "$level" = "$c" ] || URL_NOW=$SYNC_TARGET
  BEFORE_E=$(platform_sql "select count(*) from workflow_executions")
  BEFORE_S=$(platform_sql "select count(*) from step_executions")
  if [ "$level" = 32 ]; then
    python3 bench/cpu_split.py snap "$APP_PID" "$STUB_PID" > "$DATA/cpu-before.json"
    if [ -n "${BENCH_PROFILE:-}" ]; then
      jcmd $APP_PID JVMTI.agent_load "$PROFILER" '"start,event=itimer,interval=2ms,threads"' >/dev/null
    fi
  fi
  OUT=$(wrk -t$(( c < 2 ? 1 : 2 )) -c$c -d${SECONDS_PER_LEVEL}s --latency -s bench/post.lua "$URL_NOW")
  if [ "$level" = 32 ]; then
    python3 bench/cpu_split.py snap "$APP_PID" "$STUB_PID" > "$DATA/cpu-after.json"
    if [ -n "${BENCH_PROFILE:-}" ]; then
      jcmd $APP_PID JVMTI.agent_load "$PROFILER" "\"stop,file=$DATA/load.collapsed,collapsed\"" >/dev/null
    fi
  fi
  RATE=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')
  P50=$(echo "$OUT" | awk '$1=="50%" {print $2}')
  P99=$(echo "$OUT" | awk '$1=="99%" {print $2}')
  NON2XX=$(echo "$OUT" | awk '/Non-2xx/ {print $5}')
  sleep 2
  E=$(( $(platform_sql "select count(*) from workflow_executions") - BEFORE_E ))
  S=$(( $(platform_sql "select count(*) from step_executions") - BEFORE_S ))
  printf "%-12s %12s %10s %10s %12s %12s %s\n" "$level" "$RATE" "$P50" "$P99" "$E" "$S" "${NON2XX:+non-2xx: $NON2XX}"
  if [ "$level" = 32 ]; then C32_EXECUTIONS=$E; fi
done
echo "== where the CPU went at c=32 (/proc; two cores give $((2 * SECONDS_PER_LEVEL)) s in all)"
python3 bench/cpu_split.py diff "$DATA/cpu-before.json" "$DATA/cpu-after.json" "$C32_EXECUTIONS"
echo "executions not completed: $(platform_sql "$NOT_COMPLETED_SQL")"
echo "peak RSS of the JVM: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$APP_PID/status)"
if [ -n "${BENCH_PROFILE:-}" ]; then
  echo "== where the CPU went at c=32 (async-profiler)"; python3 bench/profile_split.py "$DATA/load.collapsed"
  cp "$DATA/load.collapsed" /tmp/placemat-c32.collapsed && echo "samples kept in /tmp/placemat-c32.collapsed"
fi
fi

# thousands of deployed workflows need more heap than the README's -Xmx256m (about 100 KB each): restart with 1 GB
kill "$APP_PID"; wait "$APP_PID" || true
JAVA_OPTS=${JAVA_OPTS/-Xmx256m/-Xmx1g}
start_app
echo "== deploy time and heap by number of deployed workflows (-Xmx1g)"
printf "%-10s %16s %18s\n" workflows "median deploy ms" "heap used MB"
DEPLOYED=2
MAX=${BENCH_MAX_WORKFLOWS:-10000}
for target in 100 1000 5000 10000; do
  [ "$target" -gt "$MAX" ] && break
  TIMES=()
  while [ $DEPLOYED -lt $target ]; do
    NEW=$(api -X POST localhost:$APP_PORT/api/workflows -d "$WORKFLOW" | grep -o '^{"id":"[^"]*"' | cut -d'"' -f4)
    T=$(api -o /dev/null -w '%{time_total}' -X POST localhost:$APP_PORT/api/workflows/$NEW/deploy)
    TIMES+=("$T")
    DEPLOYED=$((DEPLOYED + 1))
  done
  MEDIAN=$(printf "%s\n" "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
  jcmd $APP_PID GC.run >/dev/null
  HEAP=$(jcmd $APP_PID GC.heap_info | awk '/total .*used/ && !/Metaspace|class space/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub("[K,]", "", v); sum += v } }
    END {printf "%.0f", sum / 1024}')
  printf "%-10s %16s %18s\n" "$target" "$MEDIAN" "$HEAP"
done
