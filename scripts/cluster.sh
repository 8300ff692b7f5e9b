#!/usr/bin/env bash
# The docker-compose topology as processes on loopback: one PostgreSQL, one Redis (with persistence, as in
# production) and N Passport hosts, each with its own HTTP, silo and gateway port. For trying faults by hand and
# for the fault tests (tests/Passport.Faults.Tests). See docs/operations.md, "A cluster on one machine".
#
#   scripts/cluster.sh up [--hosts N] [--dir DIR] [--host-dll PATH] [--set KEY=VALUE]...
#   scripts/cluster.sh status | env | logs PART
#   scripts/cluster.sh start|stop|kill|restart PART      PART: postgres, redis, host-1 ... host-N
#   scripts/cluster.sh wipe redis                         Redis restarted without its data (a lost membership table)
#   scripts/cluster.sh down [--purge]
#
# `up` starts whatever is not running yet (the first time it creates the database, the Redis folder, the secrets
# and picks free ports; later it reuses them). `stop` ends a part gracefully (SIGTERM for a host, a fast shutdown
# for PostgreSQL, SHUTDOWN for Redis, which writes its append-only file); `kill` ends it at once (SIGKILL;
# PostgreSQL's immediate mode). `down` stops everything; `--purge` also deletes the folder.
#
# Everything lives in DIR (default: .cluster in the repository root, or $PASSPORT_CLUSTER_DIR); every command but
# `up` finds the cluster there. The hosts run the build at --host-dll (default: a Release publish in DIR/publish,
# made when missing). Extra host settings (`--set Auth__SessionCheckInterval=00:00:05`) are kept for later starts.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
DIR=${PASSPORT_CLUSTER_DIR:-$ROOT/.cluster}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf '==> error: %s\n' "$*" >&2; exit 1; }

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
    exit 2
}

as_pg() { run_in_as_postgres "$DIR" "$@"; }

load_state() {
    [[ -f $DIR/cluster.env ]] || die "no cluster in $DIR (run: scripts/cluster.sh up)"
    # shellcheck source=/dev/null
    source "$DIR/cluster.env"
}

pid_alive() {
    [[ -f $1 ]] && kill -0 "$(<"$1")" 2>/dev/null
}

# ---------------------------------------------------------------------------
# First start: folders, ports, secrets.
# ---------------------------------------------------------------------------
create_state() {
    local hosts=$1 host_dll=$2
    mkdir -p "$DIR/redis" "$DIR/secrets" "$DIR/keys" "$DIR/logs" "$DIR/run"
    local pg_port redis_port
    pg_port=$(free_port)
    redis_port=$(free_port)
    {
        printf 'HOSTS=%q\n' "$hosts"
        printf 'HOST_DLL=%q\n' "$host_dll"
        printf 'PG_PORT=%q\n' "$pg_port"
        printf 'REDIS_PORT=%q\n' "$redis_port"
        local i
        for ((i = 1; i <= hosts; i++)); do
            printf 'HOST_%d_HTTP=%q\nHOST_%d_SILO=%q\nHOST_%d_GATEWAY=%q\n' \
                "$i" "$(free_port)" "$i" "$(free_port)" "$i" "$(free_port)"
        done
    } >"$DIR/cluster.env"
    touch "$DIR/hosts.env"

    # The secrets every host of one deployment shares: the token signing key and the key ring's certificate.
    openssl rand -base64 48 >"$DIR/secrets/signing-key"
    openssl req -x509 -newkey rsa:3072 -sha256 -days 730 -nodes -subj "/CN=passport-key-ring" \
        -keyout "$DIR/secrets/key-ring.key" -out "$DIR/secrets/key-ring.crt" 2>/dev/null
    chmod 600 "$DIR/secrets/signing-key" "$DIR/secrets/key-ring.key"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
start_postgres() {
    local pg_bin
    pg_bin=$(find_pg_bin) || die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown postgres: "$DIR"
    fi

    if [[ ! -d $DIR/pgdata ]]; then
        as_pg "$pg_bin/initdb" -D "$DIR/pgdata" -A trust -U postgres --encoding=UTF8 --locale=C >"$DIR/logs/initdb.log" 2>&1 ||
            { cat "$DIR/logs/initdb.log" >&2; die "initdb failed"; }
    fi

    if as_pg "$pg_bin/pg_ctl" -D "$DIR/pgdata" status >/dev/null 2>&1; then
        return 0
    fi

    [[ $EUID -eq 0 ]] && chown postgres: "$DIR/logs" && touch "$DIR/logs/postgres.log" && chown postgres: "$DIR/logs/postgres.log"
    as_pg "$pg_bin/pg_ctl" -D "$DIR/pgdata" -l "$DIR/logs/postgres.log" -w -s start \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR -c max_connections=300" ||
        { tail -n 20 "$DIR/logs/postgres.log" >&2; die "PostgreSQL did not start"; }
    if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'passport'" | grep -q 1; then
        psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE passport" >/dev/null
    fi
    log "postgres on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
    local mode=$1 pg_bin
    pg_bin=$(find_pg_bin) || die "no PostgreSQL server binaries"
    as_pg "$pg_bin/pg_ctl" -D "$DIR/pgdata" status >/dev/null 2>&1 || return 0
    as_pg "$pg_bin/pg_ctl" -D "$DIR/pgdata" -m "$mode" -w -s stop
    log "postgres stopped ($mode)"
}

postgres_running() {
    local pg_bin
    pg_bin=$(find_pg_bin) || return 1
    [[ -d $DIR/pgdata ]] && as_pg "$pg_bin/pg_ctl" -D "$DIR/pgdata" status >/dev/null 2>&1
}

# ---------------------------------------------------------------------------
# Redis: append-only file on, so a restart keeps the Orleans membership table (docs/operations.md).
# ---------------------------------------------------------------------------
start_redis() {
    command -v redis-server >/dev/null || die "redis-server not found (apt-get install redis-server)"
    pid_alive "$DIR/run/redis.pid" && return 0
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DIR/redis" \
        --appendonly yes --appendfsync everysec --save '' \
        --daemonize yes --pidfile "$DIR/run/redis.pid" --logfile "$DIR/logs/redis.log"
    local i
    for ((i = 0; i < 100; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break
        sleep 0.1
    done
    [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] || { tail -n 20 "$DIR/logs/redis.log" >&2; die "Redis did not answer PING"; }
    # Loading a large append-only file answers LOADING for a while; wait until the data is there.
    for ((i = 0; i < 300; i++)); do
        [[ $(redis-cli -p "$REDIS_PORT" info persistence 2>/dev/null | tr -d '\r' | sed -n 's/^loading://p') == 0 ]] && break
        sleep 0.1
    done
    log "redis on 127.0.0.1:$REDIS_PORT (append-only file in $DIR/redis)"
}

stop_redis() {
    local mode=$1
    pid_alive "$DIR/run/redis.pid" || return 0
    local pid
    pid=$(<"$DIR/run/redis.pid")
    if [[ $mode == kill ]]; then
        kill -KILL "$pid"
    else
        # SHUTDOWN rewrites nothing but flushes the append-only file before exiting.
        redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
    fi
    wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
    rm -f "$DIR/run/redis.pid"
    log "redis stopped ($mode)"
}

# ---------------------------------------------------------------------------
# Hosts
# ---------------------------------------------------------------------------
host_var() { local name="HOST_$1_$2"; printf '%s' "${!name}"; }

ensure_host_build() {
    [[ -f $HOST_DLL ]] && return 0
    [[ $HOST_DLL == "$DIR/publish/Passport.Web.dll" ]] || die "no host build at $HOST_DLL"
    # Published, not just built: outside Development only a publish serves the pages' static files.
    log "publishing the host (Release) to $DIR/publish"
    dotnet publish -c Release -v q -nologo -o "$DIR/publish" "$ROOT/src/Passport.Web/Passport.Web.csproj" >&2
    [[ -f $HOST_DLL ]] || die "no host build at $HOST_DLL"
}

start_host() {
    local n=$1
    [[ $n =~ ^[0-9]+$ ]] && ((n >= 1 && n <= HOSTS)) || die "no host-$n (this cluster has $HOSTS)"
    pid_alive "$DIR/run/host-$n.pid" && return 0
    ensure_host_build
    local http silo gateway
    http=$(host_var "$n" HTTP)
    silo=$(host_var "$n" SILO)
    gateway=$(host_var "$n" GATEWAY)
    mkdir -p "$DIR/host-$n"
    (
        cd "$DIR/host-$n"
        export ASPNETCORE_ENVIRONMENT=Production
        export ASPNETCORE_URLS="http://127.0.0.1:$http"
        export Storage__Provider=Postgres
        export ConnectionStrings__Passport="Host=127.0.0.1;Port=$PG_PORT;Database=passport;Username=postgres"
        export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
        export Orleans__ClusterId=passport Orleans__ServiceId=passport
        export Orleans__SiloPort=$silo Orleans__GatewayPort=$gateway Orleans__AdvertisedIPAddress=127.0.0.1
        export Auth__SigningKey
        Auth__SigningKey=$(<"$DIR/secrets/signing-key")
        export Seed__Demo=true
        export AllowedHosts="127.0.0.1;localhost"
        export Credentials__IssuerUrl="https://passport.cluster.test/"
        export Credentials__KeyDirectory="$DIR/keys"
        export DataProtection__Certificate__Path="$DIR/secrets/key-ring.crt"
        export DataProtection__Certificate__KeyPath="$DIR/secrets/key-ring.key"
        export Logging__Console__FormatterName=simple
        export Logging__LogLevel__Default=Warning
        # Settings given with --set, one KEY=VALUE per line.
        while IFS= read -r setting; do
            [[ -n $setting ]] && export "${setting?}"
        done <"$DIR/hosts.env"
        setsid dotnet "$HOST_DLL" >>"$DIR/logs/host-$n.log" 2>&1 </dev/null &
        echo $! >"$DIR/run/host-$n.pid"
    )
    log "host-$n starting: http://127.0.0.1:$http (silo $silo, gateway $gateway, pid $(<"$DIR/run/host-$n.pid"))"
}

wait_host_ready() {
    local n=$1 http i
    http=$(host_var "$n" HTTP)
    for ((i = 0; i < 1200; i++)); do
        pid_alive "$DIR/run/host-$n.pid" || { tail -n 30 "$DIR/logs/host-$n.log" >&2; die "host-$n exited while starting"; }
        curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$http/health/ready" 2>/dev/null && { log "host-$n ready"; return 0; }
        sleep 0.1
    done
    tail -n 30 "$DIR/logs/host-$n.log" >&2
    die "host-$n was not ready within 120 s"
}

# Waits up to $2 seconds for process $1 to end.
wait_gone() {
    local pid=$1 seconds=$2 i
    for ((i = 0; i < seconds * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    return 1
}

stop_host() {
    local n=$1 mode=$2 pid
    pid_alive "$DIR/run/host-$n.pid" || { rm -f "$DIR/run/host-$n.pid"; return 0; }
    pid=$(<"$DIR/run/host-$n.pid")
    if [[ $mode == kill ]]; then
        kill -KILL "$pid"
        wait_gone "$pid" 10 || true
    else
        kill -TERM "$pid"
        # A host bounds its own shutdown (Orleans:ShutdownTimeout, 30 s); past that and a margin, end it.
        if ! wait_gone "$pid" 45; then
            log "host-$n did not stop within 45 s; killing it"
            kill -KILL "$pid"
            wait_gone "$pid" 10 || true
        fi
    fi
    rm -f "$DIR/run/host-$n.pid"
    log "host-$n stopped ($mode)"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------
part_do() {
    local action=$1 part=$2
    case $part in
        postgres)
            case $action in
                start) start_postgres ;;
                stop) stop_postgres fast ;;
                kill) stop_postgres immediate ;;
                restart) stop_postgres fast; start_postgres ;;
            esac ;;
        redis)
            case $action in
                start) start_redis ;;
                stop) stop_redis stop ;;
                kill) stop_redis kill ;;
                restart) stop_redis stop; start_redis ;;
                # A Redis without persistence restarted: the membership table is gone.
                wipe) stop_redis kill; rm -rf "${DIR:?}/redis"; mkdir -p "$DIR/redis"; start_redis ;;
            esac ;;
        host-*)
            local n=${part#host-}
            case $action in
                start) start_host "$n"; wait_host_ready "$n" ;;
                stop) stop_host "$n" stop ;;
                kill) stop_host "$n" kill ;;
                restart) stop_host "$n" stop; start_host "$n"; wait_host_ready "$n" ;;
            esac ;;
        *) die "unknown part '$part' (postgres, redis, host-1 ... host-$HOSTS)" ;;
    esac
}

cmd_up() {
    local hosts=3 host_dll="$DIR/publish/Passport.Web.dll" settings=()
    while (($#)); do
        case $1 in
            --hosts) hosts=$2; shift 2 ;;
            --host-dll) host_dll=$(realpath -m "$2"); shift 2 ;;
            --set) [[ $2 == *=* ]] || die "--set wants KEY=VALUE"; settings+=("$2"); shift 2 ;;
            *) usage ;;
        esac
    done
    [[ $hosts =~ ^[1-9][0-9]?$ ]] || die "--hosts wants 1 to 99"
    if [[ ! -f $DIR/cluster.env ]]; then
        create_state "$hosts" "$host_dll"
    fi
    if ((${#settings[@]})); then
        printf '%s\n' "${settings[@]}" >>"$DIR/hosts.env"
    fi
    load_state
    start_postgres
    start_redis
    # The first host migrates and seeds the database; the others start once it is ready.
    start_host 1
    wait_host_ready 1
    local i
    for ((i = 2; i <= HOSTS; i++)); do start_host "$i"; done
    for ((i = 2; i <= HOSTS; i++)); do wait_host_ready "$i"; done
    cmd_status
}

cmd_status() {
    local i state
    postgres_running && state=running || state=stopped
    printf '%-8s %-8s %s\n' postgres "$state" "127.0.0.1:$PG_PORT"
    pid_alive "$DIR/run/redis.pid" && state=running || state=stopped
    printf '%-8s %-8s %s\n' redis "$state" "127.0.0.1:$REDIS_PORT"
    for ((i = 1; i <= HOSTS; i++)); do
        pid_alive "$DIR/run/host-$i.pid" && state=running || state=stopped
        printf '%-8s %-8s %s\n' "host-$i" "$state" "http://127.0.0.1:$(host_var "$i" HTTP)/"
    done
}

# Addresses for scripts and tests, as shell assignments.
cmd_env() {
    local i urls=()
    for ((i = 1; i <= HOSTS; i++)); do urls+=("http://127.0.0.1:$(host_var "$i" HTTP)/"); done
    printf 'PASSPORT_CLUSTER_DIR=%q\n' "$DIR"
    printf 'PASSPORT_CLUSTER_POSTGRES=%q\n' "Host=127.0.0.1;Port=$PG_PORT;Database=passport;Username=postgres"
    printf 'PASSPORT_CLUSTER_REDIS=%q\n' "127.0.0.1:$REDIS_PORT"
    printf 'PASSPORT_CLUSTER_HOSTS=%q\n' "${urls[*]}"
}

cmd_down() {
    local purge=""
    [[ ${1:-} == --purge ]] && purge=1
    if [[ -f $DIR/cluster.env ]]; then
        load_state
        local i
        for ((i = 1; i <= HOSTS; i++)); do stop_host "$i" stop & done
        wait
        stop_redis stop
        postgres_running && stop_postgres fast
    fi
    if [[ -n $purge ]]; then
        rm -rf "$DIR"
        log "removed $DIR"
    fi
}

main() {
    (($#)) || usage
    # --dir may come anywhere, for every command.
    local args=()
    while (($#)); do
        if [[ $1 == --dir ]]; then
            (($# >= 2)) || usage
            DIR=$(realpath -m "$2")
            shift 2
        else
            args+=("$1")
            shift
        fi
    done
    set -- "${args[@]}"
    local command=$1
    shift
    case $command in
        up) cmd_up "$@" ;;
        down) cmd_down "$@" ;;
        status) load_state; cmd_status ;;
        env) load_state; cmd_env ;;
        logs) load_state; [[ $# -eq 1 ]] || usage; tail -n 100 "$DIR/logs/$1.log" ;;
        start | stop | kill | restart | wipe)
            [[ $# -eq 1 ]] || usage
            [[ $command != wipe || $1 == redis ]] || die "only redis can be wiped"
            load_state
            part_do "$command" "$1" ;;
        -h | --help | help) usage ;;
        *) usage ;;
    esac
}

main "$@"
