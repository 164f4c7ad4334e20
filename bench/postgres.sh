# Debian's PostgreSQL server for the benchmarks that run the platform on a server of its own (cluster.sh,
# db-scale.sh), durable (fsync and synchronous commit on), on loopback, in "$DATA/pg". Sourced; needs DATA and PG_PORT.
# PG_BIN (default: where `postgres` is, or Debian's 15) points at another installation.
PG_BIN=${PG_BIN:-$(dirname "$(readlink -f "$(command -v postgres || echo /usr/lib/postgresql/15/bin/postgres)")")}
for tool in psql "$PG_BIN/initdb" "$PG_BIN/postgres" "$PG_BIN/pg_ctl"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool"; exit 1; }
done

# PostgreSQL refuses to run as root: as root, it runs as the postgres user
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "$1"; }

# start_postgres [-c setting=value ...]: a new cluster in "$DATA/pg", up when this returns; sets PG_PID
start_postgres() {
  mkdir -p "$DATA/pg"; [ "$(id -u)" = 0 ] && chown postgres "$DATA" "$DATA/pg"
  as_pg "$PG_BIN/initdb" -D "$DATA/pg" -U postgres -A trust >/dev/null
  as_pg "$PG_BIN/postgres" -D "$DATA/pg" -p "$PG_PORT" -k "$DATA" -c listen_addresses=127.0.0.1 -c fsync=on \
    -c synchronous_commit=on -c max_wal_size=4GB "$@" > "$DATA/postgres.log" 2>&1 & PG_PID=$!
  for _ in $(seq 1 300); do sql "select 1" >/dev/null 2>&1 && break; sleep 0.1; done
  sql "select 1" >/dev/null || { echo "PostgreSQL did not start"; cat "$DATA/postgres.log"; exit 1; }
}

stop_postgres() {
  if [ -n "${PG_PID:-}" ]; then as_pg "$PG_BIN/pg_ctl" stop -D "$DATA/pg" -m fast >/dev/null 2>&1 || true; fi
}
