# Shared helpers of the benchmark scripts (sourced, not run): benchmarks/sessions.sh, claims.sh, agent-streams.sh.

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
    cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
    echo "== $(basename "$0")"
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "machine: ${cpu_model:-unknown CPU}, nproc $(nproc), $(uname -sr), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)"
    echo "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
    echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
}

# The 99th percentile of a wrk --latency report (file $1), in milliseconds.
wrk_p99_ms() {
    awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f", v}' "$1"
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
