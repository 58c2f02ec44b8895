#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the test suite, bound to 127.0.0.1 on a free port.
#
#   eval "$(.ci/postgres.sh start)"   # starts it; prints the export lines for SISTEMKERJA_TEST_DB and SISTEMKERJA_PG_DIR
#   .ci/postgres.sh stop "$SISTEMKERJA_PG_DIR"   # stops it and deletes its folder
#
# Trust authentication, no fsync: for tests only. Run as root (CI), the cluster belongs to the unprivileged
# user `nobody`, since PostgreSQL refuses to run as root. Installs the Debian packages when initdb is missing
# and the caller is root.
set -euo pipefail

pg_bin() {
    if ! command -v initdb >/dev/null 2>&1; then
        local bin
        bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
        if [ -z "$bin" ] && [ "$(id -u)" = 0 ]; then
            # only the programs: no system cluster started on port 5432 by the package
            mkdir -p /etc/postgresql-common/createcluster.d
            echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/sistemkerja-ci.conf
            apt-get update -qq >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
            bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
        fi
        [ -n "$bin" ] || { echo "postgres.sh: initdb tidak ditemukan; pasang paket postgresql" >&2; exit 1; }
        PATH="$bin:$PATH"
    fi
}

# Run a command as the cluster's owner (`nobody` when we are root, else ourselves), from a folder it can enter.
sebagai_pemilik() {
    if [ "$(id -u)" = 0 ]; then
        (cd / && runuser -u nobody -- "$@")
    else
        "$@"
    fi
}

port_bebas() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    pg_bin
    local dir port
    dir=$(mktemp -d "${TMPDIR:-/tmp}/sistemkerja-pg.XXXXXX")
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown nobody "$dir"; fi
    sebagai_pemilik initdb -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
    for _ in 1 2 3 4 5; do  # a free port can be taken by someone else before the server binds it
        port=$(port_bebas)
        if sebagai_pemilik pg_ctl -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
            "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off -c max_connections=200" >/dev/null; then
            echo "export SISTEMKERJA_TEST_DB=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
            echo "export SISTEMKERJA_PG_DIR=$dir"
            return 0
        fi
    done
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    exit 1
}

stop() {
    local dir=${1:?"pakai: $0 stop DIR"}
    [ -f "$dir/data/PG_VERSION" ] || { echo "postgres.sh: $dir bukan cluster dari skrip ini" >&2; exit 1; }
    pg_bin
    sebagai_pemilik pg_ctl -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "pakai: $0 start | $0 stop DIR" >&2; exit 2 ;;
esac
