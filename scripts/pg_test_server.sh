#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests on 127.0.0.1 and print its URL.
#
#   export MARSAD_TEST_PG="$(bash scripts/pg_test_server.sh)"   # start (installs PostgreSQL if missing)
#   bash scripts/pg_test_server.sh stop                          # stop it and delete its data
#
# Trust authentication, data under /tmp, durability off (fsync): for tests only, never for data.
set -euo pipefail

PORT="${MARSAD_PG_PORT:-54329}"
DATA="${MARSAD_PG_DATA:-/tmp/marsad-pg-$PORT}"
DB="${MARSAD_PG_DB:-marsad_test}"

log() { echo "pg_test_server: $*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then
    dir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
  fi
  echo "$dir"
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing PostgreSQL"
    (apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; })
    BIN="$(find_bin)"
  fi
  [ -n "$BIN" ] || { log "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }
fi

# The server refuses to run as root: run it as the postgres user then.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if [ "${1:-start}" = "stop" ]; then
  if [ -d "$DATA" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DATA"
  fi
  exit 0
fi

if [ ! -s "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$DATA"
  as_pg "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $PORT -k $DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { log "server did not start; see $DATA/server.log"; exit 1; }
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" \
     postgres | grep -q 1; then
  "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE $DB" postgres >/dev/null
fi

echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
