# The platform's REST API, health and embedded database for the benchmark scripts. Sourced; api needs TOKEN (the admin
# token the script starts the platform with), platform_sql needs DATA (the platform's data directory).
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
# await_healthy PORT LOG: waits up to 3 minutes for the platform on PORT to answer healthy; else shows LOG's end, exits
await_healthy() {
  for _ in $(seq 1 1800); do curl -sf "localhost:$1/actuator/health" >/dev/null && return; sleep 0.1; done
  echo "the platform on port $1 did not start"; tail -50 "$2"; exit 1
}
# warm_up URL SECONDS: the JIT compiles for the load it has seen, so the warm-up passes through every level the scripts
# measure: 10 s at concurrency 1, 10 s at 32, the rest at 8. After a warm-up at 8 alone, the first seconds at 1
# measured the JIT's recompilation (bench/README.md, eighteenth session).
warm_up() {
  wrk -t1 -c1 -d10s -s bench/post.lua "$1" > /dev/null
  wrk -t2 -c32 -d10s -s bench/post.lua "$1" > /dev/null
  wrk -t2 -c8 -d$(( $2 > 30 ? $2 - 20 : 10 ))s -s bench/post.lua "$1" > /dev/null
}
# field "['id']": a field of the JSON on standard input
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# a query on the embedded database as the platform's own role, with the password it generated (ADR 0071)
platform_sql() {
  PGPASSWORD="$(cat "$DATA/database.password")" psql -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" \
    -U placemat -d postgres -tAc "$1"
}
# the executions that did not complete, by status, with one of each status's errors
NOT_COMPLETED_SQL="select coalesce(sum(n), 0) || coalesce(': ' || string_agg(n || ' ' || status
  || coalesce(' (' || error || ')', ''), '; '), '') from (select status, count(*) n, left(min(error_message), 100) error
  from workflow_executions where status <> 'completed' group by status) s"
