#!/usr/bin/env bash
# Storage benchmarks in one command, on a throw-away PostgreSQL server this script starts:
#   1. state-writes on PostgreSQL: durable grain-state writes/s through a real Orleans silo (grain with
#      [PersistentState], Orleans' ADO.NET provider on our schema), 16 concurrent callers over 16,000 grains;
#   2. pgbench single-row UPDATE on the same server, same client count (-c 16 -j 2), over a copy of the rows (1)
#      wrote (same row count, same payload bytes, same fillfactor), and the ratio (1)/(2);
#      both with the CPU spent per write by the server (postmaster accounting) and by the client (silo or pgbench);
#   3. state-writes on SQLite (our provider) with synchronous=FULL (the default) and NORMAL;
#   4. group-commit appends (acknowledged after commit) on PostgreSQL, and on SQLite with FULL and NORMAL.
# Usage: benchmarks/storage.sh   (env: PORT, SECONDS_PER_RUN, ROUNDS, CALLERS, SKIP_SQLITE=1, SKIP_GROUP_COMMIT=1)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PORT="${PORT:-55440}"
RUN_SECONDS="${SECONDS_PER_RUN:-10}"
ROUNDS="${ROUNDS:-3}"
CALLERS="${CALLERS:-512}"
CLIENTS=16
GRAINS=16000
WORK="$(mktemp -d /tmp/cb-storage-bench.XXXXXX)"
PGDATA="$WORK/pgdata"
BENCH="$ROOT/benchmarks/CommerceBrain.Benchmarks/bin/Release/net10.0/CommerceBrain.Benchmarks.dll"
CONN="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench"
PSQL=("$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres)

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

cleanup() {
  as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# CPU seconds (user+system) the server has used: the postmaster's reaped children plus its live ones.
server_cpu() {
  local pm ticks
  pm="$(head -1 "$PGDATA/postmaster.pid")"
  ticks="$(awk '{print $14+$15+$16+$17}' "/proc/$pm/stat")"
  for child in $(pgrep -P "$pm"); do
    ticks=$((ticks + $(awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "scale=6; $ticks / $(getconf CLK_TCK)" | bc -l
}

echo "== machine: nproc=$(nproc), $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== building benchmarks (Release)"
dotnet build -c Release "$ROOT/benchmarks/CommerceBrain.Benchmarks" -v q -nologo >/dev/null

echo "== starting throw-away PostgreSQL on 127.0.0.1:$PORT ($PGDATA), default settings, max_connections=200"
[ "$(id -u)" = "0" ] && chown postgres "$WORK"
as_postgres "'$PGBIN/initdb' -D '$PGDATA' -A trust -U postgres" >/dev/null
as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$WORK/server.log' -w -o \"-p $PORT -k '$WORK' -h 127.0.0.1 -c max_connections=200\" start" >/dev/null
"${PSQL[@]}" -c "CREATE DATABASE bench" postgres
echo "   $("${PSQL[@]}" -Atc "SELECT version()" postgres | cut -d, -f1); synchronous_commit=$("${PSQL[@]}" -Atc "SHOW synchronous_commit" postgres), fsync=$("${PSQL[@]}" -Atc "SHOW fsync" postgres)"

postmaster_pid() { head -1 "$PGDATA/postmaster.pid"; }

# Prints "<writes/s> <server CPU us/write> <silo CPU us/write>"; the benchmark's own lines go to stderr.
state_writes_pg() {
  local out
  out="$(cd "$WORK" && dotnet "$BENCH" state-writes --provider PostgreSql --connection "$CONN" \
    --concurrency "$CLIENTS" --grains "$GRAINS" --seconds "$RUN_SECONDS" --server-pid "$(postmaster_pid)" "$@")"
  echo "$out" >&2
  echo "$(echo "$out" | sed -n 's/^STATE_WRITES_PER_SEC=//p')" \
    "$(echo "$out" | sed -n 's/.*server_cpu_per_write_us=\([0-9]*\).*/\1/p')" \
    "$(echo "$out" | sed -n 's/.*silo_cpu_per_write_us=\([0-9]*\).*/\1/p')"
}

# Prints "<TPS> <server CPU us/txn> <pgbench CPU us/txn>" for the single-row UPDATE.
pgbench_update() {
  local before after out tps txns
  before="$(server_cpu)"
  out="$(/usr/bin/time -f 'PGBENCH_CPU %U %S' "$PGBIN/pgbench" -h 127.0.0.1 -p "$PORT" -U postgres -c "$CLIENTS" -j 2 \
    -T "$RUN_SECONDS" -n -f "$WORK/update.sql" bench 2>&1)"
  after="$(server_cpu)"
  echo "$out" | grep -E 'latency average|^tps' >&2
  tps="$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"
  txns="$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')"
  echo "$tps" "$(echo "($after - $before) * 1000000 / $txns" | bc -l)" \
    "$(echo "$out" | awk -v n="$txns" '/^PGBENCH_CPU/{printf "%.1f", ($2 + $3) * 1000000 / n}')"
}

# A first state-writes run creates the schema and 16,000 grain rows; pgbench then updates a copy of those rows.
echo "== preparing: one state-writes run (its figure is not counted)"
state_writes_pg >/dev/null
"${PSQL[@]}" bench <<'SQL'
CREATE TABLE pgbench_orleansstorage WITH (fillfactor = 80) AS
  SELECT row_number() OVER () AS id, s.* FROM orleansstorage s WHERE graintypestring = 'bench' LIMIT 16000;
ALTER TABLE pgbench_orleansstorage ADD PRIMARY KEY (id);
VACUUM ANALYZE pgbench_orleansstorage;
SQL
PAYLOAD_BYTES="$("${PSQL[@]}" -Atc "SELECT round(avg(length(payloadbinary)))::int FROM pgbench_orleansstorage" bench)"
PAYLOAD_HEX="$(head -c "$PAYLOAD_BYTES" /dev/urandom | od -An -v -tx1 | tr -d ' \n')"
cat > "$WORK/update.sql" <<SQL
\set id random(1, $GRAINS)
UPDATE pgbench_orleansstorage SET payloadbinary = '\\x$PAYLOAD_HEX'::bytea, version = version + 1, modifiedon = now() WHERE id = :id;
SQL
echo "   stored payload: $PAYLOAD_BYTES bytes per state (Orleans' default JSON grain-storage serializer, 100-byte array inside)"

ours_total=0; pgbench_total=0; ours_server=0; ours_silo=0; pg_server=0; pg_client=0
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS: pgbench -c $CLIENTS -j 2 -T $RUN_SECONDS -n -f update.sql (single-row UPDATE, random row of $GRAINS)"
  read -r tps tps_server tps_client < <(pgbench_update)
  echo "== round $round/$ROUNDS: state-writes --provider PostgreSql --concurrency $CLIENTS --grains $GRAINS --seconds $RUN_SECONDS"
  read -r ours server silo < <(state_writes_pg)
  printf '   pgbench %.0f TPS (CPU per txn: server %.0f us, pgbench %.0f us); ours %.0f writes/s (CPU per write: server %.0f us, silo %.0f us)\n' \
    "$tps" "$tps_server" "$tps_client" "$ours" "$server" "$silo"
  pgbench_total="$(echo "$pgbench_total + $tps" | bc -l)"; ours_total="$(echo "$ours_total + $ours" | bc -l)"
  pg_server="$(echo "$pg_server + $tps_server" | bc -l)"; pg_client="$(echo "$pg_client + $tps_client" | bc -l)"
  ours_server="$(echo "$ours_server + $server" | bc -l)"; ours_silo="$(echo "$ours_silo + $silo" | bc -l)"
done
printf '== RESULT state-writes PostgreSQL, mean of %d rounds: ours %.0f writes/s, pgbench %.0f TPS, ratio %.2fx\n' \
  "$ROUNDS" "$(echo "$ours_total / $ROUNDS" | bc -l)" "$(echo "$pgbench_total / $ROUNDS" | bc -l)" "$(echo "$ours_total / $pgbench_total" | bc -l)"
printf '== RESULT CPU per write (us): ours server %.0f + silo %.0f; pgbench server %.0f + client %.0f\n' \
  "$(echo "$ours_server / $ROUNDS" | bc -l)" "$(echo "$ours_silo / $ROUNDS" | bc -l)" "$(echo "$pg_server / $ROUNDS" | bc -l)" "$(echo "$pg_client / $ROUNDS" | bc -l)"

echo "== diagnosis: the same writes calling the silo's IGrainStorage directly (no grain call)"
state_writes_pg --mode storage >/dev/null

# Why the write query is one SQL statement: the same run with WriteToStorageKey calling a PL/pgSQL function shaped like
# upstream's writetostorage (UPDATE ... version check, else INSERT ... WHERE NOT EXISTS). Restored afterwards.
echo "== diagnosis: WriteToStorageKey as a PL/pgSQL function call (upstream's shape) instead of our single statement"
"${PSQL[@]}" bench <<'SQL'
CREATE TABLE bench_saved_query AS SELECT * FROM orleansquery WHERE querykey = 'WriteToStorageKey';
CREATE FUNCTION bench_writetostorage(_h integer, _n0 bigint, _n1 bigint, _th integer, _ts varchar, _ext varchar,
                                     _sid varchar, _v integer, _p bytea)
RETURNS TABLE(newgrainstateversion integer) LANGUAGE plpgsql AS $f$
DECLARE
    _new integer := _v;
    _rows integer := 0;
BEGIN
    IF _v IS NOT NULL THEN
        UPDATE orleansstorage SET payloadbinary = _p, modifiedon = now(), version = version + 1
        WHERE grainidhash = _h AND graintypehash = _th AND grainidn0 = _n0 AND grainidn1 = _n1
          AND serviceid = _sid AND graintypestring = _ts AND grainidextensionstring IS NOT DISTINCT FROM _ext
          AND version = _v;
        GET DIAGNOSTICS _rows = ROW_COUNT;
        IF _rows > 0 THEN _new := _v + 1; END IF;
    ELSE
        INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                    grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        SELECT _h, _n0, _n1, _th, _ts, _ext, _sid, _p, now(), 1
        WHERE NOT EXISTS (SELECT 1 FROM orleansstorage
                          WHERE grainidhash = _h AND graintypehash = _th AND grainidn0 = _n0 AND grainidn1 = _n1
                            AND serviceid = _sid AND graintypestring = _ts
                            AND grainidextensionstring IS NOT DISTINCT FROM _ext);
        GET DIAGNOSTICS _rows = ROW_COUNT;
        IF _rows > 0 THEN _new := 1; END IF;
    END IF;
    RETURN QUERY SELECT _new;
END
$f$;
UPDATE orleansquery SET querytext = 'SELECT * FROM bench_writetostorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
    @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)'
WHERE querykey = 'WriteToStorageKey';
SQL
state_writes_pg >/dev/null
"${PSQL[@]}" -c "UPDATE orleansquery q SET querytext = s.querytext FROM bench_saved_query s WHERE q.querykey = s.querykey" bench

if [ "${SKIP_SQLITE:-0}" != "1" ]; then
  for sync in Full Normal; do
    echo "== state-writes --provider Sqlite --synchronous $sync --concurrency $CLIENTS --grains $GRAINS --seconds $RUN_SECONDS (file under $WORK)"
    (cd "$WORK" && dotnet "$BENCH" state-writes --provider Sqlite --synchronous "$sync" --data "$WORK/sqlite-state-$sync" \
      --concurrency "$CLIENTS" --grains "$GRAINS" --seconds "$RUN_SECONDS")
  done
fi

if [ "${SKIP_GROUP_COMMIT:-0}" != "1" ]; then
  echo "== group-commit --provider PostgreSql --callers $CALLERS --seconds $RUN_SECONDS"
  (cd "$WORK" && dotnet "$BENCH" group-commit --provider PostgreSql --connection "$CONN" --callers "$CALLERS" --seconds "$RUN_SECONDS")
  if [ "${SKIP_SQLITE:-0}" != "1" ]; then
    for sync in Full Normal; do
      echo "== group-commit --provider Sqlite --synchronous $sync --callers $CALLERS --seconds $RUN_SECONDS"
      (cd "$WORK" && dotnet "$BENCH" group-commit --provider Sqlite --synchronous "$sync" --data "$WORK/sqlite-gc-$sync" \
        --callers "$CALLERS" --seconds "$RUN_SECONDS")
    done
  fi
fi
