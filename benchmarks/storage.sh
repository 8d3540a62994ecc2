#!/usr/bin/env bash
# Storage benchmarks on a throw-away PostgreSQL server, in one command:
#   1. pgbench, single-row UPDATE per transaction over grain-like rows (-c 16 -j 2 -T 10 -n -f update.sql)
#   2. our PostgreSQL grain-state writes (16 writers over distinct grains, each write presents its ETag, 10 s)
#   3. group-commit appends with acknowledged durability on PostgreSQL and on SQLite
# and prints the ratio of (2) to (1). Usage: benchmarks/storage.sh   (env: PORT, SECONDS_PER_RUN, CALLERS, ROUNDS)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PORT="${PORT:-55440}"
RUN_SECONDS="${SECONDS_PER_RUN:-10}"
CALLERS="${CALLERS:-512}"
ROUNDS="${ROUNDS:-1}"
WORK="$(mktemp -d /tmp/cb-storage-bench.XXXXXX)"
PGDATA="$WORK/pgdata"
BENCH="$ROOT/benchmarks/CommerceBrain.Benchmarks/bin/Release/net10.0/CommerceBrain.Benchmarks.dll"
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench"

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

cleanup() {
  as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== building benchmarks (Release)"
dotnet build -c Release "$ROOT/benchmarks/CommerceBrain.Benchmarks" -v q -nologo >/dev/null

echo "== starting throw-away PostgreSQL on 127.0.0.1:$PORT ($PGDATA)"
[ "$(id -u)" = "0" ] && chown postgres "$WORK"
as_postgres "'$PGBIN/initdb' -D '$PGDATA' -A trust -U postgres" >/dev/null
as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$WORK/server.log' -w -o \"-p $PORT -k '$WORK' -h 127.0.0.1 -c max_connections=200\" start" >/dev/null
"$PGBIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE bench" postgres

# pgbench's table mirrors grain_state: text key triple, bigint version, 100-byte payload, same fillfactor.
"$PGBIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres bench <<'SQL'
CREATE TABLE pgbench_grain_state (grain_type text NOT NULL, grain_key text NOT NULL, state_name text NOT NULL,
  version bigint NOT NULL, payload bytea, modified_on timestamptz NOT NULL,
  PRIMARY KEY (grain_type, grain_key, state_name)) WITH (fillfactor = 80);
INSERT INTO pgbench_grain_state SELECT 'benchgrain', 'g' || i, 'state', 1, decode(repeat('ab', 100), 'hex'), now()
  FROM generate_series(1, 16000) i;
VACUUM ANALYZE pgbench_grain_state;
SQL
PAYLOAD_HEX="$(printf 'ab%.0s' $(seq 1 100))"
cat > "$WORK/update.sql" <<SQL
\set id random(1, 16000)
UPDATE pgbench_grain_state SET payload = '\\x$PAYLOAD_HEX'::bytea, version = version + 1, modified_on = now() WHERE grain_type = 'benchgrain' AND grain_key = 'g' || :id AND state_name = 'state';
SQL

pgbench_total=0; ours_total=0; inline_total=0
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: pgbench -c 16 -j 2 -T $RUN_SECONDS -n -f update.sql"
  pg_out="$("$PGBIN/pgbench" -h 127.0.0.1 -p "$PORT" -U postgres -c 16 -j 2 -T "$RUN_SECONDS" -n -f "$WORK/update.sql" bench 2>&1)"
  echo "$pg_out" | grep -E 'latency average|^tps'
  tps="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"

  echo "== round $round: CommerceBrain PostgreSQL grain-state writes (16 writers, ETag per write), default .NET runtime settings"
  ours_out="$(cd "$WORK" && dotnet "$BENCH" state-write --provider PostgreSql --connection "$CONN" --writers 16 --grains 1000 --seconds "$RUN_SECONDS")"
  echo "$ours_out"
  ours="$(echo "$ours_out" | sed -n 's/^STATE_WRITES_PER_SEC=//p')"

  # Socket completions run on the epoll thread instead of hopping to the thread pool: about half the client CPU per write.
  echo "== round $round: the same with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1"
  inline_out="$(cd "$WORK" && DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 dotnet "$BENCH" state-write --provider PostgreSql --connection "$CONN" --writers 16 --grains 1000 --seconds "$RUN_SECONDS")"
  echo "$inline_out"
  inline="$(echo "$inline_out" | sed -n 's/^STATE_WRITES_PER_SEC=//p')"

  pgbench_total="$(echo "$pgbench_total + $tps" | bc -l)"
  ours_total="$(echo "$ours_total + $ours" | bc -l)"
  inline_total="$(echo "$inline_total + $inline" | bc -l)"
done
printf '== RESULT grain-state writes (mean of %d rounds): pgbench %.0f TPS; ours %.0f/s (ratio %.2fx); ours with inline socket completions %.0f/s (ratio %.2fx)\n' \
  "$ROUNDS" "$(echo "$pgbench_total / $ROUNDS" | bc -l)" \
  "$(echo "$ours_total / $ROUNDS" | bc -l)" "$(echo "$ours_total / $pgbench_total" | bc -l)" \
  "$(echo "$inline_total / $ROUNDS" | bc -l)" "$(echo "$inline_total / $pgbench_total" | bc -l)"

# Reference only: pgbench with server-side prepared statements, the protocol our provider uses (auto-prepare).
echo "== reference: pgbench -M prepared -c 16 -j 2 -T $RUN_SECONDS -n -f update.sql"
"$PGBIN/pgbench" -h 127.0.0.1 -p "$PORT" -U postgres -M prepared -c 16 -j 2 -T "$RUN_SECONDS" -n -f "$WORK/update.sql" bench 2>&1 | grep -E '^tps'

echo "== reference: CommerceBrain SQLite grain-state writes (16 writers, ETag per write, WAL, synchronous=NORMAL)"
(cd "$WORK" && dotnet "$BENCH" state-write --provider Sqlite --data "$WORK/sqlite-state" --writers 16 --grains 1000 --seconds "$RUN_SECONDS")

echo "== group-commit appends, PostgreSQL ($CALLERS callers, awaited until commit)"
(cd "$WORK" && dotnet "$BENCH" group-commit --provider PostgreSql --connection "$CONN" --callers "$CALLERS" --seconds "$RUN_SECONDS")
echo "== group-commit appends, SQLite ($CALLERS callers, WAL, synchronous=NORMAL)"
(cd "$WORK" && dotnet "$BENCH" group-commit --provider Sqlite --data "$WORK/sqlite" --callers "$CALLERS" --seconds "$RUN_SECONDS")
