#!/usr/bin/env bash
# reliability/run.sh: the fault-injection suite. Starts the real stack like `./dpa up` on ports of its own
# (its own PostgreSQL cluster, Kafka broker, Keycloak and the five services), puts it under concurrent load
# and injects five faults one after the other:
#   kill-9     each service killed (SIGKILL) at a random moment under load, then started again
#   kafka      the broker killed for 60 s under load, then started again
#   postgres   PostgreSQL stopped immediately (-m immediate) and started again: commands get 503 + Retry-After
#   two        a second instance of every service against the same databases, load on both
#   rebuild    every read model rebuilt from its topics: its checksum equals the one before
# Every command sent and its answer is logged; afterwards every service's events and read models are checked
# (acknowledged-and-lost, duplicated, unexpected, recovered, Jepsen's terms), hash chains verified from the
# stored fields (docs/EVIDENCE.md), per-stream order on the topics and each webhook's deliveries counted.
# Loopback only; every loop is bounded; everything it started is stopped on exit.
#   reliability/run.sh [--phases kill-9,kafka,postgres,two,rebuild] [--workers 6] [--rate 20] [--warmup 20] [--keep]
# (--rate: new commands a second over all workers, retries not counted; 0 sends as fast as answers come)
# Needs what ./dpa up needs, python3 and the PostgreSQL 15 server binaries (Debian: postgresql-15).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN=${RELI_HOME:-$ROOT/reliability/.run}
PG_BIN=${RELI_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${RELI_PG_PORT:-15432}
KEEP=0
ARGS=()
for a in "$@"; do
  case $a in --keep) KEEP=1 ;; *) ARGS+=("$a") ;; esac
done

# The stack, on ports of its own (./dpa reads these), data in $RUN.
export DPA_HOME=$RUN/dpa DPA_PG_HOST=127.0.0.1 DPA_PG_PORT=$PG_PORT DPA_PG_USER=postgres DPA_DB_PREFIX=reli
export DPA_KAFKA_PORT=${RELI_KAFKA_PORT:-19092} DPA_KAFKA_CONTROLLER_PORT=${RELI_KAFKA_CONTROLLER_PORT:-19093}
export DPA_KEYCLOAK_PORT=${RELI_KEYCLOAK_PORT:-18180}
export DPA_AGREEMENT_PORT=18081 DPA_SUBPROCESSOR_PORT=18082 DPA_BREACH_PORT=18083 DPA_AUDIT_PORT=18084 DPA_REPORTING_PORT=18085
export DPA_INSTANCE_PORT_STEP=10   # second instances on 18091 … 18095
# Clocks tick every few seconds, so that two instances have every chance to tick the same stream twice.
export DPA_SUBPROCESSOR_SCHEDULER_EVERY=5s DPA_BREACH_SCHEDULER_EVERY=5s DPA_AUDIT_SCHEDULER_EVERY=5s
export DPA_WAIT_SECONDS=240

log() { printf '\033[1m[reliability] %s\033[0m\n' "$*"; }

pg() { runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; }

start_postgres() {
  if [ ! -f "$RUN/pg/PG_VERSION" ]; then
    mkdir -p "$RUN/pg" "$RUN/pg-socket"
    chown postgres "$RUN/pg" "$RUN/pg-socket"
    pg initdb -D "$RUN/pg" -U postgres --auth=trust -E UTF8 >"$RUN/pg-initdb.log"
  fi
  pg pg_ctl -D "$RUN/pg" -l "$RUN/pg-socket/pg.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $RUN/pg-socket -c max_connections=300" start >/dev/null
}

stop_all() {
  log "stopping what the suite started"
  "$ROOT/dpa" down >/dev/null 2>&1 || true
  pg pg_ctl -D "$RUN/pg" -m fast -w stop >/dev/null 2>&1 || true
}

[ "$(id -u)" = 0 ] || { echo "run as root (PostgreSQL is started as the user postgres)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
[ -x "$PG_BIN/pg_ctl" ] || { echo "PostgreSQL server binaries not found in $PG_BIN (RELI_PG_BIN)" >&2; exit 2; }
[ "$KEEP" = 1 ] || rm -rf "$RUN"
mkdir -p "$RUN"
chmod 755 "$RUN"
trap stop_all EXIT

log "PostgreSQL cluster of its own on 127.0.0.1:$PG_PORT ($RUN/pg)"
start_postgres
log "the stack (./dpa up on its own ports, demo data loaded)"
"$ROOT/dpa" up | sed 's/^/    /'

if [ "${RELI_STACK_ONLY:-0}" = 1 ]; then # for working on faults.py: the stack stays up (at most two hours)
  log "stack up; RELI_STACK_ONLY=1: waiting (Ctrl-C stops it)"; sleep 7200; exit 0
fi
log "load and faults"
python3 "$ROOT/reliability/faults.py" --root "$ROOT" --run "$RUN" --pg-bin "$PG_BIN" --pg-port "$PG_PORT" "${ARGS[@]}"
