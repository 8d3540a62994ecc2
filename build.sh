#!/usr/bin/env bash
# CommerceBrain's two entry points on a fresh machine:
#   ./build.sh run [serve options]   build and start a silo on embedded SQLite (./data), http://localhost:5080
#                                    (Development unless ASPNETCORE_ENVIRONMENT or --environment says otherwise)
#   ./build.sh test                  run every test; starts a throw-away PostgreSQL on a free loopback port
# 'test' installs the Debian packages 'postgresql' (PostgreSQL tests) and 'chromium' (browser tests) with apt-get when
# they are missing and it runs as root, and nothing else. Test results (trx) land in artifacts/test-results/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd)"
RESULTS_DIR="$ROOT/artifacts/test-results"

log() { printf 'build.sh: %s\n' "$*" >&2; }

usage() {
  cat >&2 <<'USAGE'
usage: ./build.sh run [serve options]   build and start a silo (see: ./build.sh run --help)
       ./build.sh test                  run every test project (PostgreSQL tests included)
USAGE
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    log "the .NET SDK (dotnet, see global.json) is required and was not found on PATH"
    exit 127
  fi
}

APT_UPDATED=""

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [[ -z "$APT_UPDATED" ]]; then
    apt-get update -qq
    APT_UPDATED=1
  fi
  apt-get install -y -qq "$@" >/dev/null
}

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
ensure_chromium() {
  local chromium="${COMMERCEBRAIN_CHROMIUM:-/usr/bin/chromium}"
  [[ -x "$chromium" ]] && return
  if [[ "$(id -u)" -ne 0 ]]; then
    log "Chromium ($chromium) is missing: the browser tests will fail; install it with 'apt-get install chromium'"
    return
  fi
  log "installing Chromium (apt-get install -y chromium) for the browser tests"
  apt_install chromium
}

# Prints the directory holding initdb/pg_ctl/postgres, or nothing.
find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      echo "$dir"
      return
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

ensure_postgres() {
  PG_BIN="$(find_pg_bin)"
  if [[ -z "$PG_BIN" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
      log "PostgreSQL server binaries (initdb, pg_ctl) are missing; install the Debian package 'postgresql' or run as root"
      exit 1
    fi
    log "installing PostgreSQL (apt-get install -y postgresql) for the PostgreSQL tests"
    apt_install postgresql
    PG_BIN="$(find_pg_bin)"
    [[ -n "$PG_BIN" ]] || { log "PostgreSQL was installed but initdb was not found under /usr/lib/postgresql/*/bin"; exit 1; }
  fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free loopback port found"
  exit 1
}

PG_TMP=""
PG_RUN_AS=()

stop_postgres() {
  if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
    if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then
      "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
  fi
}

start_postgres() {
  ensure_postgres
  PG_TMP="$(mktemp -d /tmp/commercebrain-pg.XXXXXX)"
  trap stop_postgres EXIT
  trap 'exit 130' INT TERM
  if [[ "$(id -u)" -eq 0 ]]; then
    # initdb refuses to run as root: the cluster belongs to an unprivileged account.
    local owner=postgres
    if ! id "$owner" >/dev/null 2>&1; then
      log "creating system user '$owner' to own the throw-away PostgreSQL cluster"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    chown "$owner" "$PG_TMP"
    PG_RUN_AS=(runuser -u "$owner" --)
  fi
  "${PG_RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; log "initdb failed"; exit 1; }
  # Loopback TCP only; the Unix socket lives in the temp directory so nothing else on the machine is touched.
  # A port can be taken between the check and the start, so a failed start tries another one.
  local port attempt
  for attempt in 1 2 3; do
    port="$(free_port)"
    if "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_TMP -c max_connections=200" start >/dev/null; then
      break
    fi
    if [[ "$attempt" -eq 3 ]]; then
      cat "$PG_TMP/postgres.log" >&2
      log "PostgreSQL did not start"
      exit 1
    fi
  done
  export COMMERCEBRAIN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "throw-away PostgreSQL on 127.0.0.1:$port ($PG_TMP)"
}

cmd_run() {
  require_dotnet
  # dotnet run starts in the project folder; keep the default data directory at the repository root (./data).
  export CommerceBrain__DataDirectory="${CommerceBrain__DataDirectory:-$ROOT/data}"
  # A demo by default: Development gives the chat page its demo customers (/api/dev/tokens). An explicit
  # ASPNETCORE_ENVIRONMENT, or --environment (which wins over it), chooses otherwise.
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-${DOTNET_ENVIRONMENT:-Development}}"
  exec dotnet run -c Release --project src/CommerceBrain.Silo -- serve "$@"
}

cmd_test() {
  require_dotnet
  ensure_chromium
  start_postgres
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"
  local status=0
  # A hung test fails its project after the timeout (with a dump) instead of eating the CI time.
  dotnet test CommerceBrain.sln -c Release \
    --blame-hang-timeout "${TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type mini \
    --logger "console;verbosity=normal" \
    --logger "trx" \
    --results-directory "$RESULTS_DIR" || status=$?
  return "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  -h|--help|help) usage ;;
  *) usage; exit 2 ;;
esac
