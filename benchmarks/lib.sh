# Shared helpers of the benchmark scripts (sourced, not run): benchmarks/sessions.sh, claims.sh, agent-streams.sh,
# nlu-vs-fasttext.sh, run-all.sh.

as_postgres() {
    if [[ $(id -u) == 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# need COMMAND HOW-TO-INSTALL: stops the script with one line when COMMAND is missing.
need() {
    command -v "$1" >/dev/null || { echo "$(basename "$0"): '$1' not found; $2" >&2; exit 1; }
}

# Prints what a figure needs next to it: script, date, machine, load, commit.
machine_header() {
    local cpu_model
    cpu_model=$(lscpu | awk -F ':[[:space:]]*' '/^Model name:/ && !done { print $2; done = 1 }')
    echo "== $(basename "$0")"
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "machine: ${cpu_model:-unknown CPU}, nproc $(nproc), $(uname -sr), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)"
    echo "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
    echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
}

# wrk prints durations as 623.45us, 1.20ms, 2.00s or 1.50m; in milliseconds:
wrk_ms_awk='function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 } if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
    if (v ~ /m$/) { sub(/m$/, "", v); return v * 60000 } sub(/s$/, "", v); return v * 1000 }'

# The 99th percentile of a wrk --latency report (file $1), in milliseconds.
wrk_p99_ms() {
    awk "$wrk_ms_awk"' $1 == "99%" { printf "%.2f", ms($2) }' "$1"
}

# The mean latency of a wrk report (file $1; "Thread Stats ... Latency <avg> <stdev> <max>"), in milliseconds.
wrk_mean_ms() {
    awk "$wrk_ms_awk"' $1 == "Latency" && !done { printf "%.3f", ms($2); done = 1 }' "$1"
}

# Stops what a benchmark script started, for its EXIT trap: the silo ($silo_pid), a throw-away PostgreSQL server ($pgdata,
# binaries in $pgbin); then removes the work directory ($work).
stop_silo_and_postgres() {
    if [[ -n ${silo_pid:-} ]] && kill -0 "$silo_pid" 2>/dev/null; then
        kill "$silo_pid" 2>/dev/null || true
        wait "$silo_pid" 2>/dev/null || true
    fi
    if [[ -n ${pgdata:-} ]]; then
        as_postgres "'$pgbin/pg_ctl' -D '$pgdata' -m immediate stop" >/dev/null 2>&1 || true
    fi
    [[ -z ${work:-} ]] || rm -rf "$work"
}

# wait_ready URL PID LOG: waits (up to 300 s) until the silo at URL answers /health/ready; stops the script with the
# log's tail when the process exits first or never gets ready.
wait_ready() {
    local url=$1 pid=$2 log=$3
    for _ in $(seq 1 600); do
        kill -0 "$pid" 2>/dev/null || { tail -n 40 "$log" >&2; echo "$(basename "$0"): the silo exited during start-up (log above)." >&2; exit 1; }
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready") == 200 ]]; then return 0; fi
        sleep 0.5
    done
    tail -n 40 "$log" >&2
    echo "$(basename "$0"): the silo was not ready within 300 s (log above)." >&2
    exit 1
}

# build_release PROJECT...: builds each project (paths under the repository) in Release, unless NO_BUILD=1.
build_release() {
    [[ ${NO_BUILD:-0} == 1 ]] && return 0
    echo "== build"
    local project
    for project in "$@"; do
        dotnet build "$root/$project" -c Release --nologo -v quiet
    done
}

# start_postgres PORT DATABASE [MAX_CONNECTIONS]: a throw-away PostgreSQL server (binaries in $pgbin) in $work/pgdata,
# listening on 127.0.0.1:PORT, with one database; sets $pgdata (stopped by stop_silo_and_postgres).
start_postgres() {
    local port=$1 database=$2 max_connections=${3:-200}
    pgdata=$work/pgdata
    [[ -x $pgbin/initdb ]] || { echo "$(basename "$0"): PostgreSQL server binaries not found in $pgbin (apt-get install postgresql, or set PGBIN)" >&2; exit 1; }
    [[ $(id -u) == 0 ]] && chown postgres "$work"
    as_postgres "'$pgbin/initdb' -D '$pgdata' -A trust -U postgres" >/dev/null
    as_postgres "'$pgbin/pg_ctl' -D '$pgdata' -l '$work/pg.log' -w -o \"-p $port -k '$work' -h 127.0.0.1 -c max_connections=$max_connections\" start" >/dev/null
    "$pgbin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE $database" postgres
}

# start_redis DIR: a throw-away redis-server (AOF with appendfsync everysec, the usual flash-sale setup; no RDB
# snapshots) on a free port, files in DIR; sets $redis_port (stop it with stop_redis).
start_redis() {
    redis_port=$(free_port)
    mkdir -p "$1"
    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$1" --appendonly yes --appendfsync everysec --save "" \
        --daemonize yes --logfile "$1/log"
    for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "$(basename "$0"): redis-server did not answer within 5 s (log: $1/log)" >&2
    exit 1
}

stop_redis() {
    [[ -z ${redis_port:-} ]] || redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
}

# redis_flash_sale_rate CLIENTS THREADS REQUESTS: decrements/s of redis-benchmark running EVALSHA of
# benchmarks/claims/flash_sale.lua (the flash-sale check-and-decrement) against the server of start_redis.
redis_flash_sale_rate() {
    local sha
    redis-cli -p "$redis_port" SET budget 1000000000 >/dev/null
    sha=$(redis-cli -p "$redis_port" SCRIPT LOAD "$(cat "$root/benchmarks/claims/flash_sale.lua")")
    redis-benchmark -p "$redis_port" -c "$1" --threads "$2" -n "$3" --csv EVALSHA "$sha" 1 budget \
        | awk -F'","' 'NR == 2 {gsub(/"/, "", $2); print $2}'
}

# fastText's training settings for intent classification (nlu-vs-fasttext.sh, run-all.sh): a strong supervised setup.
fasttext_args="-epoch 50 -wordNgrams 2 -lr 0.5 -dim 100 -minn 3 -maxn 5 -thread 2"

# fasttext_prediction_rate MODEL.bin TEXTS.txt REPEAT: fastText predictions/s on one thread (`fasttext predict` over
# TEXTS repeated REPEAT times, less the time to load the model, measured on one line); prints "<per second> <load s>".
fasttext_prediction_rate() {
    local model=$1 texts=$2 repeat=$3 dir t0 t1 t2 t3
    dir=$(mktemp -d "${TMPDIR:-/tmp}/cb-fasttext.XXXXXX")
    head -n 1 "$texts" > "$dir/one.txt"
    for _ in $(seq "$repeat"); do cat "$texts"; done > "$dir/many.txt"
    fasttext predict "$model" "$dir/one.txt" > /dev/null   # page cache warm
    t0=$(date +%s.%N); fasttext predict "$model" "$dir/one.txt" > /dev/null; t1=$(date +%s.%N)
    t2=$(date +%s.%N); fasttext predict "$model" "$dir/many.txt" > /dev/null; t3=$(date +%s.%N)
    python3 -c 'import sys; n, a, b, c, d = int(sys.argv[1]), *map(float, sys.argv[2:]); load = b - a; print(round(n / max(d - c - load, 1e-9)), f"{load:.3f}")' \
        "$(wc -l < "$dir/many.txt")" "$t0" "$t1" "$t2" "$t3"
    rm -rf "$dir"
}
