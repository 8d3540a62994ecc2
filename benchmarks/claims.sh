#!/usr/bin/env bash
# Coupon claim storm over HTTP in one command, on SQLite (default storage) and on a throw-away PostgreSQL server, with
# the classic flash-sale baseline (redis-server + redis-benchmark running a Lua check-and-decrement) in the same run.
#   - a fresh silo (Development for demo tokens, but the Orleans Dashboard off as in production; demo data seeded) on 127.0.0.1; CUSTOMERS customer tokens and an admin
#     token (benchmarks/claims/mint_tokens.py);
#   - throughput: a campaign with a budget no storm can exhaust; wrk (closed loop) sends POST /api/campaigns/{id}/claims,
#     each with a fresh Idempotency-Key, round robin over the customers (benchmarks/claims/claims.lua counts answers by
#     status); durable claims/s = coupons granted (201, each acknowledged only after its ledger row committed) per second;
#   - exhaustion: a campaign whose budget is a fraction of the demand, stormed until it is gone; then the campaign's
#     stats and the grant ledger itself (coupon_grants) are checked: granted amount <= budget, no coupon id twice;
#   - Redis: redis-server (AOF, appendfsync everysec: the usual flash-sale setup, and always: every decrement on disk)
#     with redis-benchmark EVALSHA of benchmarks/claims/flash_sale.lua, same client count.
# Usage: benchmarks/claims.sh   (env: STORAGES="Sqlite PostgreSql" CUSTOMERS=2000 SHARDS=8 WRK_THREADS=2
#                                 WRK_CONNECTIONS=64 WRK_SECONDS=20 WARMUP_SECONDS=8 NO_BUILD=1 PGBIN=...)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benchmarks/lib.sh
source "$root/benchmarks/lib.sh"
customers=${CUSTOMERS:-2000}
shards=${SHARDS:-8}
wrk_threads=${WRK_THREADS:-2}
wrk_connections=${WRK_CONNECTIONS:-64}
wrk_seconds=${WRK_SECONDS:-20}
warmup_seconds=${WARMUP_SECONDS:-8}
storages=${STORAGES:-Sqlite PostgreSql}
pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
silo_dll=$root/src/CommerceBrain.Silo/bin/Release/net10.0/commercebrain.dll
lua=$root/benchmarks/claims/claims.lua

work=$(mktemp -d "${TMPDIR:-/tmp}/cb-claims.XXXXXX")
silo_pid=
pgdata=
redis_port=
cleanup() {
    stop_redis
    stop_silo_and_postgres
}
trap cleanup EXIT

need dotnet "install the .NET 10 SDK"
need wrk "install it (Debian: apt-get install wrk)"
need curl "install curl"
need python3 "install python3"
need redis-cli "install redis-tools"
need redis-server "install it (Debian: apt-get install redis-server; stop the system service it starts)"
need redis-benchmark "install redis-tools"

cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
machine_header
echo "dotnet: $(dotnet --version), wrk: $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2), $(redis-server --version | cut -d ' ' -f 1-3)"

build_release src/CommerceBrain.Silo

# Runs wrk with claims.lua; prints "<requests/s> <p99 ms> <granted201> <repeated200> <denied409> <overloaded429> <other4xx> <5xx>".
wrk_claims() {
    local out=$work/wrk-$RANDOM.txt
    wrk "$@" > "$out" 2>&1 || { cat "$out" >&2; echo "claims.sh: wrk failed" >&2; return 1; }
    sed 's/^/    /' "$out" >&2
    if grep -q 'Socket errors' "$out"; then
        echo "claims.sh: wrk saw socket errors (above)." >&2
        return 1
    fi
    local rate p99 status
    rate=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p99=$(wrk_p99_ms "$out")
    status=$(sed -n 's/^STATUS //p' "$out" | sed 's/[a-z0-9]*=//g')
    echo "$rate ${p99:-0} $status"
}

api() {   # api METHOD PATH TOKEN [BODY]
    curl -s -X "$1" "$url$2" -H "authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}
}

create_campaign() {   # create_campaign NAME BUDGET -> campaign id
    local now body
    now=$(date -u '+%Y-%m-%dT%H:%M:%SZ')
    body=$(printf '{"name":"%s","budget":%s,"tiers":[{"faceValue":500,"minSpend":0}],"perUserLimit":1000000,"startsAt":"%s","endsAt":"%s","shards":%s}' \
        "$1" "$2" "$(date -u -d '-1 minute' '+%Y-%m-%dT%H:%M:%SZ')" "$(date -u -d '+1 day' '+%Y-%m-%dT%H:%M:%SZ')" "$shards")
    api POST /api/campaigns "$admin" "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

stats() {   # stats ID -> "grantedCount grantedAmount remaining"
    api GET "/api/campaigns/$1" "$admin" | python3 -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["grantedCount"], s["grantedAmount"], s["remaining"])'
}

# Ledger check straight from the database: "<rows> <distinct coupon ids> <sum of values>".
ledger() {
    if [[ $storage == PostgreSql ]]; then
        "$pgbin/psql" -X -A -t -F ' ' -h 127.0.0.1 -p "$pg_port" -U postgres claims \
            -c "SELECT count(*), count(DISTINCT coupon_id), coalesce(sum(value), 0) FROM coupon_grants WHERE campaign_id = '$1'"
    else
        python3 -c 'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); print(*db.execute("SELECT count(*), count(DISTINCT coupon_id), coalesce(sum(value),0) FROM coupon_grants WHERE campaign_id = ?", (sys.argv[2],)).fetchone())' \
            "$work/data-$storage/commercebrain.db" "$1"
    fi
}

declare -A results
for storage in $storages; do
    http_port=$(free_port)
    silo_port=$(free_port)
    url=http://127.0.0.1:$http_port
    args=(serve --environment Development --urls "$url" --data-dir "$work/data-$storage" --silo-port "$silo_port")
    if [[ $storage == PostgreSql ]]; then
        pg_port=$(free_port)
        start_postgres "$pg_port" claims
        args+=(--storage PostgreSql --connection-string "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=claims")
    fi
    echo
    echo "== $storage: dotnet commercebrain.dll ${args[*]}"
    CommerceBrain__RateLimits__PermitsPerSecond=1000000 CommerceBrain__RateLimits__Burst=1000000 CommerceBrain__Dashboard__Enabled=false \
        dotnet "$silo_dll" "${args[@]}" > "$work/silo-$storage.log" 2>&1 &
    silo_pid=$!
    wait_ready "$url" "$silo_pid" "$work/silo-$storage.log"
    admin=$(python3 "$root/benchmarks/claims/mint_tokens.py" "$url" "$customers" "$work/tokens.txt")

    echo "-- throughput: a campaign with a budget the storm cannot exhaust ($shards shards)"
    big=$(create_campaign "storm-$storage" 1000000000000)
    wrk_claims -t "$wrk_threads" -c "$wrk_connections" -d "${warmup_seconds}s" -s "$lua" "$url" -- "$big" "$work/tokens.txt" "$wrk_threads" warmup > /dev/null
    read -r granted_before _ _ < <(stats "$big")
    started=$(date +%s.%N)
    read -r rate p99 g201 r200 d409 o429 x4xx s5xx < <(wrk_claims -t "$wrk_threads" -c "$wrk_connections" -d "${wrk_seconds}s" --latency -s "$lua" "$url" -- "$big" "$work/tokens.txt" "$wrk_threads" storm)
    read -r granted_after _ _ < <(stats "$big")
    durable=$(awk -v g="$((granted_after - granted_before))" -v s="$wrk_seconds" 'BEGIN { printf "%.0f", g / s }')
    echo "   answers: 201 $g201, 200 $r200, 409 $d409, 429 $o429, other 4xx $x4xx, 5xx $s5xx; granted by the campaign's stats: $((granted_after - granted_before))"

    echo "-- exhaustion: budget for 50,000 coupons of 500, stormed for 10 s"
    small=$(create_campaign "drain-$storage" 25000000)
    read -r _ _ xg201 _ xd409 xo429 xx4xx xs5xx < <(wrk_claims -t "$wrk_threads" -c "$wrk_connections" -d 10s -s "$lua" "$url" -- "$small" "$work/tokens.txt" "$wrk_threads" drain)
    read -r count amount remaining < <(stats "$small")
    read -r rows distinct sum < <(ledger "$small")
    overspend=$(( sum > 25000000 ? sum - 25000000 : 0 ))
    duplicates=$(( rows - distinct ))
    echo "   answers: 201 $xg201, 409 $xd409, 429 $xo429, other 4xx $xx4xx, 5xx $xs5xx; stats: granted $count ($amount), remaining $remaining; ledger: $rows rows, $distinct coupon ids, sum $sum"
    results[$storage]="$durable $rate $p99 $o429 $((s5xx + xs5xx)) $overspend $duplicates $xg201 $count $rows"

    kill "$silo_pid"
    wait "$silo_pid" 2>/dev/null || true
    silo_pid=
    if [[ -n $pgdata ]]; then
        as_postgres "'$pgbin/pg_ctl' -D '$pgdata' -m fast stop" >/dev/null 2>&1 || true
        pgdata=
    fi
done

echo
echo "== Redis baseline: EVALSHA flash_sale.lua (check-and-decrement), redis-benchmark -c $wrk_connections --threads $wrk_threads"
start_redis "$work/redis"
redis_everysec=$(redis_flash_sale_rate "$wrk_connections" "$wrk_threads" 1000000)
redis-cli -p "$redis_port" CONFIG SET appendfsync always >/dev/null
redis_always=$(redis_flash_sale_rate "$wrk_connections" "$wrk_threads" 200000)
echo "   appendfsync everysec: $redis_everysec decrements/s; appendfsync always: $redis_always decrements/s"

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M:%S UTC'); ${cpu_model:-unknown CPU}, nproc $(nproc); load average now $(cut -d ' ' -f 1-3 /proc/loadavg))"
echo "wrk -t $wrk_threads -c $wrk_connections -d ${wrk_seconds}s (closed loop), $customers customers, $shards shards per campaign"
for storage in $storages; do
    read -r durable rate p99 o429 s5xx overspend duplicates xg201 count rows <<< "${results[$storage]}"
    printf 'RESULT %-10s durable claims %7s/s (requests %s/s, p99 %s ms, 429 %s) | 5xx %s | exhaustion: overspend %s, duplicate coupons %s, acknowledged %s, granted %s, ledger rows %s | vs Redis everysec %.2f, always %.2f\n' \
        "$storage" "$durable" "$rate" "$p99" "$o429" "$s5xx" "$overspend" "$duplicates" "$xg201" "$count" "$rows" \
        "$(awk -v a="$durable" -v b="$redis_everysec" 'BEGIN {print a / b}')" "$(awk -v a="$durable" -v b="$redis_always" 'BEGIN {print a / b}')"
done
echo "RESULT Redis      flash-sale decrements: appendfsync everysec $redis_everysec/s, always $redis_always/s"
