# Shell functions shared by scripts/test.sh and scripts/cluster.sh. Source it; it runs nothing itself.

# A free TCP port on loopback.
free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Highest installed PostgreSQL server version's binaries, e.g. /usr/lib/postgresql/15/bin.
find_pg_bin() {
    local found=(/usr/lib/postgresql/*/bin/initdb)
    [[ -x ${found[0]} ]] || return 1
    dirname "$(printf '%s\n' "${found[@]}" | sort -V | tail -n 1)"
}

# Runs a PostgreSQL binary from folder $1: as the postgres system user when we are root (initdb and postgres
# refuse to run as root), otherwise as ourselves. The cd keeps postgres from complaining about a cwd it cannot read.
run_in_as_postgres() {
    local folder=$1
    shift
    if [[ $EUID -eq 0 ]]; then
        (cd "$folder" && runuser -u postgres -- "$@")
    else
        (cd "$folder" && "$@")
    fi
}
