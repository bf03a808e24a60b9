#!/usr/bin/env bash
# dpa-ledger benchmark (see bench/README.md): raw PostgreSQL append baseline with pgbench, then
# agreement-service (packaged, prod profile) behind a real single-node Kafka broker: peak commands/s
# (closed loop), p50/p99 latency at half of peak (open model), command-to-read-model lag through Kafka,
# RSS and time to ready. Everything runs on this machine; everything it starts is stopped on exit.
#
#   bench/run.sh                 full run (about 7 minutes on 2 cores)
#   BENCH_QUICK=1 bench/run.sh   shorter phases, for trying the script out (figures are not for RESULTS.md)
#
# Settings (environment): see the table in bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# ------------------------------------------------------------------------------------------- settings
BENCH_DB=${BENCH_DB:-dpa_bench}
BENCH_PGBENCH_DB=${BENCH_PGBENCH_DB:-dpa_bench_pgbench}
BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-18081}
BENCH_KAFKA_PORT=${BENCH_KAFKA_PORT:-19092}
BENCH_KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-$((BENCH_KAFKA_PORT + 1))}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  d_pgclients="1 4 16"; d_pgsec=5; d_nonotify=""; d_jit=15; d_workers="8,32"; d_warm=3; d_peaksec=8
  d_ratewarm=5; d_ratesec=15
else
  d_pgclients="1 2 4 8 16"; d_pgsec=15; d_nonotify=""; d_jit=60; d_workers="4,8,16,32,64,128"; d_warm=5
  d_peaksec=15; d_ratewarm=15; d_ratesec=60
fi
BENCH_PGBENCH_CLIENTS=${BENCH_PGBENCH_CLIENTS:-$d_pgclients}
BENCH_PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-$d_pgsec}
BENCH_PGBENCH_NO_NOTIFY_CLIENTS=${BENCH_PGBENCH_NO_NOTIFY_CLIENTS-$d_nonotify}
BENCH_PEAK_WORKERS=${BENCH_PEAK_WORKERS:-$d_workers}
BENCH_JIT_WARMUP=${BENCH_JIT_WARMUP:-$d_jit}     # s of closed-loop load (32 workers) before any measurement
BENCH_PEAK_WARMUP=${BENCH_PEAK_WARMUP:-$d_warm}
BENCH_PEAK_SECONDS=${BENCH_PEAK_SECONDS:-$d_peaksec}
BENCH_RATE=${BENCH_RATE:-}                       # commands/s for the open-model run; default: half of peak
BENCH_RATE_WARMUP=${BENCH_RATE_WARMUP:-$d_ratewarm}
BENCH_RATE_SECONDS=${BENCH_RATE_SECONDS:-$d_ratesec}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-128}      # open model: connections (= generator threads)
BENCH_CLIENT=${BENCH_CLIENT:-socket}             # LoadGen HTTP client: socket | jdk
BENCH_KEEP=${BENCH_KEEP:-0}                      # 1: keep the databases after the run

CACHE="$ROOT/.cache/bench"
RUN="$CACHE/runs/$(date +%Y%m%d-%H%M%S)"
JAR="$ROOT/agreement-service/target/quarkus-app/quarkus-run.jar"
SUMMARY="$RUN/summary.txt"
mkdir -p "$RUN"
# shellcheck source=bench/lib.sh
. bench/lib.sh
# The service runs with the JVM options of its container image (JAVA_OPTS in Dockerfile.jvm).
DOCKERFILE_JAVA_OPTS=$(dockerfile_java_opts agreement-service)
BENCH_SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:-${DOCKERFILE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}}

case "$BENCH_DB $BENCH_PGBENCH_DB" in
  *dpa_agreement*|*dpa_subprocessor*) die "refusing to use a service database name for the benchmark";;
esac

# ------------------------------------------------------------------------------------------- cleanup
SERVICE_PID=""
KAFKA_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$SERVICE_PID" agreement-service 20
  stop_pid "$KAFKA_PID" kafka 20
  if [ "$BENCH_KEEP" != 1 ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS $BENCH_PGBENCH_DB WITH (FORCE)" 2>/dev/null || true
    rm -rf "$RUN/kafka-data"
  fi
  [ $rc -eq 0 ] || log "run failed (exit $rc); logs in ${RUN#$ROOT/}"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------- preflight
require_tools java psql pgbench pg_isready curl
require_free_ports "$BENCH_HTTP_PORT" "$BENCH_KAFKA_PORT" "$BENCH_KAFKA_CONTROLLER_PORT"

# ------------------------------------------------------------------------------------------- build
build_if_stale "$JAR" agreement-service platform/src agreement-service/src pom.xml platform/pom.xml agreement-service/pom.xml
fetch_kafka

# ------------------------------------------------------------------------------------------- machine
describe_machine

# ------------------------------------------------------------------------------------------- (a) pgbench
PAYLOAD_VARS=()
while IFS=$'\t' read -r name value; do PAYLOAD_VARS+=(-D "$name=$value"); done < <(
  "${PSQL[@]}" -d postgres -At -F $'\t' -v content="$(cat deploy/demo/opwijk-esn-agreement.json)" -f bench/pgbench/payloads.sql)
for i in 0 1 2 3 4; do PAYLOAD_VARS+=(-D "h$i=$(printf '%064d' "$i")"); done
[ ${#PAYLOAD_VARS[@]} -eq 34 ] || die "pgbench payloads: expected 17 variables"

pgbench_run() { # clients notify(1|0) -> prints "clients units/s commands/s events/s latency_ms cpu_busy_pct"
  local c=$1 notify=$2 j=$(( $1 < $(nproc) ? $1 : $(nproc) )) out="$RUN/pgbench-c$1-notify$2.log"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_PGBENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_PGBENCH_DB"
  for migration in $(ls platform/src/main/resources/db/kernel/V*__*.sql | sort -V); do
    "${PSQL[@]}" -d "$BENCH_PGBENCH_DB" -f "$migration"
  done
  [ "$notify" = 1 ] || "${PSQL[@]}" -d "$BENCH_PGBENCH_DB" -c "DROP TRIGGER IF EXISTS outbox_notify ON outbox"
  "${PSQL[@]}" -d postgres -c "CHECKPOINT"
  read -r b0 i0 < <(cpu_jiffies)
  pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -M prepared -c "$c" -j "$j" -T "$BENCH_PGBENCH_SECONDS" \
    "${PAYLOAD_VARS[@]}" -f bench/pgbench/unit.sql "$BENCH_PGBENCH_DB" > "$out" 2>&1 || { cat "$out" >&2; die "pgbench"; }
  read -r b1 i1 < <(cpu_jiffies)
  local tps lat
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$out")
  grep -q '^number of failed transactions: 0 ' "$out" || die "pgbench reported failed transactions (see $out)"
  awk -v c="$c" -v t="$tps" -v l="$lat" -v b=$((b1 - b0)) -v i=$((i1 - i0)) -v n="$(nproc)" \
    'BEGIN { printf "%d %.1f %.1f %.1f %.2f %.0f\n", c, t, 3 * t, 4 * t, l, 100 * n * b / (b + i) }'
}
log "(a) pgbench append baseline: clients {$BENCH_PGBENCH_CLIENTS}, ${BENCH_PGBENCH_SECONDS}s each"
: > "$RUN/pgbench.txt"
for c in $BENCH_PGBENCH_CLIENTS; do
  line=$(pgbench_run "$c" 1); echo "$line" >> "$RUN/pgbench.txt"; log "    pgbench $line"
done
: > "$RUN/pgbench-no-notify.txt"
for c in $BENCH_PGBENCH_NO_NOTIFY_CLIENTS; do
  line=$(pgbench_run "$c" 0); echo "$line" >> "$RUN/pgbench-no-notify.txt"; log "    pgbench without the NOTIFY trigger $line"
done
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_PGBENCH_DB WITH (FORCE)"
PG_PEAK=$(sort -k3 -g "$RUN/pgbench.txt" | tail -1)
PG_PEAK_CMDS=$(echo "$PG_PEAK" | awk '{print $3}')

# ------------------------------------------------------------------------------------------- Kafka
start_kafka "$BENCH_KAFKA_PORT" "$BENCH_KAFKA_CONTROLLER_PORT"

# ------------------------------------------------------------------------------------------- service
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
log "starting agreement-service on :$BENCH_HTTP_PORT, database $BENCH_DB, JVM options: $BENCH_SERVICE_JAVA_OPTS"
t0=$(date +%s%N)
# Prod profile with a static RS256 public key instead of Keycloak: the empty auth-server-url switches
# off OIDC discovery (with only the public key set, quarkus-oidc still tries DPA_OIDC_URL's discovery
# and answers 500 on authenticated requests while no Keycloak is there).
# shellcheck disable=SC2086
env DPA_AGREEMENT_PORT="$BENCH_HTTP_PORT" DPA_AGREEMENT_DB="$BENCH_DB" DPA_PG_HOST="$PG_HOST" DPA_PG_PORT="$PG_PORT" \
  DPA_PG_USER="$PG_USER" DPA_KAFKA="127.0.0.1:$BENCH_KAFKA_PORT" \
  "${STATIC_KEY_OIDC_ENV[@]}" \
  java $BENCH_SERVICE_JAVA_OPTS -jar "$JAR" > "$RUN/service.log" 2>&1 &
SERVICE_PID=$!
ready=""
for _ in $(seq 1 1200); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_HTTP_PORT/q/health/ready")" = 200 ]; then
    ready=$(( ($(date +%s%N) - t0) / 1000000 )); break
  fi
  kill -0 $SERVICE_PID 2>/dev/null || die "the service exited (see $RUN/service.log)"
  sleep 0.02
done
[ -n "$ready" ] || die "the service was not ready in 60s"
RSS_READY=$(rss_kib $SERVICE_PID VmRSS)
log "    ready after $ready ms (RSS $((RSS_READY / 1024)) MiB)"

LOADGEN=(java bench/LoadGen.java --base "http://127.0.0.1:$BENCH_HTTP_PORT" --client "$BENCH_CLIENT"
         --pids "service=$SERVICE_PID,kafka=$KAFKA_PID")
"${LOADGEN[@]}" --mode smoke > "$RUN/smoke.log" 2>&1 || { cat "$RUN/smoke.log" >&2; die "smoke test"; }

projection_backlog() { "${PSQL[@]}" -d "$BENCH_DB" -At -c \
  "select (select count(*) from events) - (select count(*) from projection_applied_events where projection = 'agreement-list')"; }

# ------------------------------------------------------------------------------------------- (b) peak
# The JIT compilers alone keep about one of the two cores busy for the first minute of load, so the
# service is warmed up first (not measured), then the closed-loop steps run.
log "    JIT warm-up: ${BENCH_JIT_WARMUP}s of closed-loop load, not measured"
"${LOADGEN[@]}" --mode closed --tag warmup-jit --workers 32 --warmup "$BENCH_JIT_WARMUP" --duration 1 > "$RUN/jit-warmup.log" 2>&1 \
  || { cat "$RUN/jit-warmup.log" >&2; die "JIT warm-up"; }
log "(b) peak: closed loop with {$BENCH_PEAK_WORKERS} workers, ${BENCH_PEAK_WARMUP}s warm-up + ${BENCH_PEAK_SECONDS}s each"
"${LOADGEN[@]}" --mode closed --tag bench-peak --workers "$BENCH_PEAK_WORKERS" \
  --warmup "$BENCH_PEAK_WARMUP" --duration "$BENCH_PEAK_SECONDS" > "$RUN/peak.log" 2>&1 || { cat "$RUN/peak.log" >&2; die "peak run"; }
grep -v '^RESULT' "$RUN/peak.log" | sed 's/^/    /' >&2
PEAK=$(result peak_commands_per_s "$RUN/peak.log")
PEAK_WORKERS=$(result peak_workers "$RUN/peak.log")
RATE=${BENCH_RATE:-$(awk -v p="$PEAK" 'BEGIN { printf "%d", p / 2 }')}

# The read model lags far behind at peak; let it catch up so the next run's lag is its own.
t_drain=$(date +%s%N); backlog0=$(projection_backlog)
log "    read-model backlog after the peak runs: $backlog0 events; waiting for the projection to catch up"
for _ in $(seq 1 600); do [ "$(projection_backlog)" -le 0 ] && break; sleep 1; done
drain_s=$(awk -v n=$(( $(date +%s%N) - t_drain )) 'BEGIN { printf "%.1f", n / 1e9 }')
[ "$(projection_backlog)" -le 0 ] || die "the projection did not catch up in 600s"
log "    caught up in ${drain_s}s"
# This machine's PostgreSQL runs with autovacuum=off (CI configuration); the peak runs left tens of
# thousands of dead outbox and agreement_list rows that autovacuum would have removed by now.
if [ "$("${PSQL[@]}" -d postgres -Atc "show autovacuum")" = off ]; then
  log "    autovacuum is off on this server: VACUUM ANALYZE $BENCH_DB in its stead"
  "${PSQL[@]}" -d "$BENCH_DB" -c "VACUUM (ANALYZE)"
fi

# ------------------------------------------------------------------------------------------- (b) half of peak
log "(b) open model at $RATE commands/s (half of peak $PEAK): ${BENCH_RATE_WARMUP}s warm-up + ${BENCH_RATE_SECONDS}s measured"
set +e
"${LOADGEN[@]}" --mode open --tag bench-rate --rate "$RATE" --connections "$BENCH_CONNECTIONS" \
  --warmup "$BENCH_RATE_WARMUP" --duration "$BENCH_RATE_SECONDS" > "$RUN/rate.log" 2>&1
rate_rc=$?
set -e
grep -v '^RESULT' "$RUN/rate.log" | sed 's/^/    /' >&2
[ $rate_rc -eq 0 ] || [ $rate_rc -eq 2 ] || die "open-model run (see $RUN/rate.log)"
[ $rate_rc -eq 0 ] || log "    WARNING: the open-model run had errors or unfinished units"
# (d) memory right after the load
RSS_AFTER=$(rss_kib $SERVICE_PID VmRSS)
RSS_HWM=$(rss_kib $SERVICE_PID VmHWM)

# ------------------------------------------------------------------------------------------- (c) lag
log "(c) read-model lag of the open-model run's events"
for _ in $(seq 1 120); do
  read -r ev ap _ < <("${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -v tag=bench-rate -f bench/lag.sql)
  [ "$ev" -gt 0 ] && [ "$ev" = "$ap" ] && break; sleep 1
done
"${PSQL[@]}" -d "$BENCH_DB" -v tag=bench-rate -f bench/lag.sql > "$RUN/lag.txt"
read -r LAG_EVENTS LAG_APPLIED LAG_P50 LAG_P90 LAG_P99 LAG_MAX < <("${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -v tag=bench-rate -f bench/lag.sql)
sed 's/^/    /' "$RUN/lag.txt" >&2

# ------------------------------------------------------------------------------------------- summary
stop_pid "$SERVICE_PID" agreement-service 20; SERVICE_PID=""
R="$RUN/rate.log"
P50=$(result open_p50_ms "$R"); P99=$(result open_p99_ms "$R"); ACH=$(result open_achieved_commands_per_s "$R")
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=" ? a + 0 >= b + 0 : a + 0 < b + 0); print (ok ? "met" : "MISSED") }'; }
RSS_MIB=$((RSS_AFTER / 1024))
{
  cat "$RUN/machine.txt"
  echo
  echo "(a) pgbench append baseline (bench/pgbench/unit.sql: one pgbench transaction = one unit = 3 commits, 4 events + 4 outbox rows)"
  printf '    %-8s %10s %11s %9s %11s %9s\n' clients units/s commands/s events/s latency_ms cpu_busy
  while read -r c u k e l b; do printf '    %-8s %10s %11s %9s %11s %8s%%\n' "$c" "$u" "$k" "$e" "$l" "$b"; done < "$RUN/pgbench.txt"
  if [ -s "$RUN/pgbench-no-notify.txt" ]; then
    echo "    same, without the outbox NOTIFY trigger (diagnostic):"
    while read -r c u k e l b; do printf '    %-8s %10s %11s %9s %11s %8s%%\n' "$c" "$u" "$k" "$e" "$l" "$b"; done < "$RUN/pgbench-no-notify.txt"
  fi
  echo
  echo "(b) agreement-service over HTTP with RS256 JWTs (unit = create + sign + sign = 3 commands, 4 events)"
  echo "    peak, closed loop:"
  grep -E '^ +workers|^ +[0-9]+ +[0-9.]+ |^CPU over' "$RUN/peak.log" | sed 's/^/    /'
  echo "    peak = $PEAK commands/s ($PEAK_WORKERS workers); read-model backlog after it: $backlog0 events, drained in ${drain_s}s"
  echo "    open model at $RATE commands/s (half of peak), ${BENCH_RATE_SECONDS}s measured:"
  sed -n '/^measured:/,/^whole unit/p' "$R" | sed 's/^/    /'
  grep '^CPU over' "$R" | sed 's/^/    /'
  echo
  echo "(c) command-commit-to-read-model lag ('agreement-list' via outbox relay + Kafka), events of the open-model run:"
  echo "    events $LAG_EVENTS, applied $LAG_APPLIED, p50 $LAG_P50 ms, p90 $LAG_P90 ms, p99 $LAG_P99 ms, max $LAG_MAX ms"
  echo
  echo "(d) service: time to ready $ready ms; RSS at ready $((RSS_READY / 1024)) MiB, after the run $RSS_MIB MiB (peak $((RSS_HWM / 1024)) MiB); JVM: $BENCH_SERVICE_JAVA_OPTS"
  echo
  echo "targets"
  printf '    %-48s %-30s %s\n' "commands/s >= 50% of the pgbench baseline" \
    "$PEAK vs $PG_PEAK_CMDS ($(awk -v a="$PEAK" -v b="$PG_PEAK_CMDS" 'BEGIN { printf "%.0f%%", 100 * a / b }'))" \
    "$(verdict "$PEAK" ">=" "$(awk -v b="$PG_PEAK_CMDS" 'BEGIN { print b / 2 }')")"
  printf '    %-48s %-30s %s\n' "p99 < 50 ms at half of peak" "p99 $P99 ms (p50 $P50 ms)" "$(verdict "$P99" "<" 50)"
  printf '    %-48s %-30s %s\n' "read-model lag p99 < 250 ms at half of peak" "p99 $LAG_P99 ms" "$(verdict "$LAG_P99" "<" 250)"
  printf '    %-48s %-30s %s\n' "RSS < 350 MiB" "$RSS_MIB MiB" "$(verdict "$RSS_MIB" "<" 350)"
  echo
  echo "achieved $ACH commands/s in the open-model run; logs: ${RUN#$ROOT/}"
  echo "CPU: the service, PostgreSQL, Kafka and the load generator all share this machine's $(nproc) cores (see the CPU lines)."
} > "$SUMMARY"
echo
cat "$SUMMARY"
