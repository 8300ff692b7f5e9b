#!/usr/bin/env bash
# The project's one test command (CI runs exactly this through .ci/run).
#
#   scripts/test.sh [extra dotnet test arguments]
#   scripts/test.sh --filter Category=Postgres
#
# Works on a fresh Debian 12 machine with only the .NET SDK: installs the
# missing PostgreSQL / Redis / Chromium packages from apt, starts a throwaway
# PostgreSQL cluster and Redis server on free loopback ports, exports their
# addresses for the tests, runs `dotnet test Passport.sln` (all but the fault
# tests), then the fault tests alone (they start their own cluster with
# scripts/cluster.sh), and always tears everything down again. With extra
# arguments it runs `dotnet test Passport.sln ARGS` once instead. The exit code
# is dotnet test's exit code.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

log() { printf '==> %s\n' "$*"; }
die() { printf '==> error: %s\n' "$*" >&2; exit 1; }

# Root (CI) calls apt directly; a developer goes through sudo.
if [[ $EUID -eq 0 ]]; then
    SUDO=()
else
    SUDO=(sudo)
fi

WORKDIR=""      # throwaway dir: PostgreSQL data + socket, Redis pid/log
PG_BIN=""       # e.g. /usr/lib/postgresql/15/bin
PG_PORT=""
PG_STARTED=""
REDIS_PORT=""
REDIS_STARTED=""
TEST_PID=""

# ---------------------------------------------------------------------------
# Teardown: runs on every exit (success, test failure, error, Ctrl-C, TERM).
# ---------------------------------------------------------------------------
cleanup() {
    local rc=$?
    set +e
    if [[ -n $PG_STARTED ]]; then
        log "stopping PostgreSQL"
        # immediate: nothing in this cluster is worth a clean checkpoint.
        as_pg "$PG_BIN/pg_ctl" -D "$WORKDIR/pgdata" -m immediate -s stop >/dev/null 2>&1
    fi
    if [[ -n $REDIS_STARTED ]]; then
        log "stopping Redis"
        stop_redis
    fi
    if [[ -n $WORKDIR ]]; then
        rm -rf "$WORKDIR"
    fi
    exit "$rc"
}
trap cleanup EXIT

# A signal must end the script (so the EXIT trap runs) and also end the test
# run, which lives in its own session (see run_tests): stop it first, so no
# test host is left talking to a database we are about to remove.
on_signal() {
    trap - INT TERM HUP
    log "interrupted, cleaning up"
    stop_tests
    exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'on_signal 129' HUP

# TERM the whole process group of dotnet test (dotnet, MSBuild nodes,
# vstest.console, testhosts: killing only dotnet orphans the others), give it
# 10 s, then KILL what is left.
stop_tests() {
    [[ -n $TEST_PID ]] || return 0
    local i
    # (Plain pid as fallback, in case setsid has not run yet.)
    kill -TERM -- "-$TEST_PID" 2>/dev/null || kill -TERM "$TEST_PID" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        kill -0 -- "-$TEST_PID" 2>/dev/null || break
        sleep 0.2
    done
    kill -KILL -- "-$TEST_PID" 2>/dev/null || true
    wait "$TEST_PID" 2>/dev/null || true
    TEST_PID=""
}

as_pg() { run_in_as_postgres "$WORKDIR" "$@"; }

# ---------------------------------------------------------------------------
# 1. Install what is missing (one apt-get update, only if needed).
# ---------------------------------------------------------------------------
install_prerequisites() {
    command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
    command -v python3 >/dev/null || die "python3 is required (to pick free ports)"

    local missing=()
    find_pg_bin >/dev/null || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)   # pulls in redis-tools
    if command -v redis-server >/dev/null && ! command -v redis-cli >/dev/null; then
        missing+=(redis-tools)
    fi
    # Browser tests drive this binary through Playwright; never download one.
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)

    if ((${#missing[@]})); then
        if ((${#SUDO[@]})) && ! command -v sudo >/dev/null; then
            die "need root or sudo to install: ${missing[*]}"
        fi
        log "installing ${missing[*]}"
        "${SUDO[@]}" apt-get update -q
        # The postgresql/redis packages may start system services; we ignore them.
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi

    PG_BIN=$(find_pg_bin) || die "no PostgreSQL server binaries under /usr/lib/postgresql"
}

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster (not the Debian-managed one).
# ---------------------------------------------------------------------------
start_postgres() {
    local version locale
    version=$(basename "$(dirname "$PG_BIN")")

    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 ||
            useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown postgres: "$WORKDIR"
    fi

    PG_PORT=$(free_port)
    # C.UTF-8 is built into Debian 12's glibc; fall back to C elsewhere.
    locale=C
    grep -qixE 'c\.utf-?8' <<<"$(locale -a 2>/dev/null)" && locale=C.UTF-8

    as_pg "$PG_BIN/initdb" -D "$WORKDIR/pgdata" -A trust -U postgres --no-sync \
        --encoding=UTF8 --locale="$locale" >"$WORKDIR/initdb.log" 2>&1 ||
        { cat "$WORKDIR/initdb.log" >&2; die "initdb failed"; }

    PG_STARTED=1
    # Durability is pointless for a cluster we delete afterwards; the socket
    # goes into WORKDIR so it cannot clash with a system cluster in /run.
    as_pg "$PG_BIN/pg_ctl" -D "$WORKDIR/pgdata" -l "$WORKDIR/postgres.log" -w -s start \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORKDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" ||
        { cat "$WORKDIR/postgres.log" >&2; die "PostgreSQL did not start"; }

    local i
    for ((i = 0; i < 100; i++)); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
        sleep 0.2
    done
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" ||
        { cat "$WORKDIR/postgres.log" >&2; die "PostgreSQL is not accepting connections"; }

    log "PostgreSQL $version on 127.0.0.1:$PG_PORT"
}

# ---------------------------------------------------------------------------
# 3. Throwaway Redis (not the system one apt may have started on 6379).
# ---------------------------------------------------------------------------
start_redis() {
    REDIS_PORT=$(free_port)
    while [[ $REDIS_PORT == "$PG_PORT" ]]; do REDIS_PORT=$(free_port); done

    REDIS_STARTED=1
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$WORKDIR/redis.pid" --logfile "$WORKDIR/redis.log"

    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break
        sleep 0.2
    done
    [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] ||
        { cat "$WORKDIR/redis.log" >&2; die "Redis did not answer PING"; }

    log "Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on 127.0.0.1:$REDIS_PORT"
}

stop_redis() {
    local pid="" i
    [[ -f $WORKDIR/redis.pid ]] && pid=$(<"$WORKDIR/redis.pid")
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
    [[ -n $pid ]] || return 0
    # Wait for it to go; if SHUTDOWN did not work, kill it.
    for ((i = 0; i < 25; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null
}

# ---------------------------------------------------------------------------
# 4. The tests.
# ---------------------------------------------------------------------------
run_tests() {
    export PASSPORT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    export PASSPORT_TEST_REDIS="127.0.0.1:$REDIS_PORT"
    export PASSPORT_TEST_CHROMIUM=/usr/bin/chromium
    export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

    local rc=0
    if (($#)); then
        # The caller chose what to run.
        dotnet_test Passport.sln "$@" || rc=$?
    else
        # Everything but the fault tests first; then the fault tests alone, because they time players against
        # hosts of their own and must not share two cores with the other test projects.
        dotnet_test Passport.sln --filter "Category!=Faults" || rc=$?
        if ((rc == 0)); then
            dotnet_test tests/Passport.Faults.Tests/Passport.Faults.Tests.csproj --no-build || rc=$?
        fi
    fi

    if ((rc == 0)); then
        log "tests passed (TRX results in TestResults/)"
    else
        log "tests failed, exit code $rc (TRX results in TestResults/)"
    fi
    return "$rc"
}

dotnet_test() {
    log "dotnet test $*"
    # In the background + wait, so that INT/TERM reach on_signal at once
    # instead of after dotnet test finishes. setsid gives it its own session
    # and process group (this async child is not a group leader, so setsid
    # execs without forking and $! is the group id), which stop_tests kills
    # as a whole; being off the terminal, it cannot be stopped by SIGTTOU.
    local rc=0
    setsid dotnet test "$@" --logger "trx;LogFilePrefix=results" \
        --results-directory TestResults </dev/null &
    TEST_PID=$!
    wait "$TEST_PID" || rc=$?
    TEST_PID=""
    return "$rc"
}

main() {
    install_prerequisites
    if [[ $EUID -eq 0 ]]; then
        # The postgres user must reach the dir, so not under a private $TMPDIR.
        WORKDIR=$(mktemp -d /tmp/passport-test.XXXXXX)
    else
        WORKDIR=$(mktemp -d -t passport-test.XXXXXX)
    fi
    start_postgres
    start_redis
    local rc=0
    run_tests "$@" || rc=$?
    exit "$rc"
}

main "$@"
