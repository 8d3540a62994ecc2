#!/usr/bin/env bash
# Bot turns per second over real HTTP with durable transcripts, in one command, on SQLite (default storage) and on a
# throw-away PostgreSQL server, each next to wrk against /health/live of the same silo in the same run (the HTTP ceiling).
#   - a fresh silo (Development, so the dev token endpoint mints customer tokens, with the Orleans Dashboard off as in
#     production; fresh data directory, so it trains its models and seeds the demo data first) on 127.0.0.1;
#   - SESSIONS customers (c-00001 ...) each open one session (benchmarks/sessions/open_sessions.py);
#   - wrk (closed loop: T threads x C connections) sends customer messages round robin over the sessions
#     (benchmarks/sessions/turns.lua: FAQ questions, an order question, small talk, English and Chinese), each a
#     POST /api/sessions/{id}/messages with a bearer token and a fresh clientMessageId, answered after the turn's ledger
#     row is committed; every request must answer 200;
#   - the silo's own metric commercebrain_sessions_turns_total (by reply kind) tells how many turns the bot answered
#     and how many were silent (session handed to a person), so the bot turns/s figure counts only answered turns.
# Usage: benchmarks/sessions.sh   (env: SESSIONS=2000 WRK_THREADS=2 WRK_CONNECTIONS=64 TURN_CONNECTIONS="64 96" WRK_SECONDS=20 WARMUP_SECONDS=10
#                                   STORAGES="Sqlite PostgreSql" PGBIN=/usr/lib/postgresql/15/bin NO_BUILD=1)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benchmarks/lib.sh
source "$root/benchmarks/lib.sh"
sessions=${SESSIONS:-2000}
wrk_threads=${WRK_THREADS:-2}
wrk_connections=${WRK_CONNECTIONS:-64}
# The customer-turn run is repeated at each of these connection counts (closed loop: more connections, bigger batches
# for the micro-batcher and the group commit, longer queues).
turn_connections=${TURN_CONNECTIONS:-64 96}
wrk_seconds=${WRK_SECONDS:-20}
warmup_seconds=${WARMUP_SECONDS:-10}
storages=${STORAGES:-Sqlite PostgreSql}
pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
silo_dll=$root/src/CommerceBrain.Silo/bin/Release/net10.0/commercebrain.dll
lua=$root/benchmarks/sessions/turns.lua

work=$(mktemp -d "${TMPDIR:-/tmp}/cb-sessions.XXXXXX")
silo_pid=
pgdata=
trap stop_silo_and_postgres EXIT

need dotnet "install the .NET 10 SDK"
need wrk "install it (Debian: apt-get install wrk)"
need curl "install curl"
need python3 "install python3"

cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
machine_header
echo "dotnet: $(dotnet --version), wrk: $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2)"

build_release src/CommerceBrain.Silo

# Runs wrk; prints "<requests/s> <p99 ms>" on stdout, wrk's own report on stderr; fails on any non-2xx answer.
wrk_run() {
    local out=$work/wrk-$RANDOM.txt
    wrk "$@" > "$out" 2>&1 || { cat "$out" >&2; echo "sessions.sh: wrk failed" >&2; return 1; }
    sed 's/^/    /' "$out" >&2
    if grep -q -E 'Non-2xx or 3xx responses|Socket errors' "$out"; then
        echo "sessions.sh: wrk saw failed requests (above)." >&2
        return 1
    fi
    local rate p99
    rate=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p99=$(wrk_p99_ms "$out")
    echo "$rate $p99"
}

# Sum of commercebrain_sessions_turns_total, optionally only one reply kind.
turns_metric() {
    curl -s "$1/metrics" | awk -v kind="$2" '/^commercebrain_sessions_turns_total/ { if (kind == "" || index($0, "kind=\"" kind "\"") > 0) s += $NF } END { printf "%d", s }'
}

declare -A results
for storage in $storages; do
    http_port=$(free_port)
    silo_port=$(free_port)
    url=http://127.0.0.1:$http_port
    args=(serve --environment Development --urls "$url" --data-dir "$work/data-$storage" --silo-port "$silo_port")
    if [[ $storage == PostgreSql ]]; then
        pg_port=$(free_port)
        start_postgres "$pg_port" sessions
        args+=(--storage PostgreSql --connection-string "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=sessions")
    fi
    echo
    echo "== $storage: dotnet commercebrain.dll ${args[*]}"
    # The per-client rate limit stays in the request path but is raised above what one benchmark customer sends.
    CommerceBrain__RateLimits__PermitsPerSecond=100000 CommerceBrain__RateLimits__Burst=100000 CommerceBrain__Dashboard__Enabled=false \
        dotnet "$silo_dll" "${args[@]}" > "$work/silo-$storage.log" 2>&1 &
    silo_pid=$!
    started=$(date +%s)
    wait_ready "$url" "$silo_pid" "$work/silo-$storage.log"
    echo "ready after $(( $(date +%s) - started )) s (models trained, demo data seeded): $(curl -s "$url/health/ready")"

    echo "-- opening $sessions sessions (one demo customer each)"
    python3 "$root/benchmarks/sessions/open_sessions.py" "$url" "$sessions" "$work/sessions-$storage.txt"

    echo "-- warm-up ${warmup_seconds}s (activations, JIT)"
    wrk_run -t "$wrk_threads" -c "$wrk_connections" -d "${warmup_seconds}s" -s "$lua" "$url" -- "$work/sessions-$storage.txt" "$wrk_threads" warmup > /dev/null
    wrk -t "$wrk_threads" -c "$wrk_connections" -d 3s "$url/health/live" > /dev/null 2>&1

    echo "-- /health/live (HTTP ceiling of this silo)"
    read -r live_rate live_p99 < <(wrk_run -t "$wrk_threads" -c "$wrk_connections" -d "${wrk_seconds}s" --latency "$url/health/live")

    for connections in $turn_connections; do
        before_all=$(turns_metric "$url" "")
        before_silent=$(turns_metric "$url" "silent")
        echo "-- customer turns: POST /api/sessions/{id}/messages over $sessions sessions, $connections connections"
        read -r turn_rate turn_p99 < <(wrk_run -t "$wrk_threads" -c "$connections" -d "${wrk_seconds}s" --latency -s "$lua" "$url" -- "$work/sessions-$storage.txt" "$wrk_threads" "c$connections")
        all=$(( $(turns_metric "$url" "") - before_all ))
        silent=$(( $(turns_metric "$url" "silent") - before_silent ))
        bot_share=$(awk -v a="$all" -v s="$silent" 'BEGIN { printf "%.3f", (a > 0 ? (a - s) / a : 0) }')
        bot_rate=$(awk -v r="$turn_rate" -v b="$bot_share" 'BEGIN { printf "%.0f", r * b }')
        echo "   turns taken (silo metric): $all, of which silent (handed to a person): $silent; bot-answered share $bot_share"
        results["$storage $connections"]="$turn_rate $turn_p99 $bot_rate $live_rate $live_p99"
    done

    kill "$silo_pid"
    wait "$silo_pid" 2>/dev/null || true
    silo_pid=
    if [[ -n $pgdata ]]; then
        as_postgres "'$pgbin/pg_ctl' -D '$pgdata' -m fast stop" >/dev/null 2>&1 || true
        pgdata=
    fi
done

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M:%S UTC'); ${cpu_model:-unknown CPU}, nproc $(nproc); load average now $(cut -d ' ' -f 1-3 /proc/loadavg))"
echo "wrk -t $wrk_threads -d ${wrk_seconds}s (closed loop), $sessions sessions, durable transcripts (group commit)"
for storage in $storages; do
    for connections in $turn_connections; do
        read -r turn_rate turn_p99 bot_rate live_rate live_p99 <<< "${results["$storage $connections"]}"
        printf 'RESULT %-10s c=%-3s turns %6.0f/s p99 %6.2f ms | bot-answered %6.0f/s | /health/live (c=%s) %6.0f/s p99 %5.2f ms | turns / live %.3f\n' \
            "$storage" "$connections" "$turn_rate" "$turn_p99" "$bot_rate" "$wrk_connections" "$live_rate" "$live_p99" "$(awk -v t="$turn_rate" -v l="$live_rate" 'BEGIN {print t / l}')"
    done
done
