#!/usr/bin/env bash
# Failover time of a CommerceBrain cluster: N silo processes (`commercebrain serve --cluster`) on this machine share one
# PostgreSQL database; each repetition spreads fresh counters over the silos, SIGKILLs one silo and polls every counter
# through the survivors until all of them answer. Prints, per repetition and as min/median/max:
#   served — SIGKILL → every counter has answered 200 through a survivor, so every grain the killed silo hosted is back
#            in service on another silo (per counter: start of its polling round + curl's time_total);
#   dead   — SIGKILL → the killed silo's row in orleansmembershiptable has left status Active (declared Dead).
# The killed silo is restarted (new ports, new generation) before the next repetition, so every repetition has N silos.
# With --pause-check S, one silo is then frozen with SIGSTOP for S seconds (a long GC pause, CPU starvation) and
# resumed: the script reports whether the cluster declared it dead.
#
#   benchmarks/failover.sh [--connection-string CS] [--silos N] [--repetitions R] [--counters K]
#
#   --connection-string CS  Npgsql connection string of an existing database (the silos migrate it; the run uses its own
#                           cluster id and service id, so it does not touch other data). Default: a throw-away PostgreSQL
#                           server started here (needs /usr/lib/postgresql/*/bin, as ./build.sh test does).
#   --silos N               silos in the cluster (default 3, at least 2)
#   --repetitions R         kills (default 5); the victim rotates over the silos
#   --counters K            counters per repetition (default 24)
#   --pause-check S         afterwards freeze one silo for S seconds and report whether it was declared dead
# Environment: PORT (throw-away server, default 55442), HTTP_BASE (default 18200), SILO_BASE (default 12200); any
# CommerceBrain__Cluster__* variable (e.g. CommerceBrain__Cluster__ProbeTimeoutSeconds=5) reaches every silo.
# Needs curl (7.66+ for --parallel) and psql. Takes about a minute plus 10-30 s per repetition on 2 cores.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SILOS=3
REPETITIONS=5
COUNTERS=24
CONNECTION=""
PAUSE=""
COMMAND="benchmarks/failover.sh"
while [[ $# -gt 0 ]]; do
  case $1 in
    --connection-string) CONNECTION=$2; COMMAND+=" --connection-string '…'"; shift 2 ;;
    --silos) SILOS=$2; COMMAND+=" --silos $2"; shift 2 ;;
    --repetitions) REPETITIONS=$2; COMMAND+=" --repetitions $2"; shift 2 ;;
    --counters) COUNTERS=$2; COMMAND+=" --counters $2"; shift 2 ;;
    --pause-check) PAUSE=$2; COMMAND+=" --pause-check $2"; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "failover.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
  esac
done
[[ $SILOS =~ ^[0-9]+$ && $SILOS -ge 2 ]] || { echo "failover.sh: --silos must be 2 or more" >&2; exit 64; }
[[ $REPETITIONS =~ ^[0-9]+$ && $REPETITIONS -ge 1 ]] || { echo "failover.sh: --repetitions must be 1 or more" >&2; exit 64; }
[[ $COUNTERS =~ ^[0-9]+$ && $COUNTERS -ge $SILOS ]] || { echo "failover.sh: --counters must be at least --silos" >&2; exit 64; }
[[ -z $PAUSE || $PAUSE =~ ^[0-9]+$ ]] || { echo "failover.sh: --pause-check takes whole seconds" >&2; exit 64; }

PORT="${PORT:-55442}"
NEXT_HTTP="${HTTP_BASE:-18200}"
NEXT_SILO="${SILO_BASE:-12200}"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PSQL="$(command -v psql || echo "$PGBIN/psql")"
WORK="$(mktemp -d /tmp/cb-failover.XXXXXX)"
SILO_DLL="$ROOT/src/CommerceBrain.Silo/bin/Release/net10.0/commercebrain.dll"
RUN_ID="failover-$(date -u +%Y%m%d%H%M%S)"
PGDATA=""
declare -a PID HTTP SILO_PORT

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

cleanup() {
  for pid in "${PID[@]:-}"; do [[ -n $pid ]] && kill -9 "$pid" 2>/dev/null || true; done
  if [[ -n $PGDATA ]]; then as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -m immediate stop" >/dev/null 2>&1 || true; fi
  if [[ -n ${KEEP_WORK:-} ]]; then echo "== logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# Npgsql "Key=Value;..." → libpq "key=value ..." for psql (Host, Port, Username/User ID, Password, Database).
libpq_conninfo() {
  local out="" pair key value
  IFS=';' read -ra pairs <<<"$1"
  for pair in "${pairs[@]}"; do
    [[ $pair == *=* ]] || continue
    key="$(echo "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"; value="${pair#*=}"
    case $key in
      host|server) out+=" host='$value'" ;;
      port) out+=" port='$value'" ;;
      username|userid|user) out+=" user='$value'" ;;
      password) out+=" password='$value'" ;;
      database) out+=" dbname='$value'" ;;
    esac
  done
  echo "$out"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

sql() { "$PSQL" -At -q "$PG_CONNINFO" -c "$1"; }

active_silos() { sql "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '$RUN_ID' AND status = 3"; }

start_silo() { # index
  local i=$1
  HTTP[$i]=$NEXT_HTTP; SILO_PORT[$i]=$NEXT_SILO; NEXT_HTTP=$((NEXT_HTTP + 1)); NEXT_SILO=$((NEXT_SILO + 1))
  mkdir -p "$WORK/data-$i"
  dotnet "$SILO_DLL" serve --storage PostgreSql --connection-string "$CONNECTION" \
    --cluster --cluster-id "$RUN_ID" --silo-port "${SILO_PORT[$i]}" --advertised-address 127.0.0.1 \
    --urls "http://127.0.0.1:${HTTP[$i]}" --data-dir "$WORK/data-$i" >>"$WORK/silo-$i.log" 2>&1 &
  PID[$i]=$!
  disown "$!"   # no "Killed" notice from bash when a repetition SIGKILLs it
}

wait_ready() { # index
  local i=$1 deadline=$(( $(now_ms) + 300000 ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:${HTTP[$i]}/health/ready" || true)" == 200 ]]; do
    if ! kill -0 "${PID[$i]}" 2>/dev/null; then echo "silo $i exited during start-up:" >&2; tail -20 "$WORK/silo-$i.log" >&2; exit 1; fi
    [[ $(now_ms) -lt $deadline ]] || { echo "silo $i not ready after 300 s:" >&2; tail -20 "$WORK/silo-$i.log" >&2; exit 1; }
    sleep 0.5
  done
}

wait_active() { # expected count
  local deadline=$(( $(now_ms) + 120000 ))
  until [[ "$(active_silos)" == "$1" ]]; do
    [[ $(now_ms) -lt $deadline ]] || { echo "the membership table did not show $1 active silos in 120 s" >&2; exit 1; }
    sleep 0.5
  done
}

counter_activations() { # index → this silo's activations of CounterGrain (Orleans' orleans_grains gauge)
  curl -s -m 10 "http://127.0.0.1:${HTTP[$1]}/metrics" \
    | awk '/^orleans_grains\{/ && /grain_type="counter"/ { n += $NF } END { print n + 0 }'
}

stats() { # numbers (ms) → "min/median/max" in seconds
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f / %.1f / %.1f s", v[1] / 1000, m / 1000, v[NR] / 1000 }'
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== command: $COMMAND"
echo "== building the silo (Release)"
dotnet build -c Release "$ROOT/src/CommerceBrain.Silo" -v q -nologo >/dev/null

if [[ -z $CONNECTION ]]; then
  [[ -x $PGBIN/initdb ]] || { echo "failover.sh: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install 'postgresql' or pass --connection-string" >&2; exit 1; }
  PGDATA="$WORK/pgdata"
  echo "== starting throw-away PostgreSQL on 127.0.0.1:$PORT ($PGDATA)"
  [ "$(id -u)" = "0" ] && chown postgres "$WORK"
  as_postgres "'$PGBIN/initdb' -D '$PGDATA' -A trust -U postgres --no-sync" >/dev/null
  as_postgres "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$WORK/server.log' -w -o \"-p $PORT -k '$WORK' -h 127.0.0.1 -c max_connections=300\" start" >/dev/null
  "$PSQL" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE failover" postgres
  CONNECTION="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=failover"
fi
PG_CONNINFO="$(libpq_conninfo "$CONNECTION")"

# Each run is its own cluster and service: membership rows and grain state of other runs are never read.
export CommerceBrain__Cluster__ServiceId="$RUN_ID"
# Silo 0 trains the demo NLU models once; the others load them.
export CommerceBrain__Nlu__ModelDirectory="$WORK/models"
echo "== starting $SILOS silos (cluster id $RUN_ID, logs in $WORK)"
start_silo 0
wait_ready 0
for i in $(seq 1 $((SILOS - 1))); do start_silo "$i"; done
for i in $(seq 1 $((SILOS - 1))); do wait_ready "$i"; done
wait_active "$SILOS"
echo "== membership: $(grep -m1 -o 'ClusterMembershipOptions: .*' "$WORK/silo-0.log" | grep -o -E '(ProbeTimeout|MinProbeTimeout|MaxProbeTimeout|NumMissedProbesLimit|NumVotesForDeathDeclaration|DeathVoteExpirationTimeout|IAmAliveTablePublishTimeout|TableRefreshTimeout|EnableIndirectProbes|EnableConnectionLivenessCheck): [^ ]+' | paste -sd' ')"

declare -a SERVED DEAD
for r in $(seq 1 "$REPETITIONS"); do
  victim=$(( (r - 1) % SILOS ))
  survivors=(); for i in $(seq 0 $((SILOS - 1))); do [[ $i -ne $victim ]] && survivors+=("$i"); done
  names=(); for k in $(seq 1 "$COUNTERS"); do names+=("rep$r-c$k"); done

  # First calls through every front-end: placement favours the silo a call enters through, so all silos get some.
  before=$(counter_activations "$victim")
  for k in "${!names[@]}"; do
    curl -s -o /dev/null -m 30 "http://127.0.0.1:${HTTP[$(( k % SILOS ))]}/api/diagnostics/counters/${names[$k]}"
  done
  sleep 1   # the Prometheus scrape is cached for a moment
  on_victim=$(( $(counter_activations "$victim") - before ))

  t0=$(now_ms)
  kill -9 "${PID[$victim]}"
  victim_port=${SILO_PORT[$victim]}
  ( until [[ "$(sql "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '$RUN_ID' AND port = $victim_port AND status = 3")" == 0 ]]; do
      (( $(now_ms) - t0 < 180000 )) || { echo "rep $r: the killed silo was still Active in the membership table after 180 s" >&2; exit 1; }
      sleep 0.1
    done
    echo $(( $(now_ms) - t0 )) >"$WORK/dead-$r" ) &
  detector=$!

  # Poll every pending counter through one survivor per round (alternating), all in parallel in one curl.
  declare -A answered=() failed=()
  pending=("${names[@]}"); round=0
  while [[ ${#pending[@]} -gt 0 ]]; do
    (( $(now_ms) - t0 < 180000 )) || { echo "rep $r: ${#pending[@]} counters still failing after 180 s" >&2; exit 1; }
    via=${survivors[$(( round % ${#survivors[@]} ))]}; round=$((round + 1))
    args=(); for n in "${pending[@]}"; do args+=(-o /dev/null "http://127.0.0.1:${HTTP[$via]}/api/diagnostics/counters/$n"); done
    started=$(( $(now_ms) - t0 ))
    result="$(curl -s --no-progress-meter --parallel --parallel-max 64 -m 5 -w '%{http_code} %{time_total} %{url_effective}\n' "${args[@]}" || true)"
    while read -r code seconds url; do
      [[ -n ${url:-} ]] || continue
      n="${url##*/}"
      if [[ $code == 200 ]]; then
        answered[$n]=$(awk -v s="$started" -v t="$seconds" 'BEGIN { printf "%d", s + t * 1000 }')
      else
        failed[$n]=1
      fi
    done <<<"$result"
    still=(); for n in "${pending[@]}"; do [[ -z ${answered[$n]:-} ]] && still+=("$n"); done
    pending=("${still[@]}")
    [[ ${#pending[@]} -eq 0 ]] || sleep 0.05
  done
  served_ms=$(printf '%s\n' "${answered[@]}" | sort -n | tail -1)
  wait "$detector" || exit 1
  dead_ms=$(cat "$WORK/dead-$r")
  SERVED+=("$served_ms"); DEAD+=("$dead_ms")
  printf '== rep %d: killed silo %d (it hosted %d of the %d new counters): all served %.1f s, declared dead %.1f s; %d counters answered non-200 at least once\n' \
    "$r" "$victim" "$on_victim" "$COUNTERS" "$(awk -v m="$served_ms" 'BEGIN { print m / 1000 }')" \
    "$(awk -v m="$dead_ms" 'BEGIN { print m / 1000 }')" "${#failed[@]}"
  unset answered failed

  if [[ $r -lt $REPETITIONS ]]; then
    start_silo "$victim"
    wait_ready "$victim"
    wait_active "$SILOS"
  fi
done

echo "== RESULT ($SILOS silos, $REPETITIONS kills, $COUNTERS counters each; min / median / max)"
echo "   SIGKILL → every grain of the killed silo served by a survivor: $(stats "${SERVED[@]}")"
echo "   SIGKILL → declared Dead in the membership table:               $(stats "${DEAD[@]}")"

if [[ -n $PAUSE ]]; then
  # The last victim was not restarted: freeze a survivor.
  frozen=${survivors[0]}
  echo "== pause check: SIGSTOP silo $frozen for $PAUSE s, then SIGCONT"
  kill -STOP "${PID[$frozen]}"; sleep "$PAUSE"; kill -CONT "${PID[$frozen]}"
  sleep 3
  status="$(sql "SELECT status FROM orleansmembershiptable WHERE deploymentid = '$RUN_ID' AND port = ${SILO_PORT[$frozen]}")"
  if kill -0 "${PID[$frozen]}" 2>/dev/null && [[ $status == 3 ]]; then
    echo "   frozen $PAUSE s: still Active and running (not declared dead)"
  else
    echo "   frozen $PAUSE s: declared dead (status $status); the silo $(kill -0 "${PID[$frozen]}" 2>/dev/null && echo 'is still running' || echo 'stopped itself')"
  fi
fi
