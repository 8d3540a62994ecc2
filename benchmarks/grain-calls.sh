#!/usr/bin/env bash
# Grain-call throughput in one command, every figure with the machine, the date and the exact commands:
#   1. in one silo hosted by the benchmark process: no-op calls grain to grain (caller grains -> 10,000 target grains),
#      then the same calls from IGrainFactory outside grains (CommerceBrain.Benchmarks grain-calls);
#   2. through the HTTP front-end of a real `commercebrain serve`: wrk against GET /api/diagnostics/counters/{name}
#      (a [ReadOnly] grain read, nothing written) over 10,000 names, and against /health/live (no grain) as the HTTP
#      ceiling of the same process on the same machine, so the grain call's cost shows as a ratio.
# wrk runs on the same machine as the silo, so both HTTP figures include wrk's own CPU; only their ratio carries over.
#
# Usage: benchmarks/grain-calls.sh
# Environment (defaults): KEYS=10000 CALLERS=2×nproc IN_FLIGHT=100 RUNS=5 RUN_SECONDS=5 WARMUP_SECONDS=10 MODES=both (grain|client|both)
#   WRK_SECONDS=12 WRK_WARMUP_SECONDS=10 WRK_THREADS=2 WRK_CONNECTIONS=64 HTTP_PORT/SILO_PORT (default: free ports)
#   NO_BUILD=1 skips the two Release builds; SKIP_IN_SILO=1 / SKIP_HTTP=1 skip a part.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
keys=${KEYS:-10000}
callers=${CALLERS:-$((2 * $(nproc)))}
in_flight=${IN_FLIGHT:-100}
runs=${RUNS:-5}
run_seconds=${RUN_SECONDS:-5}
warmup_seconds=${WARMUP_SECONDS:-10}
modes=${MODES:-both}
wrk_seconds=${WRK_SECONDS:-12}
wrk_warmup_seconds=${WRK_WARMUP_SECONDS:-10}
wrk_threads=${WRK_THREADS:-2}
wrk_connections=${WRK_CONNECTIONS:-64}

bench_dll=$root/benchmarks/CommerceBrain.Benchmarks/bin/Release/net10.0/CommerceBrain.Benchmarks.dll
silo_dll=$root/src/CommerceBrain.Silo/bin/Release/net10.0/commercebrain.dll
lua=$root/benchmarks/grain-calls/counters.lua

work=$(mktemp -d "${TMPDIR:-/tmp}/grain-calls.XXXXXX")
silo_pid=
cleanup() {
    # Only the silo this script started, by its process id.
    if [[ -n $silo_pid ]] && kill -0 "$silo_pid" 2>/dev/null; then
        kill "$silo_pid" 2>/dev/null || true
        wait "$silo_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Prints a command exactly as run (shell-quoted) on stderr, so it shows even when the output is captured, then runs it.
run() {
    {
        printf '+'
        printf ' %q' "$@"
        printf '\n'
    } >&2
    "$@"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

need() {
    command -v "$1" >/dev/null || { echo "grain-calls.sh: '$1' not found; $2" >&2; exit 1; }
}
need dotnet "install the .NET 10 SDK"
need wrk "install it (Debian/Ubuntu: apt-get install wrk)"
need curl "install curl"
need python3 "install python3 (used to pick free ports)"

cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
echo "== grain-calls.sh"
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine: ${cpu_model:-unknown CPU}, nproc $(nproc), $(uname -sr), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2 / 1048576}' /proc/meminfo)"
echo "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg) (the machine may be shared: figures below are what this process got of it)"
echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "dotnet: $(dotnet --version), wrk: $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2)"

if [[ ${NO_BUILD:-0} != 1 ]]; then
    echo
    echo "== build"
    run dotnet build "$root/benchmarks/CommerceBrain.Benchmarks" -c Release --nologo -v quiet
    run dotnet build "$root/src/CommerceBrain.Silo" -c Release --nologo -v quiet
fi

in_silo_results=
if [[ ${SKIP_IN_SILO:-0} != 1 ]]; then
    echo
    echo "== 1. in-silo no-op grain calls (silo in the benchmark process, no storage)"
    run dotnet "$bench_dll" grain-calls --keys "$keys" --callers "$callers" --in-flight "$in_flight" --runs "$runs" \
        --seconds "$run_seconds" --warmup "$warmup_seconds" --mode "$modes" 2>&1 | tee "$work/in-silo.txt" | grep -v -E '^(warn|      )'
    in_silo_results=$(grep '^RESULT' "$work/in-silo.txt" || true)
    [[ -n $in_silo_results ]] || { echo "grain-calls.sh: the in-silo benchmark printed no result; its output is above." >&2; exit 1; }
fi

# Runs wrk, shows its output, fails on any error response or socket error, and prints the requests per second last.
wrk_rate() {
    local out=$work/wrk-$RANDOM.txt
    run wrk "$@" > "$out" 2>&1 || { cat "$out" >&2; echo "grain-calls.sh: wrk failed" >&2; return 1; }
    sed 's/^/    /' "$out" >&2
    if grep -q -E 'Non-2xx or 3xx responses|Socket errors' "$out"; then
        echo "grain-calls.sh: wrk saw failed requests (above); the figure would not be of successful calls." >&2
        return 1
    fi
    awk '/^Requests\/sec:/ {print $2}' "$out"
}

live_rate=
counter_rate=
if [[ ${SKIP_HTTP:-0} != 1 ]]; then
    http_port=${HTTP_PORT:-$(free_port)}
    silo_port=${SILO_PORT:-$(free_port)}
    url=http://127.0.0.1:$http_port
    echo
    echo "== 2. HTTP front-end -> IGrainFactory -> grain (commercebrain serve, SQLite in a fresh data directory)"
    printf '+'
    printf ' %q' dotnet "$silo_dll" serve --urls "$url" --data-dir "$work/data" --silo-port "$silo_port"
    printf ' > %q 2>&1 &\n' "$work/silo.log"
    dotnet "$silo_dll" serve --urls "$url" --data-dir "$work/data" --silo-port "$silo_port" > "$work/silo.log" 2>&1 &
    silo_pid=$!

    # Ready means Orleans, storage and the NLU models (trained on first start) are up, so no start-up work overlaps wrk.
    ready=
    for _ in $(seq 1 240); do
        kill -0 "$silo_pid" 2>/dev/null || { tail -n 40 "$work/silo.log" >&2; echo "grain-calls.sh: the silo exited during start-up (log above)." >&2; exit 1; }
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready") == 200 ]]; then
            ready=1
            break
        fi
        sleep 0.5
    done
    [[ -n $ready ]] || { tail -n 40 "$work/silo.log" >&2; echo "grain-calls.sh: $url/health/ready did not answer 200 within 120 s (log above)." >&2; exit 1; }
    echo "silo ready: $(curl -s "$url/health/ready")"

    echo "-- warm-up: every counter grain activated (each wrk thread walks its share of the $keys names in order)"
    warmup_out=$work/wrk-warmup.txt
    run wrk -t "$wrk_threads" -c "$wrk_connections" -d "${wrk_warmup_seconds}s" -s "$lua" "$url" -- sequential "$keys" "$wrk_threads" > "$warmup_out" 2>&1
    warmup_requests=$(awk '/requests in/ {print $1}' "$warmup_out")
    echo "    $warmup_requests requests in the warm-up"
    if grep -q -E 'Non-2xx or 3xx responses|Socket errors' "$warmup_out" || (( warmup_requests < keys )); then
        cat "$warmup_out" >&2
        echo "grain-calls.sh: the warm-up failed or did not reach all $keys names; raise WRK_WARMUP_SECONDS." >&2
        exit 1
    fi
    run wrk -t "$wrk_threads" -c "$wrk_connections" -d 3s "$url/health/live" > /dev/null 2>&1

    echo "-- /health/live: the HTTP ceiling (no grain call)"
    live_rate=$(wrk_rate -t "$wrk_threads" -c "$wrk_connections" -d "${wrk_seconds}s" --latency "$url/health/live")
    echo "-- GET /api/diagnostics/counters/{bench-0 .. bench-$((keys - 1))}, a random name per request ([ReadOnly] grain read)"
    counter_rate=$(wrk_rate -t "$wrk_threads" -c "$wrk_connections" -d "${wrk_seconds}s" --latency -s "$lua" "$url" -- random "$keys" "$wrk_threads")

    kill "$silo_pid"
    wait "$silo_pid" 2>/dev/null || true
    silo_pid=
fi

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M:%S UTC'); ${cpu_model:-unknown CPU}, nproc $(nproc); load average now $(cut -d ' ' -f 1-3 /proc/loadavg))"
if [[ -n $in_silo_results ]]; then
    echo "in-silo, $keys target grains, $callers callers x $in_flight in flight:"
    echo "$in_silo_results" | sed 's/^RESULT /  /'
fi
if [[ -n $live_rate ]]; then
    echo "HTTP, wrk -t $wrk_threads -c $wrk_connections -d ${wrk_seconds}s on the same machine:"
    echo "  /health/live (ceiling): $live_rate req/s"
    echo "  GET counters over $keys names (grain read via IGrainFactory): $counter_rate req/s = $(awk -v c="$counter_rate" -v l="$live_rate" 'BEGIN {printf "%.0f", 100 * c / l}') % of /health/live"
fi
