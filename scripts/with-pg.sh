#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster (fsync off, loopback only) and
# removes the cluster afterwards. Exports TEST_DATABASE_URL and E2E_DATABASE_URL.
set -euo pipefail
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -n "$BIN" ] && [ -x "$BIN/initdb" ] || { echo "with-pg: no PostgreSQL server found (apt-get install postgresql)" >&2; exit 1; }
PORT=${PG_PORT:-54329}
DIR=$(mktemp -d /tmp/kl-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; RUNAS=(runuser -u postgres --); fi
cleanup() { "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
echo "with-pg: starting a throwaway PostgreSQL ($("$BIN/postgres" --version)) on 127.0.0.1:$PORT"
"${RUNAS[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U app -E UTF8 --no-sync >/dev/null
"${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U app app
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U app app_e2e
export TEST_DATABASE_URL="postgres://app@127.0.0.1:$PORT/app"
export E2E_DATABASE_URL="postgres://app@127.0.0.1:$PORT/app_e2e"
"$@"
