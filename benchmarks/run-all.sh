#!/usr/bin/env bash
# The whole load report in one command (issue 10): a fresh silo on a throw-away PostgreSQL server, the HTTP ceiling and
# the load driver's agreement with wrk, the Double-11 profile at the highest rate this machine sustains, the baselines
# (pgbench, Redis flash-sale Lua, fastText) in the same run, then the profile against three silos behind haproxy with
# one silo SIGKILLed mid-peak; rewrites the run-all block of docs/benchmarks.md and docs/load/double11-*.{md,json,svg}.
#
#   benchmarks/run-all.sh [--duration 10m] [--cluster-duration 5m] [--rate auto|N] [--quick] [--docs DIR]
#
#   --duration D          the Double-11 profile against one silo (default 10m; s, m or h)
#   --cluster-duration D  the profile against the three-silo cluster (default 5m)
#   --rate auto|N         peak iterations/s of the profile; auto (default) probes the highest peak rate with 0 errors
#                         and p99 <= 1 s in short runs of the profile (its own shape: 40 % of the run at the peak, the
#                         coupon storm in the middle) and uses 80 % of it
#   --quick               a trial of the script: 1-minute profile, 30-s cluster run, 20-s probes, 5-s baselines
#   --docs DIR            where reports and benchmarks.md go (default <repo>/docs; reports in DIR/load)
#
# Steps: (1) tools check (as root, missing Debian packages are apt-get installed), Release build, PostgreSQL, one silo
# (Development for the dev token endpoint, dashboard off, one signing key for every silo of the run); (2) wrk and the
# driver's `http` profile on /health/live, same connections and duration, generator on CPU 0 and silo on CPU 1;
# (3) rate probe; (4) Double-11 on the silo with --journal, then `verify`; (5) pgbench -S / -N, redis-benchmark EVALSHA
# of benchmarks/claims/flash_sale.lua, fastText predictions/s (Banking77); (6) three `serve --cluster` silos behind
# haproxy, the profile through haproxy, SIGKILL of one silo at mid-peak, `verify` through haproxy; (7) docs.
# Exits 1 when a check failed (driver vs wrk over 10 %, lost acknowledged writes, a step that could not run).
# Takes --duration + --cluster-duration + about 10 minutes (builds, start-ups, probes, baselines) on 2 cores.
# Environment: PG_PORT (55474), HTTP_BASE (18400), SILO_BASE (12400), PROFILE (double11), HTTP_CONNECTIONS (64),
# HTTP_SECONDS (20), HTTP_WARMUP (10), HTTP_ROUNDS (2), PROBE_SECONDS (30), PROBE_START (60), PROBE_FACTOR (1.5),
# PROBE_STEPS (10), PROBE_OPTIONS (extra --option k=v for the probes, space-separated), PEAK_AT (0.55: when the kill
# comes, as a fraction of the cluster run), BASELINE_SECONDS (20), PGBENCH_CLIENTS (16), PGBENCH_SCALE (10),
# CLUSTER_RATE_FACTOR (0.5: the cluster run's peak as a share of the single silo's), CLUSTER_WARMUP (30 s, not counted),
# NLU_BENCH_DATA (<repo>/../shared/data), PGBIN, NO_BUILD=1, KEEP_WORK=1.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benchmarks/lib.sh
source "$root/benchmarks/lib.sh"

duration=10m
cluster_duration=5m
rate_arg=auto
quick=0
duration_given=0
cluster_duration_given=0
docs_dir=$root/docs
command_line="benchmarks/run-all.sh"
while [[ $# -gt 0 ]]; do
    case $1 in
        --duration) duration=${2:?}; duration_given=1; command_line+=" --duration $2"; shift 2 ;;
        --cluster-duration) cluster_duration=${2:?}; cluster_duration_given=1; command_line+=" --cluster-duration $2"; shift 2 ;;
        --rate) rate_arg=${2:?}; command_line+=" --rate $2"; shift 2 ;;
        --quick) quick=1; command_line+=" --quick"; shift ;;
        --docs) docs_dir=$(cd "${2:?}" && pwd); command_line+=" --docs $2"; shift 2 ;;
        -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-all.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

# to_seconds 10m → 600 (s, m, h or plain seconds).
to_seconds() {
    [[ $1 =~ ^([0-9]+)([smh]?)$ ]] || { echo "run-all.sh: '$1' is not a duration like 90s, 10m or 1h" >&2; exit 2; }
    case ${BASH_REMATCH[2]} in
        m) echo $(( BASH_REMATCH[1] * 60 )) ;;
        h) echo $(( BASH_REMATCH[1] * 3600 )) ;;
        *) echo $(( BASH_REMATCH[1] )) ;;
    esac
}
if [[ $quick == 1 ]]; then
    [[ $duration_given == 1 ]] || duration=1m
    [[ $cluster_duration_given == 1 ]] || cluster_duration=30s
fi
duration_s=$(to_seconds "$duration")
cluster_s=$(to_seconds "$cluster_duration")
(( duration_s > 0 && cluster_s >= 20 )) || { echo "run-all.sh: --duration must be > 0 and --cluster-duration at least 20s" >&2; exit 2; }
[[ $rate_arg == auto || $rate_arg =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "run-all.sh: --rate takes auto or a positive number" >&2; exit 2; }
[[ $rate_arg == auto ]] || awk -v r="$rate_arg" 'BEGIN { exit !(r > 0) }' || { echo "run-all.sh: --rate must be > 0" >&2; exit 2; }

pg_port=${PG_PORT:-55474}
http_base=${HTTP_BASE:-18400}
silo_base=${SILO_BASE:-12400}
profile=${PROFILE:-double11}
http_connections=${HTTP_CONNECTIONS:-64}
http_seconds=${HTTP_SECONDS:-$([[ $quick == 1 ]] && echo 10 || echo 20)}
http_warmup=${HTTP_WARMUP:-$([[ $quick == 1 ]] && echo 5 || echo 10)}
http_rounds=${HTTP_ROUNDS:-2}
probe_seconds=${PROBE_SECONDS:-$([[ $quick == 1 ]] && echo 20 || echo 30)}
read -r -a probe_options <<< "${PROBE_OPTIONS:-}"
probe_start=${PROBE_START:-60}
probe_factor=${PROBE_FACTOR:-1.5}
probe_steps=${PROBE_STEPS:-$([[ $quick == 1 ]] && echo 3 || echo 10)}
# The kill's time as a fraction of the cluster run. The Double-11 shape (benchmarks/CommerceBrain.Load/Double11/
# TrafficShape.cs) is everyday 10 %, ramp-up 20 %, peak 40 %, ramp-down 20 %, everyday 10 %, with the coupon storm's
# burst at 50 %: the kill comes mid-peak, just after the burst, with 15 % of the run still at the peak.
peak_at=${PEAK_AT:-0.55}
# Three silos on the same two cores as the load generator and PostgreSQL pay the cross-silo hops and three runtimes: the
# cluster run's peak is this share of the single silo's rate (so that the kill, not overload, is what it measures).
cluster_factor=${CLUSTER_RATE_FACTOR:-0.5}
cluster_warmup_s=${CLUSTER_WARMUP:-$([[ $quick == 1 ]] && echo 10 || echo 30)}
baseline_seconds=${BASELINE_SECONDS:-$([[ $quick == 1 ]] && echo 5 || echo 20)}
pgbench_clients=${PGBENCH_CLIENTS:-16}
pgbench_scale=${PGBENCH_SCALE:-10}
ft_epochs=$([[ $quick == 1 ]] && echo 5 || echo 50)
nlu_data=${NLU_BENCH_DATA:-$root/../shared/data}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
silo_dll=$root/src/CommerceBrain.Silo/bin/Release/net10.0/commercebrain.dll
load_project=benchmarks/CommerceBrain.Load
load_dll=$root/$load_project/bin/Release/net10.0/commercebrain-load.dll
py="python3 $root/benchmarks/run_all.py"

work=$(mktemp -d "${TMPDIR:-/tmp}/cb-run-all.XXXXXX")
log=${TMPDIR:-/tmp}/cb-run-all-$(date -u +%Y%m%d-%H%M%S).log
results=$work/results.json
silo_pid=
pgdata=
redis_port=
haproxy_pid=
driver_pid=
declare -a silo_pids=() failures=()

cleanup() {
    local pid
    for pid in $driver_pid $haproxy_pid "${silo_pids[@]}"; do
        [[ -n $pid ]] && kill -9 "$pid" 2>/dev/null || true
    done
    stop_redis
    silo_pid=
    if [[ -n ${KEEP_WORK:-} ]]; then
        local keep=$work; work=
        stop_silo_and_postgres
        echo "== work directory kept: $keep" >&2
    else
        stop_silo_and_postgres
    fi
    echo "== console log: $log" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

exec > >(tee "$log") 2>&1

json_str() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }
put() { $py put "$results" "$1" "$2"; }
fail() {   # a failed check: printed loudly, listed at the end, the run goes on
    failures+=("$1")
    echo
    echo "!!!!!!!!!! FAILED: $1"
    echo
}
# calc EXPRESSION: awk arithmetic on the script's numbers.
calc() { awk "BEGIN { printf \"%s\", $1 }"; }

# ---- 1. tools, build, PostgreSQL, one silo ----
declare -A package_of=([wrk]=wrk [pgbench]=postgresql [redis-server]=redis-server [redis-benchmark]=redis-tools
                       [redis-cli]=redis-tools [fasttext]=fasttext [haproxy]=haproxy [taskset]=util-linux
                       [curl]=curl [python3]=python3)
missing=()
for tool in wrk pgbench redis-server redis-benchmark redis-cli fasttext haproxy taskset curl python3; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[[ -x ${pgbin:-/nonexistent}/initdb ]] || missing+=(initdb)
package_of[initdb]=postgresql
if [[ ${#missing[@]} -gt 0 ]]; then
    packages=$(for tool in "${missing[@]}"; do echo "${package_of[$tool]}"; done | sort -u | paste -sd ' ')
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "== missing: ${missing[*]}; installing the Debian packages: apt-get install -y $packages"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q $packages >"$work/apt.log" 2>&1 \
            || { DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$work/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $packages >>"$work/apt.log" 2>&1; } \
            || { tail -n 20 "$work/apt.log" >&2; echo "run-all.sh: apt-get install $packages failed (above)" >&2; exit 1; }
        pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
    else
        echo "run-all.sh: missing ${missing[*]}; install the Debian packages: apt-get install $packages" >&2
        exit 1
    fi
fi
need dotnet "install the .NET 10 SDK"

machine_header
echo "command: $command_line"
echo "console log: $log"
# awk 'NR == 1' rather than head: under pipefail a writer cut short by head's exit (SIGPIPE) would stop the script.
cpu_model=$(lscpu | awk -F ':[[:space:]]*' '/^Model name:/ && !done { print $2; done = 1 }')
tools="dotnet $(dotnet --version), $(wrk --version 2>&1 | awk 'NR == 1 { print $1, $2 }' || true), PostgreSQL $("$pgbin/postgres" --version | awk '{ print $3 }') (pgbench), $(redis-server --version | cut -d ' ' -f 1-3), fastText $(dpkg-query -W -f '${Version}' fasttext 2>/dev/null || echo '?'), $(haproxy -v | awk 'NR == 1 { print $1, $2, $3 }')"
echo "tools: $tools"
put command "$(json_str "$command_line")"
put quick "$([[ $quick == 1 ]] && echo true || echo false)"
put profile "$(json_str "$profile")"
put started "$(json_str "$(date -u '+%Y-%m-%d %H:%M UTC')")"
put commit "$(json_str "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')")"
put machine "$(python3 -c 'import json,sys; print(json.dumps(dict(zip(["cpu", "nproc", "memory", "kernel", "load_start", "tools"], sys.argv[1:]))))' \
    "${cpu_model:-unknown CPU}" "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)" "$(uname -sr)" "$(cut -d ' ' -f 1-3 /proc/loadavg)" "$tools")"

driver_ok=1
if [[ -f $root/$load_project/CommerceBrain.Load.csproj ]]; then
    build_release src/CommerceBrain.Silo "$load_project"
else
    build_release src/CommerceBrain.Silo
    driver_ok=0
    fail "the load driver ($load_project) is not in this tree: every driver step is skipped"
fi
[[ $driver_ok == 0 || -f $load_dll ]] || { driver_ok=0; fail "the driver was built but $load_dll is missing"; }

echo "== throw-away PostgreSQL on 127.0.0.1:$pg_port"
start_postgres "$pg_port" single 400
"$pgbin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE cluster" -c "CREATE DATABASE pgbench" postgres
echo "   $("$pgbin/psql" -X -At -h 127.0.0.1 -p "$pg_port" -U postgres -c "SELECT version()" postgres | cut -d, -f1)"

# Every silo of the run signs and accepts the same tokens (a token minted through one silo works on the others), and
# shares one model directory (the first silo trains the demo models, the others load them).
CommerceBrain__Identity__SigningKey=$(head -c 48 /dev/urandom | base64 -w 0)
export CommerceBrain__Identity__SigningKey
export CommerceBrain__Nlu__ModelDirectory=$work/models
# Dashboard off as in production; the per-client rate limit stays in the request path, raised above what one simulated
# customer sends.
export CommerceBrain__Dashboard__Enabled=false CommerceBrain__RateLimits__PermitsPerSecond=1000000 CommerceBrain__RateLimits__Burst=1000000

# start_silo NAME HTTP_PORT SILO_PORT DATABASE [serve options...]: sets silo_pid; log in $work/silo-NAME.log.
start_silo() {
    local name=$1 http=$2 port=$3 database=$4
    shift 4
    dotnet "$silo_dll" serve --environment Development --urls "http://127.0.0.1:$http" --data-dir "$work/data-$name" \
        --silo-port "$port" --storage PostgreSql --connection-string "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database" \
        "$@" > "$work/silo-$name.log" 2>&1 &
    silo_pid=$!
    disown "$silo_pid"   # no "Killed" notice when the cluster run SIGKILLs one
    silo_pids+=("$silo_pid")
}

# driver ARGS...: the load driver (after the build; dotnet run would build again).
driver() { dotnet "$load_dll" "$@"; }

url=http://127.0.0.1:$http_base
echo "== one silo: $url (PostgreSQL database 'single', logs in $work)"
started=$(date +%s)
start_silo single "$http_base" "$silo_base" single
single_pid=$silo_pid
wait_ready "$url" "$single_pid" "$work/silo-single.log"
echo "   ready after $(( $(date +%s) - started )) s (models trained, demo data seeded)"

# ---- 2. HTTP ceiling and driver agreement ----
echo "== HTTP ceiling: GET /health/live, $http_connections connections, ${http_seconds} s each; wrk and the driver's http profile take turns, $http_rounds rounds"
put http "$(printf '{"connections": %s, "seconds": %s, "rounds": %s}' "$http_connections" "$http_seconds" "$http_rounds")"
generator=()
if [[ $(nproc) -ge 2 ]]; then
    taskset -a -p -c 1 "$single_pid" >/dev/null
    generator=(taskset -c 0)
    put http.pinning '"generator on CPU 0, silo on CPU 1 (taskset)"'
    echo "   generator pinned to CPU 0, silo (all its threads) to CPU 1"
else
    put http.pinning '"one CPU: generator and silo share it"'
fi

# wrk_live ROUND / driver_live ROUND: one run on /health/live; prints "<requests/s> <mean ms> <p99 ms>", or nothing.
wrk_live() {
    local out=$work/wrk-live-$1.txt
    "${generator[@]}" wrk -t 1 -c "$http_connections" -d "${http_seconds}s" --latency "$url/health/live" > "$out" 2>&1 || true
    sed 's/^/    /' "$out" >&2
    local rps mean
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    mean=$(wrk_mean_ms "$out")
    [[ -z $rps || -z $mean ]] || echo "$rps $mean $(wrk_p99_ms "$out")"
}
driver_live() {
    # The driver's own 2-s warm-up (not counted) covers its JIT and connection set-up.
    "${generator[@]}" dotnet "$load_dll" run --profile http --target "$url" --connections "$http_connections" \
        --duration "${http_seconds}s" --path /health/live --option warmup=2s --report-dir "$work/reports" --report-name "http-$1" \
        --no-live > "$work/driver-http-$1.log" 2>&1 || true
    tail -n 3 "$work/driver-http-$1.log" | sed 's/^/    /' >&2
    [[ ! -f $work/reports/http-$1.json ]] || $py http "$work/reports/http-$1.json"
}

# The silo's JIT settles first; then the generators alternate, so that a burst of other work on this shared machine
# does not fall on one of them only, and each keeps its best round (highest throughput).
"${generator[@]}" wrk -t 1 -c "$http_connections" -d "${http_warmup}s" "$url/health/live" > /dev/null 2>&1 || true
best_wrk=
best_driver=
for round in $(seq 1 "$http_rounds"); do
    echo "-- round $round: wrk -t 1 -c $http_connections -d ${http_seconds}s"
    figures=$(wrk_live "$round")
    [[ -n $figures ]] && echo "   wrk round $round: $figures (req/s, mean ms, p99 ms)"
    [[ -z $figures ]] || [[ -n $best_wrk && $(calc "${figures%% *} <= ${best_wrk%% *}") == 1 ]] || best_wrk=$figures
    if [[ $driver_ok == 1 ]]; then
        echo "-- round $round: driver run --profile http --connections $http_connections --duration ${http_seconds}s"
        figures=$(driver_live "$round")
        [[ -n $figures ]] && echo "   driver round $round: $figures (req/s, mean ms, p99 ms)"
        [[ -z $figures ]] || [[ -n $best_driver && $(calc "${figures%% *} <= ${best_driver%% *}") == 1 ]] || best_driver=$figures
    fi
done
[[ ${#generator[@]} -eq 0 ]] || taskset -a -p -c "0-$(( $(nproc) - 1 ))" "$single_pid" >/dev/null

if [[ -n $best_wrk ]]; then
    read -r wrk_rps wrk_mean wrk_p99 <<< "$best_wrk"
    put http.wrk "$(printf '{"rps": %s, "mean_ms": %s, "p99_ms": %s}' "$wrk_rps" "$wrk_mean" "${wrk_p99:-null}")"
else
    fail "wrk on /health/live gave no figures (output above)"
fi
if [[ $driver_ok == 1 && -z $best_driver ]]; then
    fail "the driver's http profile did not run (log above)"
elif [[ -n $best_driver && -n $best_wrk ]]; then
    read -r drv_rps drv_mean drv_p99 <<< "$best_driver"
    put http.driver "$(printf '{"rps": %s, "mean_ms": %s, "p99_ms": %s}' "$drv_rps" "$drv_mean" "$drv_p99")"
    tp=$(calc "($drv_rps - $wrk_rps) / $wrk_rps * 100")
    lat=$(calc "($drv_mean - $wrk_mean) / $wrk_mean * 100")
    agreement=$(printf 'throughput within %.1f %%, mean latency within %.1f %% (limit 10 %%)' "${tp#-}" "${lat#-}")
    echo "   best of $http_rounds rounds:"
    printf '   wrk    %10.0f req/s, mean %8.3f ms, p99 %8.2f ms\n' "$wrk_rps" "$wrk_mean" "${wrk_p99:-0}"
    printf '   driver %10.0f req/s, mean %8.3f ms, p99 %8.2f ms\n' "$drv_rps" "$drv_mean" "$drv_p99"
    printf '   driver ÷ wrk: throughput %.3f, mean latency %.3f, p99 %.3f\n' \
        "$(calc "$drv_rps / $wrk_rps")" "$(calc "$drv_mean / $wrk_mean")" "$(calc "$drv_p99 / (${wrk_p99:-0} + 1e-9)")"
    echo "   agreement: $agreement"
    put http.agreement "$(json_str "$agreement")"
    if awk -v a="${tp#-}" -v b="${lat#-}" 'BEGIN { exit !(a > 10 || b > 10) }'; then
        fail "driver and wrk disagree on /health/live: $agreement"
    fi
fi

# ---- 3. rate ----
# probe RATE STEP: a short constant-rate run of the profile; prints "<failed> <worst p99 ms>", or fails.
probe() {
    local knobs=() knob
    for knob in "${probe_options[@]}"; do knobs+=(--option "$knob"); done
    driver run --profile "$profile" --target "$url" --rate "$1" --duration "${probe_seconds}s" "${knobs[@]}" \
        --seed "$2" --report-dir "$work/probes" --report-name "probe-$2" --no-live > "$work/probe-$2.log" 2>&1 \
        && [[ -f $work/probes/probe-$2.json ]] \
        && $py probe "$results" "$work/probes/probe-$2.json" "$1"
}
rate=
if [[ $driver_ok == 1 && $rate_arg == auto ]]; then
    echo "== rate probe: $profile at rising peak rates, ${probe_seconds}-s runs, from $probe_start/s ×$probe_factor until errors > 0 or p99 > 1 s"
    put rate "$(printf '{"mode": "auto", "probe_seconds": %s, "probes": []}' "$probe_seconds")"
    candidate=$probe_start
    good=
    direction=up
    for step in $(seq 1 "$probe_steps"); do
        if ! read -r probe_failed probe_p99 < <(probe "$candidate" "$step"); then
            tail -n 20 "$work/probe-$step.log" | sed 's/^/    /'
            fail "a rate probe of the $profile profile could not run (log above)"
            break
        fi
        sustained=$(awk -v f="$probe_failed" -v p="$probe_p99" 'BEGIN { print (f == 0 && p <= 1000) ? 1 : 0 }')
        echo "   $candidate/s: failed $probe_failed, worst p99 $probe_p99 ms → $([[ $sustained == 1 ]] && echo sustained || echo 'not sustained')"
        if [[ $sustained == 1 ]]; then
            good=$candidate
            [[ $direction == up ]] || break
            candidate=$(calc "$candidate * $probe_factor")
        else
            [[ -z $good ]] || break
            # Not even the starting rate: go down until one is sustained.
            direction=down
            candidate=$(calc "$candidate / 2")
        fi
    done
    if [[ -n $good ]]; then
        rate=$(calc "$good * 0.8")
        echo "   highest sustained probe: $good/s → the runs use 80 %: $rate/s"
    else
        fail "no probed rate of the $profile profile ran without errors within p99 1 s"
    fi
elif [[ $rate_arg != auto ]]; then
    rate=$rate_arg
    put rate "$(printf '{"mode": "fixed", "probes": []}')"
fi
[[ -z $rate ]] || put rate.value "$rate"

# profile_args NAME TARGET DURATION JOURNAL [RATE]: sets profile_cmd to the driver's command line for the profile at
# RATE (default $rate), reports into $docs_dir/load/NAME.*.
profile_args() {
    profile_cmd=(dotnet "$load_dll" run --profile "$profile" --target "$2" --rate "${5:-$rate}" --duration "$3" --journal "$4"
        --report-dir "$docs_dir/load" --report-name "$1" --no-live)
}

# keep_run_log NAME: the driver's run log (DIR/NAME.log, every iteration's problems) is too big for docs/; it goes next
# to the console log.
keep_run_log() {
    [[ -f $docs_dir/load/$1.log ]] || return 0
    mv "$docs_dir/load/$1.log" "${log%.log}-$1.log"
    echo "   driver log: ${log%.log}-$1.log"
}

# verify_journal KEY TARGET JOURNAL: reads every acknowledged write back; results under KEY; prints "N L".
verify_journal() {
    local rc=0
    driver verify --target "$2" --journal "$3" > "$work/verify-$1.txt" 2>&1 || rc=$?
    sed 's/^/    /' "$work/verify-$1.txt" >&2
    $py verify "$results" "$1.verify" "$work/verify-$1.txt" "$rc"
}

# check_verify WHAT N L: a failed check unless L is 0.
check_verify() {
    if [[ $2 == -1 ]]; then
        fail "verify after the $1 run gave no count (output above)"
    elif [[ $3 != 0 ]]; then
        echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        echo "!!! $1: $3 ACKNOWLEDGED WRITES LOST (of $2 verified)"
        echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        fail "$1: $3 acknowledged writes lost"
    fi
}

# ---- 4. Double-11 against the single silo ----
mkdir -p "$docs_dir/load"
if [[ -n $rate ]]; then
    echo "== Double-11 on one silo: $profile, $duration, $rate/s at peak, journal $work/journal-single.jsonl"
    put single "$(printf '{"duration": "%s", "report": "load/double11-single.json"}' "$duration")"
    profile_args double11-single "$url" "$duration" "$work/journal-single.jsonl"
    if "${profile_cmd[@]}" > >(sed -u 's/^/    /') 2>&1; then
        keep_run_log double11-single
        put single.journal_writes "$(cat "$work/journal-single.jsonl" 2>/dev/null | wc -l)"
        echo "== verify against the silo"
        read -r verified lost < <(verify_journal single "$url" "$work/journal-single.jsonl")
        echo "   verified $verified, lost $lost"
        check_verify "one silo" "$verified" "$lost"
    else
        fail "the Double-11 run against one silo did not complete"
    fi
fi
# The baselines get the machine to themselves.
kill "$single_pid" 2>/dev/null || true
for _ in $(seq 1 300); do kill -0 "$single_pid" 2>/dev/null || break; sleep 0.1; done
kill -9 "$single_pid" 2>/dev/null || true

# ---- 5. baselines ----
echo "== pgbench on the same server: scale $pgbench_scale, -c $pgbench_clients -j 2 -T $baseline_seconds, select-only (-S) and simple-update (-N)"
pgb=("$pgbin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres)
"${pgb[@]}" -i -q -s "$pgbench_scale" pgbench > "$work/pgbench-init.log" 2>&1 || { cat "$work/pgbench-init.log"; fail "pgbench -i failed"; }
pgbench_tps() {   # pgbench_tps MODE-FLAG → TPS
    local out
    out=$("${pgb[@]}" "$1" -c "$pgbench_clients" -j 2 -T "$baseline_seconds" pgbench 2>&1) || { echo "$out" >&2; return 1; }
    echo "$out" | grep -E '^(latency average|tps)' | sed 's/^/    /' >&2
    echo "$out" | awk '$1 == "tps" && !done { print $3; done = 1 }'
}
select_tps=$(pgbench_tps -S || true)
update_tps=$(pgbench_tps -N || true)
[[ -n $select_tps && -n $update_tps ]] || fail "pgbench gave no TPS"
put baselines.pgbench "$(printf '{"clients": %s, "threads": 2, "seconds": %s, "scale": %s, "select_tps": %s, "update_tps": %s}' \
    "$pgbench_clients" "$baseline_seconds" "$pgbench_scale" "${select_tps:-null}" "${update_tps:-null}")"
echo "   select-only ${select_tps:-?} TPS, simple-update ${update_tps:-?} TPS"

redis_requests=$([[ $quick == 1 ]] && echo 100000 || echo 1000000)
echo "== Redis: EVALSHA flash_sale.lua (check-and-decrement), redis-benchmark -c $http_connections --threads 2"
start_redis "$work/redis"
redis_everysec=$(redis_flash_sale_rate "$http_connections" 2 "$redis_requests" || true)
redis-cli -p "$redis_port" CONFIG SET appendfsync always > /dev/null
redis_always=$(redis_flash_sale_rate "$http_connections" 2 $(( redis_requests / 5 )) || true)
[[ -n $redis_everysec && -n $redis_always ]] || fail "redis-benchmark gave no figure"
stop_redis
redis_port=
echo "   appendfsync everysec: ${redis_everysec:-?} decrements/s; always: ${redis_always:-?} decrements/s"
put baselines.redis "$(printf '{"clients": %s, "everysec": %s, "always": %s}' "$http_connections" "${redis_everysec:-null}" "${redis_always:-null}")"

echo "== fastText: Banking77 (fasttext supervised, $ft_epochs epochs), predictions/s on one thread"
if [[ -f $nlu_data/banking77/train.csv && -f $nlu_data/banking77/test.csv ]]; then
    mkdir -p "$work/fasttext"
    python3 "$root/benchmarks/nlu_vs_fasttext.py" to-fasttext "$nlu_data/banking77/train.csv" "$work/fasttext/train.txt" "$work/fasttext/labels.json"
    python3 "$root/benchmarks/nlu_vs_fasttext.py" texts "$nlu_data/banking77/test.csv" "$work/fasttext/test.txt"
    ft_rate=
    # shellcheck disable=SC2086
    if fasttext supervised -input "$work/fasttext/train.txt" -output "$work/fasttext/ft" ${fasttext_args/-epoch 50/-epoch $ft_epochs} -verbose 0; then
        read -r ft_rate ft_load < <(fasttext_prediction_rate "$work/fasttext/ft.bin" "$work/fasttext/test.txt" 20) || true
    fi
    rm -f "$work/fasttext/ft.bin" "$work/fasttext/ft.vec"   # about 800 MB
    if [[ -n $ft_rate ]]; then
        echo "   $ft_rate predictions/s (model load ${ft_load} s, not counted)"
        put baselines.fasttext "$(printf '{"per_second": %s, "load_seconds": %s, "epochs": %s}' "$ft_rate" "$ft_load" "$ft_epochs")"
    else
        fail "fastText gave no prediction rate"
    fi
else
    fail "fastText baseline skipped: no Banking77 data under $nlu_data (set NLU_BENCH_DATA)"
fi

# stamp_lines FILE: copies stdin to the console (indented) and to FILE, each line there prefixed with the epoch time.
stamp_lines() {
    local line
    while IFS= read -r line; do
        printf '%s %s\n' "$EPOCHREALTIME" "$line" >> "$1"
        printf '    %s\n' "$line"
    done
}

# wait_load_start FILE PID: the epoch time at which the driver's load started, from its first plain progress line
# ("[  E/T s] scenario phase: ...", printed at E seconds after the load started; init comes before). Timeline seconds
# of the report count from there (the profile has no warm-up). Fails when the driver exits first or after 600 s.
wait_load_start() {
    local first
    for _ in $(seq 1 6000); do
        first=$(grep -m 1 -E '^[0-9.]+ \[ *[0-9]+/[0-9]+ s\]' "$1" 2>/dev/null || true)
        if [[ -n $first ]]; then
            echo "$first" | awk '{ t = $1; sub(/^[0-9.]+ \[ */, ""); split($0, e, "/"); printf "%.3f", t - e[1] }'
            return 0
        fi
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# ---- 6. three silos behind haproxy, one SIGKILLed mid-peak ----
run_id=run-all-$(date -u +%Y%m%d%H%M%S)
export CommerceBrain__Cluster__ServiceId=$run_id   # this run's grain state and membership rows only
haproxy_port=$(( http_base + 90 ))
echo "== cluster: 3 silos (cluster id $run_id, database 'cluster') behind haproxy on 127.0.0.1:$haproxy_port"
declare -a cluster_pid cluster_http
for i in 0 1 2; do
    cluster_http[i]=$(( http_base + 1 + i ))
    start_silo "c$i" "${cluster_http[i]}" $(( silo_base + 1 + i )) cluster --cluster --cluster-id "$run_id" --advertised-address 127.0.0.1
    cluster_pid[i]=$silo_pid
    # The first silo migrates the database and seeds the demo data alone.
    [[ $i != 0 ]] || wait_ready "http://127.0.0.1:${cluster_http[0]}" "${cluster_pid[0]}" "$work/silo-c0.log"
done
for i in 1 2; do wait_ready "http://127.0.0.1:${cluster_http[i]}" "${cluster_pid[i]}" "$work/silo-c$i.log"; done

cat > "$work/haproxy.cfg" <<EOF
global
    # Each connection takes two descriptors (client and silo side): this stays under the usual ulimit -n.
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout queue 10s
    timeout http-keep-alive 10s
    # A session's live stream (WebSocket) may stay quiet while a hand-over waits for an agent.
    timeout tunnel 10m
    # A request whose connection to a silo fails goes to another silo (connection failures only: a request a silo has
    # received is never sent twice).
    retries 3
    option redispatch

frontend commercebrain
    bind 127.0.0.1:$haproxy_port
    default_backend silos

backend silos
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server c0 127.0.0.1:${cluster_http[0]} check
    server c1 127.0.0.1:${cluster_http[1]} check
    server c2 127.0.0.1:${cluster_http[2]} check
EOF
lb=http://127.0.0.1:$haproxy_port
lb_ready=0
haproxy -c -q -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 || true
haproxy -db -f "$work/haproxy.cfg" >> "$work/haproxy.log" 2>&1 &
haproxy_pid=$!
for _ in $(seq 1 100); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$lb/health/ready") == 200 ]] && { lb_ready=1; break; }
    kill -0 "$haproxy_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ $lb_ready == 1 ]]; then
    echo "   haproxy: roundrobin, health check GET /health/ready every 1 s, retries 3, option redispatch (config $work/haproxy.cfg)"
else
    sed 's/^/    /' "$work/haproxy.log"
    fail "haproxy did not answer /health/ready within 10 s (log above): no cluster run"
fi

victim=1
put cluster "$(printf '{"silos": 3, "duration": "%s", "victim": "c%s", "report": "load/double11-cluster.json"}' "$cluster_duration" "$victim")"
if [[ -n $rate && $lb_ready == 1 ]]; then
    journal=$work/journal-cluster.jsonl
    cluster_rate=$(calc "$rate * $cluster_factor")
    put cluster.rate "$cluster_rate"
    put cluster.rate_factor "$cluster_factor"
    put cluster.warmup_s "$cluster_warmup_s"
    # Fresh silos: JIT, connection pools and first activations, as the single silo had during the probes; not reported.
    echo "== cluster warm-up: $profile through haproxy for ${cluster_warmup_s} s at $(calc "$cluster_rate / 4")/s at peak (not counted)"
    dotnet "$load_dll" run --profile "$profile" --target "$lb" --rate "$(calc "$cluster_rate / 4")" --duration "${cluster_warmup_s}s" \
        --report-dir "$work/warmup" --report-name cluster-warmup --no-live > "$work/cluster-warmup.log" 2>&1 \
        || { tail -n 5 "$work/cluster-warmup.log" | sed 's/^/    /'; echo "   (the warm-up run failed; going on)"; }
    echo "== Double-11 through haproxy: $cluster_duration, $cluster_rate/s at peak ($cluster_factor × the single silo's); silo c$victim is SIGKILLed at mid-peak ($peak_at of the run)"
    progress=$work/cluster-progress.txt
    # Started directly (not through a function) so that $! is the driver itself; every output line is stamped with the
    # wall clock, so that the load's start is known from the driver's progress lines.
    profile_args double11-cluster "$lb" "$cluster_duration" "$journal" "$cluster_rate"
    "${profile_cmd[@]}" > >(stamp_lines "$progress") 2>&1 &
    driver_pid=$!
    if load_started=$(wait_load_start "$progress" "$driver_pid"); then
        sleep "$(calc "$cluster_s * $peak_at - ($EPOCHREALTIME - $load_started)")" 2>/dev/null || true
        kill_t=$(calc "$EPOCHREALTIME - $load_started")
        if kill -0 "$driver_pid" 2>/dev/null; then
            kill -9 "${cluster_pid[victim]}"
            echo "== SIGKILL silo c$victim (pid ${cluster_pid[victim]}) at $(date -u '+%H:%M:%S') UTC, $(printf '%.1f' "$kill_t") s into the load"
        else
            kill_t=
            fail "the cluster run ended before the kill"
        fi
    else
        kill_t=
        fail "the driver printed no progress line through haproxy: no kill"
    fi
    driver_rc=0
    wait "$driver_pid" || driver_rc=$?
    driver_pid=
    keep_run_log double11-cluster
    if [[ $driver_rc == 0 && -f $docs_dir/load/double11-cluster.json ]]; then
        put cluster.journal_writes "$(cat "$journal" 2>/dev/null | wc -l)"
        if [[ -n $kill_t ]] && read -r kill_t failed_after recovery < <($py kill-cost "$results" "$docs_dir/load/double11-cluster.json" "$kill_t"); then
            echo "   kill at t = $kill_t s: failed iterations from then on: $failed_after; recovery: $([[ $recovery == -1 ]] && echo 'never within the run' || echo "$recovery s")"
            [[ $recovery != -1 ]] || fail "the cluster did not recover from the kill within the run (failed never stayed 0 for 10 s)"
        fi
        echo "== verify through haproxy"
        read -r verified lost < <(verify_journal cluster "$lb" "$journal")
        echo "   verified $verified, lost $lost"
        check_verify "cluster after the kill" "$verified" "$lost"
    else
        fail "the Double-11 run through haproxy did not complete (exit $driver_rc)"
    fi
fi

# ---- 7. docs ----
put finished "$(json_str "$(date -u '+%H:%M UTC')")"
put machine.load_end "$(json_str "$(cut -d ' ' -f 1-3 /proc/loadavg)")"
put failures "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "${failures[@]}")"
echo
echo "== $docs_dir/benchmarks.md (run-all block)"
$py render "$results" "$docs_dir/benchmarks.md"
cp "$results" "$docs_dir/load/run-all-results.json"
echo
if [[ ${#failures[@]} -gt 0 ]]; then
    echo "== FAILED CHECKS (${#failures[@]}):"
    printf '   - %s\n' "${failures[@]}"
    exit 1
fi
echo "== all checks passed"
