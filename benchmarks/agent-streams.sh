#!/usr/bin/env bash
# Live fan-out to agents, in one command: customer messages sent at a fixed rate reach 1,000 concurrent agent WebSocket streams.
#   - a fresh silo (SQLite, Development so the dev token endpoint mints tokens, Orleans Dashboard off as in production,
#     rate limits raised above what the benchmark sends, demo shop data not seeded: no order is looked up) on free ports;
#     its SLA clocks are set to an hour because the benchmark's agents never answer and breaches are not what is measured;
#   - benchmarks/CommerceBrain.Agents.Benchmarks: AGENTS agents go online (capacity SESSIONS/AGENTS each; default 100
#     agents holding 10 sessions each: agents poll GET /api/agents/me for their assignments during set-up, and a
#     thousand pollers slow the set-up, not the measurement), SESSIONS customers (c-00001 ...) open a session each and
#     ask for a person, every agent attaches to the sessions the queue assigns it and follows each over
#     GET /api/sessions/{id}/stream (one WebSocket per session: SESSIONS concurrent agent streams);
#   - then customers send RATE messages/s in total for DURATION s (open model: message k is due at k / RATE whatever came
#     before, round robin over the sessions); delivery latency = arrival on the agent's stream − scheduled send time;
#     every acknowledged message must arrive exactly once, in order (event ids), or the run fails; the silo's CPU time
#     over the load comes from /proc.
# Usage: benchmarks/agent-streams.sh   (env: SESSIONS=1000 AGENTS=SESSIONS/10 RATE=200 DURATION=60 NO_BUILD=1
#                                      URL=http://host:port to drive a silo already running in Development instead)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=benchmarks/lib.sh
source "$root/benchmarks/lib.sh"
sessions=${SESSIONS:-1000}
agents=${AGENTS:-}
rate=${RATE:-200}
seconds=${DURATION:-60}   # not SECONDS: bash keeps its own clock in that name
url=${URL:-}
silo_dll=$root/src/CommerceBrain.Silo/bin/Release/net10.0/commercebrain.dll
driver_dll=$root/benchmarks/CommerceBrain.Agents.Benchmarks/bin/Release/net10.0/CommerceBrain.Agents.Benchmarks.dll

# Bad figures stop the script before anything starts, in one line.
[[ $sessions =~ ^[0-9]+$ && $sessions -gt 0 ]] || { echo "agent-streams.sh: SESSIONS must be a whole number > 0 (got '$sessions')" >&2; exit 2; }
[[ -n $agents ]] || agents=$(( (sessions + 9) / 10 ))
[[ $agents =~ ^[0-9]+$ && $agents -gt 0 ]] || { echo "agent-streams.sh: AGENTS must be a whole number > 0 (got '$agents')" >&2; exit 2; }
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || { echo "agent-streams.sh: DURATION must be a whole number of seconds > 0 (got '$seconds')" >&2; exit 2; }
awk -v r="$rate" 'BEGIN { exit !(r ~ /^[0-9]*\.?[0-9]+$/ && r + 0 > 0) }' || { echo "agent-streams.sh: RATE must be messages per second > 0 (got '$rate')" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cb-agent-streams.XXXXXX")
silo_pid=
pgdata=
trap stop_silo_and_postgres EXIT

need dotnet "install the .NET 10 SDK"
need curl "install curl"
need python3 "install python3"

machine_header
echo "dotnet: $(dotnet --version)"

build_release src/CommerceBrain.Silo benchmarks/CommerceBrain.Agents.Benchmarks

pid_args=()
if [[ -z $url ]]; then
    http_port=$(free_port)
    silo_port=$(free_port)
    url=http://127.0.0.1:$http_port
    args=(serve --environment Development --urls "$url" --data-dir "$work/data" --silo-port "$silo_port")
    echo "== silo: dotnet commercebrain.dll ${args[*]}"
    CommerceBrain__RateLimits__PermitsPerSecond=100000 CommerceBrain__RateLimits__Burst=100000 CommerceBrain__Dashboard__Enabled=false \
    CommerceBrain__Commerce__SeedDemoData=false \
    CommerceBrain__Agents__FirstResponse=01:00:00 CommerceBrain__Agents__NextResponse=01:00:00 \
        dotnet "$silo_dll" "${args[@]}" > "$work/silo.log" 2>&1 &
    silo_pid=$!
    started=$(date +%s)
    wait_ready "$url" "$silo_pid" "$work/silo.log"
    echo "ready after $(( $(date +%s) - started )) s (models trained)"
    pid_args=(--silo-pid "$silo_pid")
else
    echo "== silo: $url (already running; its CPU is not measured)"
fi

echo "load average before the load: $(cut -d ' ' -f 1-3 /proc/loadavg)"
status=0
dotnet "$driver_dll" --url "$url" --sessions "$sessions" --agents "$agents" --rate "$rate" --seconds "$seconds" "${pid_args[@]}" || status=$?
echo "load average at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
if [[ $status != 0 && -n $silo_pid ]]; then
    echo "agent-streams.sh: the driver failed (exit $status); last lines of the silo's log:" >&2
    tail -n 20 "$work/silo.log" >&2
fi
exit "$status"
