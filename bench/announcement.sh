#!/usr/bin/env bash
# Processor-wide sub-processor announcement at scale (see bench/README.md, "subprocessor-service"): one processor with
# BENCH_AGREEMENTS ACTIVE agreements (10,000) across 1,000 controllers, each engaging "Level 27" (BE), announces
# "Cloudflare, Inc." (US) to all of them with POST /subprocessor-announcements. Measured: seconds until every notice was
# issued, until every notice is in the change list read model (through the outbox, Kafka and the projection) and in
# reporting-service's obligations, until every notice's webhook reached its controller's receiver (1,000 subscriptions,
# 1% of receivers refusing each first attempt); the services' CPU, the Kafka consumer lag meanwhile; then the latency of
# the announcement's reads, the agreement's change list and the overviews, rebuild rates, each service's RSS. Everything
# runs on this machine: PostgreSQL, a fresh single-node Kafka, the packaged services; stopped on exit.
#
# The agreements are a READ-MODEL BULK LOAD: rows written by SQL into the service's agreement directory and registry
# (what its projections would hold after the activations), not agreement-service events. bench/scale.sh runs this
# script among 100,000 agreements (BENCH_TOTAL_AGREEMENTS, BENCH_PROCESSORS).
#
#   bench/announcement.sh                   10,000 agreements (about 3 minutes on 2 cores, plus a build if stale)
#   BENCH_QUICK=1 bench/announcement.sh     1,000 agreements, fewer requests, to try the script out (not for RESULTS.md)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# ------------------------------------------------------------------------------------------- settings
BENCH_DB=${BENCH_ANNOUNCE_DB:-dpa_bench_announce}
BENCH_HTTP_PORT=${BENCH_ANNOUNCE_HTTP_PORT:-18082}
# Not 19192 (bench/reporting.sh's broker) nor 19092 (run.sh's): the three scripts can run side by side.
BENCH_KAFKA_PORT=${BENCH_ANNOUNCE_KAFKA_PORT:-19292}
BENCH_KAFKA_CONTROLLER_PORT=$((BENCH_KAFKA_PORT + 1))
REPORTING_DB="${BENCH_DB}_reporting"
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  d_agreements=1000; d_requests=50; d_warmup=20; d_overview=50
else
  d_agreements=10000; d_requests=200; d_warmup=50; d_overview=200
fi
BENCH_AGREEMENTS=${BENCH_AGREEMENTS:-$d_agreements}      # ACTIVE agreements of the processor (at most 10,000 per announcement)
BENCH_CONTROLLERS=${BENCH_CONTROLLERS:-1000}             # controller organisations they are spread over
BENCH_TOTAL_AGREEMENTS=${BENCH_TOTAL_AGREEMENTS:-$BENCH_AGREEMENTS}  # all agreements loaded (bench/scale.sh: 100,000)
d_processors=1; [ "$BENCH_TOTAL_AGREEMENTS" -gt "$BENCH_AGREEMENTS" ] && d_processors=50
BENCH_PROCESSORS=${BENCH_PROCESSORS:-$d_processors}     # processors: the announcing one and BENCH_PROCESSORS-1 others
BENCH_READ_REQUESTS=${BENCH_READ_REQUESTS:-$d_requests}  # measured requests per read (after BENCH_READ_WARMUP unmeasured)
BENCH_READ_WARMUP=${BENCH_READ_WARMUP:-$d_warmup}
BENCH_OVERVIEW_REQUESTS=${BENCH_OVERVIEW_REQUESTS:-$d_overview}  # the processor's overview (one line: a count and the first 100 agreements)
BENCH_FANOUT_TIMEOUT=${BENCH_FANOUT_TIMEOUT:-900}         # s to wait for every notice to be issued and visible
BENCH_REPORTING=${BENCH_REPORTING:-1}                    # 0: without reporting-service (its obligations not measured)
BENCH_REPORTING_PORT=${BENCH_ANNOUNCE_REPORTING_PORT:-18086}
BENCH_WEBHOOKS=${BENCH_WEBHOOKS:-1}                      # 0: no subscriptions, no receivers (the fan-out alone, for an A/B)
BENCH_WEBHOOK_PORT=${BENCH_WEBHOOK_PORT:-18099}          # the controllers' webhook receiver (bench/WebhookBench.java)
BENCH_WEBHOOK_FAIL_EVERY=${BENCH_WEBHOOK_FAIL_EVERY:-100} # every n-th controller's receiver refuses each first attempt (1%)
BENCH_REBUILD_ROUNDS=${BENCH_REBUILD_ROUNDS:-3}          # rebuilds of each read model, one after the other (the first is judged)
BENCH_KEEP=${BENCH_KEEP:-0}                              # 1: keep the database after the run
PROCESSOR_ORG=0428304785                                 # LoadGen's processor (its token mode signs for this organisation)
TARGET_WEBHOOKS_S=120                                    # the issue's target: every webhook delivered within 120 s
TARGET_VISIBLE_S=60                                      # the issue's target: every notice visible within 60 s (10,000 agreements)

CACHE="$ROOT/.cache/bench"
RUN="$CACHE/runs/announcement-$(date +%Y%m%d-%H%M%S)"
JAR="$ROOT/subprocessor-service/target/quarkus-app/quarkus-run.jar"
REPORTING_JAR="$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar"
CLASSES="$RUN/classes"
SUMMARY="$RUN/summary.txt"
mkdir -p "$RUN"
# shellcheck source=bench/lib.sh
. bench/lib.sh
DOCKERFILE_JAVA_OPTS=$(dockerfile_java_opts subprocessor-service)
BENCH_SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:-${DOCKERFILE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}}
REPORTING_JAVA_OPTS=$(dockerfile_java_opts reporting-service)
REPORTING_JAVA_OPTS=${BENCH_REPORTING_JAVA_OPTS:-${REPORTING_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}}

case "$BENCH_DB" in
  dpa_agreement|dpa_subprocessor|dpa_breach|dpa_audit|dpa_reporting) die "refusing to use a service database name for the benchmark";;
esac
[ "$BENCH_AGREEMENTS" -ge 1 ] && [ "$BENCH_AGREEMENTS" -le 10000 ] || die "BENCH_AGREEMENTS must be 1 to 10,000 (one announcement's limit)"
[ "$BENCH_CONTROLLERS" -ge 1 ] && [ "$BENCH_CONTROLLERS" -le 99999999 ] || die "BENCH_CONTROLLERS must be 1 to 99,999,999"
[ "$BENCH_TOTAL_AGREEMENTS" -ge "$BENCH_AGREEMENTS" ] || die "BENCH_TOTAL_AGREEMENTS must be at least BENCH_AGREEMENTS"
[ "$BENCH_TOTAL_AGREEMENTS" = "$BENCH_AGREEMENTS" ] || [ "$BENCH_PROCESSORS" -ge 2 ] || die "other processors' agreements need BENCH_PROCESSORS >= 2"

# ------------------------------------------------------------------------------------------- cleanup
SERVICE_PID=""
REPORTING_PID=""
KAFKA_PID=""
RECEIVER_PID=""
LAG_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$LAG_PID" kafka-lag 5
  stop_pid "$RECEIVER_PID" webhook-receiver 5
  stop_pid "$REPORTING_PID" reporting-service 20
  stop_pid "$SERVICE_PID" subprocessor-service 20
  stop_pid "$KAFKA_PID" kafka 20
  if [ "$BENCH_KEEP" != 1 ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null || true
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $REPORTING_DB WITH (FORCE)" 2>/dev/null || true
    rm -rf "$RUN/kafka-data"
  fi
  [ $rc -eq 0 ] || log "run failed (exit $rc); logs in ${RUN#$ROOT/}"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------- preflight, build
require_tools java javac psql pg_isready curl jq
require_free_ports "$BENCH_HTTP_PORT" "$BENCH_KAFKA_PORT" "$BENCH_KAFKA_CONTROLLER_PORT" "$BENCH_WEBHOOK_PORT" "$BENCH_REPORTING_PORT"
build_if_stale "$JAR" subprocessor-service platform/src subprocessor-service/src pom.xml platform/pom.xml subprocessor-service/pom.xml
[ "$BENCH_REPORTING" = 1 ] && build_if_stale "$REPORTING_JAR" reporting-service platform/src reporting-service/src pom.xml platform/pom.xml \
  reporting-service/pom.xml
fetch_kafka
mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" -cp "$KAFKA_LIB/*" bench/LoadGen.java bench/ReportingLoad.java bench/WebhookBench.java bench/KafkaLag.java \
  > "$RUN/javac.log" 2>&1 || { cat "$RUN/javac.log"; die "javac"; }
READS=(java -cp "$CLASSES" ReportingLoad --base "http://127.0.0.1:$BENCH_HTTP_PORT")
TOKENS=$(java -cp "$CLASSES" LoadGen --mode token --key testing/src/main/resources/dpa-test/test-private-key.pem 2>/dev/null)
PROCESSOR_TOKEN=$(sed -n 's/^processor //p' <<< "$TOKENS")
ADMIN_TOKEN=$(sed -n 's/^admin //p' <<< "$TOKENS")
[ -n "$PROCESSOR_TOKEN" ] && [ -n "$ADMIN_TOKEN" ] || die "no processor or admin token from LoadGen"
describe_machine

# ------------------------------------------------------------------------------------------- Kafka, service
start_kafka "$BENCH_KAFKA_PORT" "$BENCH_KAFKA_CONTROLLER_PORT"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
log "starting subprocessor-service on :$BENCH_HTTP_PORT, database $BENCH_DB (empty), JVM options: $BENCH_SERVICE_JAVA_OPTS"
t_start=$(date +%s%N)
# Prod profile with the test key instead of Keycloak (README "How the service is run"); the key that seals webhook
# signing secrets is required in prod; the receivers are on this machine's loopback, which prod refuses unless allowed.
# Webhook retries as in prod: the first after 5 s (dpa.webhooks.first-retry-after).
# shellcheck disable=SC2086
env DPA_SUBPROCESSOR_PORT="$BENCH_HTTP_PORT" DPA_SUBPROCESSOR_DB="$BENCH_DB" DPA_PG_HOST="$PG_HOST" DPA_PG_PORT="$PG_PORT" \
  DPA_PG_USER="$PG_USER" DPA_KAFKA="127.0.0.1:$BENCH_KAFKA_PORT" "${STATIC_KEY_OIDC_ENV[@]}" \
  DPA_WEBHOOK_SECRET_KEYS="bench-1:YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=" DPA_WEBHOOKS_ALLOW_LOOPBACK_HTTP=true \
  java $BENCH_SERVICE_JAVA_OPTS -jar "$JAR" > "$RUN/service.log" 2>&1 &
SERVICE_PID=$!
ready=""
for _ in $(seq 1 3000); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_HTTP_PORT/q/health/ready")" = 200 ]; then
    ready=$(( ($(date +%s%N) - t_start) / 1000000 )); break
  fi
  kill -0 $SERVICE_PID 2>/dev/null || die "the service exited (see $RUN/service.log)"
  sleep 0.02
done
[ -n "$ready" ] || die "the service was not ready in 60s"
log "    ready after $ready ms (Flyway migrated $BENCH_DB)"
# reporting-service reads every topic into its cross-service read models; here it gets each notice's objection window
# (DPA art. 6.1) as an obligation. Prod profile, the test key for both OIDC tenants (as bench/reporting.sh does).
if [ "$BENCH_REPORTING" = 1 ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $REPORTING_DB WITH (FORCE)" -c "CREATE DATABASE $REPORTING_DB"
  log "starting reporting-service on :$BENCH_REPORTING_PORT, database $REPORTING_DB (empty), JVM options: $REPORTING_JAVA_OPTS"
  # shellcheck disable=SC2086
  env DPA_REPORTING_PORT="$BENCH_REPORTING_PORT" DPA_REPORTING_DB="$REPORTING_DB" DPA_PG_HOST="$PG_HOST" DPA_PG_PORT="$PG_PORT" \
    DPA_PG_USER="$PG_USER" DPA_KAFKA="127.0.0.1:$BENCH_KAFKA_PORT" "${STATIC_KEY_OIDC_ENV[@]}" \
    DPA_WEBHOOK_SECRET_KEYS="bench-1:YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=" \
    java $REPORTING_JAVA_OPTS -Dquarkus.oidc.dashboard.application-type=service "-D%prod.quarkus.oidc.dashboard.auth-server-url=" \
      "-Dquarkus.oidc.dashboard.public-key=$(cat testing/src/main/resources/dpa-test/test-public-key.b64)" \
      -Dquarkus.oidc.dashboard.token.issuer=https://issuer.test.dpa-ledger -jar "$REPORTING_JAR" > "$RUN/reporting.log" 2>&1 &
  REPORTING_PID=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_REPORTING_PORT/q/health/ready")" = 200 ] && break
    kill -0 $REPORTING_PID 2>/dev/null || die "reporting-service exited (see $RUN/reporting.log)"
    sleep 0.05
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_REPORTING_PORT/q/health/ready")" = 200 ] || die "reporting-service not ready"
  REPORTING_READY_S=$(date +%s)
  log "    reporting-service ready"
fi
API="http://127.0.0.1:$BENCH_HTTP_PORT"
# Real JWT verification: no token and a token of an unknown key are refused.
code=$(curl -s -o /dev/null -w '%{http_code}' "$API/subprocessor-announcements")
[ "$code" = 401 ] || die "GET /subprocessor-announcements without a token answered $code (want 401)"

# ------------------------------------------------------------------------------------------- bulk load
# What the service's projections would hold after the processor's agreements were activated: the agreement directory
# (kernel V4) and each agreement's BASELINE registry entry (RegistryBaselineProjection: annex 1 = Level 27, BE). Written
# by SQL, one INSERT each: a read-model bulk load, not events (agreement-service is not involved).
log "READ-MODEL BULK LOAD: $BENCH_TOTAL_AGREEMENTS ACTIVE agreements over $BENCH_CONTROLLERS controllers and $BENCH_PROCESSORS" \
    "processor(s), $BENCH_AGREEMENTS of them of processor $PROCESSOR_ORG, into agreement_directory, each with a BASELINE" \
    "registry entry ('Level 27' (BE) under $PROCESSOR_ORG, 'Hetzner Online GmbH' (DE) under the others); rows, not events"
t_load=$(date +%s%N)
"${PSQL[@]}" -d "$BENCH_DB" -v n="$BENCH_AGREEMENTS" -v total="$BENCH_TOTAL_AGREEMENTS" -v controllers="$BENCH_CONTROLLERS" \
  -v processors="$BENCH_PROCESSORS" -v processor="$PROCESSOR_ORG" <<'SQL'
-- Agreement ids as agreement-service makes them (UUIDs), derived from the number so a run is repeatable. Controllers:
-- 0200000000, 0200000001, ... (10 digits, the first 0), agreement n goes to controller n mod :controllers. Agreements
-- 1 to :n are the announcing processor's, the others go to processors 0400000001 ... (n mod (:processors - 1) + 1).
-- annex_subprocessors as the projection writes it is not read by subprocessor-service; '[]' keeps the rows small.
CREATE TEMPORARY TABLE bench_agreements AS
SELECT md5('bench-announce-' || n)::uuid::text AS agreement_id, '02' || lpad((n % :controllers)::text, 8, '0') AS controller_org,
       CASE WHEN n <= :n THEN :'processor' ELSE '04' || lpad((n % greatest(:processors - 1, 1) + 1)::text, 8, '0') END AS processor_org
FROM generate_series(1, :total) n;

INSERT INTO agreement_directory (agreement_id, stream_version, status, controller_org, controller_name, processor_org,
                                 processor_name, supervisory_authority, time_zone, objection_days,
                                 destruction_confirmation_days, annex_subprocessors, activated_at, updated_at)
SELECT agreement_id, 4, 'ACTIVE', controller_org, 'Bench controller ' || controller_org, processor_org,
       'Bench processor ' || processor_org, 'VTC', 'Europe/Brussels', 30, 30, '[]', now(), now()
FROM bench_agreements;

INSERT INTO registry_entries (agreement_id, entry_id, name, name_key, head_office, country, transfer_mechanism, basis,
                              accepted_since, controller_org, processor_org)
SELECT agreement_id, 'baseline:' || lower(s.name), s.name, lower(s.name), s.office, s.country, NULL, 'BASELINE', now(),
       controller_org, processor_org
FROM bench_agreements,
     LATERAL (SELECT CASE WHEN processor_org = :'processor' THEN 'Level 27' ELSE 'Hetzner Online GmbH' END AS name,
                     CASE WHEN processor_org = :'processor' THEN 'Hasselt' ELSE 'Gunzenhausen' END AS office,
                     CASE WHEN processor_org = :'processor' THEN 'BE' ELSE 'DE' END AS country) s;

ANALYZE agreement_directory;
ANALYZE registry_entries;
SQL
LOAD_MS=$(( ($(date +%s%N) - t_load) / 1000000 ))
read -r DIR_ROWS REG_ROWS CTRL_ORGS < <("${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -c "select (select count(*) from agreement_directory
  where processor_org = '$PROCESSOR_ORG' and status = 'ACTIVE'), (select count(*) from registry_entries where basis = 'BASELINE'),
  (select count(distinct controller_org) from agreement_directory)")
[ "$DIR_ROWS" = "$BENCH_AGREEMENTS" ] && [ "$REG_ROWS" = "$BENCH_TOTAL_AGREEMENTS" ] || die "bulk load: $DIR_ROWS agreements, $REG_ROWS registry rows"
log "    loaded in $LOAD_MS ms: $REG_ROWS agreements ($DIR_ROWS of $PROCESSOR_ORG) with a registry entry each, $CTRL_ORGS controllers"

# ------------------------------------------------------------------------------------------- webhook receivers
# Every controller subscribes to its sub-processor events (eu.dpaledger.subprocessor.*) with a receiver on this machine
# (bench/WebhookBench.java: one process, a path per organisation, signatures checked); 1 in BENCH_WEBHOOK_FAIL_EVERY
# receivers answers 503 to each delivery's first attempt.
webhook_stats() { curl -sS "http://127.0.0.1:$BENCH_WEBHOOK_PORT/stats"; }
if [ "$BENCH_WEBHOOKS" = 1 ]; then
log "webhooks: $CTRL_ORGS controllers subscribe (POST /webhook-subscriptions) with receivers on :$BENCH_WEBHOOK_PORT," \
    "1 in $BENCH_WEBHOOK_FAIL_EVERY refusing each first attempt"
# The receivers' JVM also samples the consumer lag (below; one JVM less on the two cores).
java -cp "$CLASSES:$KAFKA_LIB/*" WebhookBench --base "http://127.0.0.1:$BENCH_HTTP_PORT" \
  --key testing/src/main/resources/dpa-test/test-private-key.pem --port "$BENCH_WEBHOOK_PORT" --controllers "$CTRL_ORGS" \
  --fail-every "$BENCH_WEBHOOK_FAIL_EVERY" --types 'eu.dpaledger.subprocessor.*' \
  --kafka "127.0.0.1:$BENCH_KAFKA_PORT" --lag-out "$RUN/kafka-lag.txt" --lag-every-ms 1000 > "$RUN/webhooks.out" 2> "$RUN/webhooks.err" &
RECEIVER_PID=$!
for _ in $(seq 1 1500); do
  grep -q '^READY' "$RUN/webhooks.out" 2>/dev/null && break
  kill -0 $RECEIVER_PID 2>/dev/null || { tail -5 "$RUN/webhooks.err"; die "the webhook receiver exited"; }
  sleep 0.2
done
read -r _ SUBSCRIPTIONS SUBSCRIBE_MS < <(grep '^READY' "$RUN/webhooks.out") || die "the subscriptions were not made in 300 s"
log "    $SUBSCRIPTIONS subscriptions in $SUBSCRIBE_MS ms"
else
  log "webhooks: BENCH_WEBHOOKS=0, nothing subscribes (the fan-out alone)"
fi
# Every consumer group's lag on the broker, sampled every second from before the POST until the webhooks are delivered.
if [ "$BENCH_WEBHOOKS" = 1 ]; then
  curl -sS "http://127.0.0.1:$BENCH_WEBHOOK_PORT/lag/start"
else
  java -cp "$CLASSES:$KAFKA_LIB/*" KafkaLag --bootstrap "127.0.0.1:$BENCH_KAFKA_PORT" --every-ms 1000 > "$RUN/kafka-lag.txt" 2> "$RUN/kafka-lag.err" &
  LAG_PID=$!
fi

# ------------------------------------------------------------------------------------------- the announcement
INTENDED_FROM=$(TZ=Europe/Brussels date -d '+45 days' +%F)
BODY=$(jq -cn --arg from "$INTENDED_FROM" '{kind: "ADD", subprocessor: {name: "Cloudflare, Inc.", headOffice: "San Francisco",
  country: "US", transferMechanism: "ADEQUACY_DECISION"}, intendedFrom: $from,
  reason: "Content delivery network in front of every customer'"'"'s website"}')
log "POST /subprocessor-announcements: ADD Cloudflare, Inc. (US, ADEQUACY_DECISION) from $INTENDED_FROM to every ACTIVE agreement"
# reporting-service's hourly snapshot job first runs 30 s after its start (SnapshotJob): the announcement waits for that
# moment to pass, so it meets a service in its steady state (on an empty database the first run finds no organisation)
# rather than one parsing its queries for the first time during the fan-out (a third of its CPU then, JFR, 2026-12-04).
if [ "$BENCH_REPORTING" = 1 ]; then
  wait_s=$(( REPORTING_READY_S + 35 - $(date +%s) ))
  if [ "$wait_s" -gt 0 ]; then log "waiting ${wait_s}s for reporting-service's first snapshot run"; sleep "$wait_s"; fi
fi
# The receivers (and the lag sampler in their JVM) and a lag sampler of its own when nothing subscribes are counted apart
# ("receivers", "lag-sampler"): they are the bench's, not the service's.
FANOUT_PIDS=("$SERVICE_PID" "$KAFKA_PID" "$RECEIVER_PID" "$LAG_PID" "$REPORTING_PID")
cpu_before=$(cpu_snapshot "${FANOUT_PIDS[@]}")
t0=$(date +%s%N)
T0_MS=$(( t0 / 1000000 ))
out=$(curl -sS -H "Authorization: Bearer $PROCESSOR_TOKEN" -H 'Content-Type: application/json' -d "$BODY" \
  -w '\n%{http_code} %{time_total}' "$API/subprocessor-announcements")
read -r code post_s <<< "$(tail -1 <<< "$out")"
POST_MS=$(awk -v s="$post_s" 'BEGIN { printf "%.0f", s * 1000 }')
[ "$code" = 201 ] || die "POST /subprocessor-announcements answered $code: $(head -c 500 <<< "$out")"
ID=$(head -n -1 <<< "$out" | jq -r .id)
[[ "$ID" =~ ^[0-9a-f-]{36}$ ]] || die "no announcement id in the answer: $(head -c 500 <<< "$out")"
log "    201 in $POST_MS ms: announcement $ID"

elapsed() { awk -v n=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", n / 1e9 }'; }
# Each notice's objection window in reporting-service's obligations (its own database).
reporting_count() { "${PSQL[@]}" -d "$REPORTING_DB" -At -c "select count(*) from obligations where kind = 'OBJECTION_WINDOW'
  and source_type = 'subprocessorchange'"; }
REPORTING_S=""
[ "$BENCH_REPORTING" = 1 ] || REPORTING_S=-
reporting_poll() { # sets REPORTING_S once every notice is an obligation there
  if [ -z "$REPORTING_S" ] && [ -n "$ISSUED_S" ] && [ "$(reporting_count)" -ge "$CREATED" ]; then REPORTING_S=$(elapsed); fi
}
visible_count() { "${PSQL[@]}" -d "$BENCH_DB" -At -c "select count(*) from changes where change_id in
  (select change_id from announcement_targets where announcement_id = '$ID')"; }
ISSUED_S=""; VISIBLE_S=""; last_log=0; deadline=$(( $(date +%s) + BENCH_FANOUT_TIMEOUT ))
while [ -z "$VISIBLE_S" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "not every notice issued and visible after ${BENCH_FANOUT_TIMEOUT}s"
  kill -0 $SERVICE_PID 2>/dev/null || die "the service exited (see $RUN/service.log)"
  if [ -z "$ISSUED_S" ]; then
    read -r waiting created refused completed < <(curl -sS -H "Authorization: Bearer $PROCESSOR_TOKEN" "$API/subprocessor-announcements/$ID" \
      | jq -r '"\(.counts.waiting) \(.counts.created) \(.counts.refused) \(.completedAt // "-")"') || true
    if [ "$waiting" = 0 ] && [ "$completed" != - ]; then
      ISSUED_S=$(elapsed); CREATED=$created; REFUSED=$refused
      log "    every notice issued after ${ISSUED_S}s: $CREATED created, $REFUSED refused"
    fi
  fi
  reporting_poll
  if [ -n "$ISSUED_S" ]; then
    visible=$(visible_count)
    if [ "$visible" -ge "$CREATED" ]; then VISIBLE_S=$(elapsed); break; fi
  fi
  if [ $(( $(date +%s) - last_log )) -ge 5 ]; then
    last_log=$(date +%s)
    log "    +$(elapsed)s: created ${created:-?}, refused ${refused:-?}, waiting ${waiting:-?}, in the change list $(visible_count)"
  fi
  sleep 1 # the bench polls lightly: its curl, jq and psql share the two cores with what is measured
done
cpu_after=$(cpu_snapshot "${FANOUT_PIDS[@]}")
FANOUT_CPU=$(cpu_report "$cpu_before" "$cpu_after" service kafka receivers lag-sampler reporting)
HZ=$(getconf CLK_TCK)
SERVICE_CPU_S=$(awk -v b="$cpu_before" -v a="$cpu_after" -v hz="$HZ" 'BEGIN { split(b, x, " "); split(a, y, " "); printf "%.1f", (y[4] - x[4]) / hz }')
KAFKA_CPU_S=$(awk -v b="$cpu_before" -v a="$cpu_after" -v hz="$HZ" 'BEGIN { split(b, x, " "); split(a, y, " "); printf "%.1f", (y[5] - x[5]) / hz }')
RSS_FANOUT_MIB=$(( $(rss_kib $SERVICE_PID VmRSS) / 1024 ))
log "    every notice in the change list after ${VISIBLE_S}s; service CPU ${SERVICE_CPU_S}s, RSS $RSS_FANOUT_MIB MiB; $FANOUT_CPU"
while [ -z "$REPORTING_S" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "not every notice in reporting-service's obligations after ${BENCH_FANOUT_TIMEOUT}s"
  kill -0 $REPORTING_PID 2>/dev/null || die "reporting-service exited (see $RUN/reporting.log)"
  reporting_poll
  [ -n "$REPORTING_S" ] || sleep 1
done
[ "$BENCH_REPORTING" = 1 ] && log "    every notice's objection window in reporting-service's obligations after ${REPORTING_S}s"

# Every notice's webhook (ChangeAnnounced) at its controller's receiver, retried ones included.
ANNOUNCED_TYPE=eu.dpaledger.subprocessor.ChangeAnnounced.v1
stat() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1); for (i = 1; i <= NF; i++) if (index($i, k "=") == 1) print substr($i, length(k) + 2) }' <<< "$2"; }
WEBHOOKS_S=""; last_log=0
[ "$BENCH_WEBHOOKS" = 1 ] || WEBHOOKS_S=-
while [ -z "$WEBHOOKS_S" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "not every webhook delivered after ${BENCH_FANOUT_TIMEOUT}s: $(webhook_stats)"
  kill -0 $SERVICE_PID 2>/dev/null || die "the service exited (see $RUN/service.log)"
  stats=$(webhook_stats)
  announced=$(stat "$ANNOUNCED_TYPE" "$stats"); announced=${announced:-0}
  if [ "$announced" -ge "$CREATED" ]; then
    WEBHOOKS_STATS=$stats
    WEBHOOKS_S=$(awk -v l="$(stat last_ms "$stats")" -v t="$T0_MS" 'BEGIN { printf "%.1f", (l - t) / 1000 }')
    break
  fi
  if [ $(( $(date +%s) - last_log )) -ge 5 ]; then
    last_log=$(date +%s)
    log "    +$(elapsed)s: webhooks delivered $announced of $CREATED notices (attempts $(stat attempts "$stats"), refused on purpose $(stat failed_on_purpose "$stats"))"
  fi
  sleep 1
done
cpu_webhooks=$(cpu_snapshot "${FANOUT_PIDS[@]}")
WEBHOOKS_CPU=$(cpu_report "$cpu_after" "$cpu_webhooks" service kafka receivers lag-sampler reporting)
stop_pid "$LAG_PID" kafka-lag 5; LAG_PID=""
[ "$BENCH_WEBHOOKS" = 1 ] && curl -sS "http://127.0.0.1:$BENCH_WEBHOOK_PORT/lag/stop"
if [ "$BENCH_WEBHOOKS" = 1 ]; then
RETRIED_S=$(awk -v l="$(stat retried_last_ms "$WEBHOOKS_STATS")" -v t="$T0_MS" 'BEGIN { printf "%.1f", (l > 0 ? (l - t) / 1000 : 0) }')
FIRST_WEBHOOK_S=$(awk -v l="$(stat first_ms "$WEBHOOKS_STATS")" -v t="$T0_MS" 'BEGIN { printf "%.1f", (l - t) / 1000 }')
log "    every notice's webhook delivered ${WEBHOOKS_S}s after the POST (first at +${FIRST_WEBHOOK_S}s); $WEBHOOKS_STATS"
fi
# Kafka consumer lag during the fan-out: the largest and when it last was above 0, per group and topic (a sample a second).
awk -v t="$T0_MS" '$1 >= t { k = $2 " " $3; if (!(k in max) || $4 > max[k]) { max[k] = $4; at[k] = $1 } if ($4 > 0) last[k] = $1; n[k]++ }
  END { for (k in max) printf "%-40s max %6d messages at +%.1fs, last above 0 at +%.1fs (%d samples)\n", k, max[k], (at[k] - t) / 1000,
        (k in last ? (last[k] - t) / 1000 : 0), n[k] }' "$RUN/kafka-lag.txt" | sort > "$RUN/kafka-lag-summary.txt"
sed 's/^/    kafka lag: /' "$RUN/kafka-lag-summary.txt" >&2

# The service's own clock for the same: each notice's ChangeAnnounced (events.occurred_at, version 1 of its stream) and
# when the 'subprocessor-changes' projection applied it (projection_applied_events.applied_at), from announced_at.
read -r EV_N EV_APPLIED FIRST_S LAST_S LAST_VISIBLE_S LAG50 LAG99 LAGMAX < <("${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' <<SQL
WITH a AS (SELECT announced_at FROM announcements WHERE announcement_id = '$ID'),
     t AS (SELECT change_id FROM announcement_targets WHERE announcement_id = '$ID' AND outcome = 'CREATED'),
     e AS (SELECT ev.event_id, ev.occurred_at FROM events ev JOIN t ON ev.stream_id = t.change_id AND ev.version = 1),
     p AS (SELECT e.occurred_at, pa.applied_at, extract(epoch FROM pa.applied_at - e.occurred_at) * 1000 AS ms
           FROM e JOIN projection_applied_events pa ON pa.event_id = e.event_id AND pa.projection = 'subprocessor-changes')
SELECT (SELECT count(*) FROM e), (SELECT count(*) FROM p),
       round(extract(epoch FROM (SELECT min(occurred_at) FROM e) - a.announced_at)::numeric, 2),
       round(extract(epoch FROM (SELECT max(occurred_at) FROM e) - a.announced_at)::numeric, 2),
       round(extract(epoch FROM (SELECT max(applied_at) FROM p) - a.announced_at)::numeric, 2),
       (SELECT round((percentile_disc(0.50) WITHIN GROUP (ORDER BY ms))::numeric, 0) FROM p),
       (SELECT round((percentile_disc(0.99) WITHIN GROUP (ORDER BY ms))::numeric, 0) FROM p),
       (SELECT round(max(ms)::numeric, 0) FROM p)
FROM a
SQL
)
log "    service clock: notices issued from +${FIRST_S}s to +${LAST_S}s after announced_at, the last in the change list at" \
    "+${LAST_VISIBLE_S}s; notice-to-change-list lag p50 $LAG50 ms, p99 $LAG99 ms, max $LAGMAX ms ($EV_APPLIED of $EV_N applied)"
"${PSQL[@]}" -d "$BENCH_DB" -c "select coalesce(refusal_type, outcome) as outcome, count(*) from announcement_targets
  where announcement_id = '$ID' group by 1 order by 1" > "$RUN/outcomes.txt"
sed 's/^/    /' "$RUN/outcomes.txt" >&2

# This machine's PostgreSQL runs with autovacuum=off (its CI configuration); the fan-out left a dead version of every
# work-list row (the lease, then the outcome). As run.sh does, VACUUM ANALYZE stands in for autovacuum before the reads.
if [ "$("${PSQL[@]}" -d postgres -Atc "show autovacuum")" = off ]; then
  log "    autovacuum is off on this server: VACUUM ANALYZE $BENCH_DB in its stead"
  "${PSQL[@]}" -d "$BENCH_DB" -c "VACUUM (ANALYZE)"
fi

# ------------------------------------------------------------------------------------------- reads
# A cursor from the middle of the notice list: pages of 200 up to about half way.
cursor=""; half=$(( BENCH_AGREEMENTS / 2 / 200 ))
for _ in $(seq 1 "$half"); do
  cursor=$(curl -sS -H "Authorization: Bearer $PROCESSOR_TOKEN" --get "$API/subprocessor-announcements/$ID/notices" \
    --data-urlencode limit=200 ${cursor:+--data-urlencode "cursor=$cursor"} | jq -r '.nextCursor // empty')
  [ -n "$cursor" ] || break
done
MIDDLE=$(( half * 200 ))
if [ -n "$cursor" ]; then
  middle_query="notices-middle /subprocessor-announcements/$ID/notices?limit=50&cursor=$(jq -rn --arg c "$cursor" '$c | @uri')"
else
  middle_query="# no cursor half way ($BENCH_AGREEMENTS agreements)"; MIDDLE=0
fi
CTRL_ORG=$(printf '02%08d' 1)
AGREEMENT=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select agreement_id from agreement_directory where controller_org = '$CTRL_ORG'
  and processor_org = '$PROCESSOR_ORG' order by agreement_id limit 1")
cat > "$RUN/queries-processor.txt" <<EOF
# processor $PROCESSOR_ORG: the announcement and its notices
announcement          /subprocessor-announcements/$ID
notices               /subprocessor-announcements/$ID/notices?limit=50
notices-announced     /subprocessor-announcements/$ID/notices?status=ANNOUNCED&limit=50
$middle_query
served-by             /subprocessors/Level%2027/agreements?limit=50
EOF
cat > "$RUN/queries-controller.txt" <<EOF
# controller $CTRL_ORG: its agreement's change list and its overview
agreement-changes     /agreements/$AGREEMENT/subprocessor-changes
overview-controller   /subprocessors?limit=50
EOF
echo "overview-processor    /subprocessors?limit=50" > "$RUN/queries-overview.txt"

reads() { # name queries-file org roles requests-per-query warmup-per-query
  local name=$1 file=$2 org=$3 roles=$4 per=$5 warm=$6 n rc
  n=$(grep -cv '^#' "$file")
  log "reads ($name): $(grep -v '^#' "$file" | awk '{printf "%s%s", sep, $1; sep = ", "}') as $org ($roles), $per measured requests each"
  set +e
  "${READS[@]}" --queries "$file" --token-org "$org" --token-roles "$roles" --require-items --workers 1 \
    --warmup-requests $(( warm * n )) --requests $(( per * n )) --pids "service=$SERVICE_PID,kafka=$KAFKA_PID" > "$RUN/reads-$name.log" 2>&1
  rc=$?
  set -e
  grep -v '^RESULT' "$RUN/reads-$name.log" | sed 's/^/    /' >&2
  [ $rc -eq 0 ] || die "reads ($name) answered errors (see $RUN/reads-$name.log)"
}
reads processor "$RUN/queries-processor.txt" "$PROCESSOR_ORG" processor "$BENCH_READ_REQUESTS" "$BENCH_READ_WARMUP"
reads controller "$RUN/queries-controller.txt" "$CTRL_ORG" controller "$BENCH_READ_REQUESTS" "$BENCH_READ_WARMUP"
reads overview "$RUN/queries-overview.txt" "$PROCESSOR_ORG" processor "$BENCH_OVERVIEW_REQUESTS" 3
RSS_MIB=$(( $(rss_kib $SERVICE_PID VmRSS) / 1024 ))
RSS_HWM_MIB=$(( $(rss_kib $SERVICE_PID VmHWM) / 1024 ))
if [ "$BENCH_REPORTING" = 1 ]; then
  REPORTING_RSS_MIB=$(( $(rss_kib $REPORTING_PID VmRSS) / 1024 )); REPORTING_HWM_MIB=$(( $(rss_kib $REPORTING_PID VmHWM) / 1024 ))
fi

# ------------------------------------------------------------------------------------------- rebuilds
# The read models fed by dpa.subprocessors (the 10,000 notices' events and the announcement's), replayed from the topic's
# beginning through the kernel's rebuild endpoint. Not registry-baseline nor the agreement directory: their topic is empty
# here (the bulk load wrote their rows), a rebuild would empty them. Not webhook-fanout: it would deliver again.
: > "$RUN/rebuilds.txt"
# reporting-service's obligations read all four topics (only dpa.subprocessors holds events here).
REBUILDS="subprocessor-changes subprocessor-registry"
[ "$BENCH_REPORTING" = 1 ] && REBUILDS="$REBUILDS obligations"
for name in $REBUILDS; do
 base=$API; pid=$SERVICE_PID; logfile=$RUN/service.log
 [ "$name" = obligations ] && { base="http://127.0.0.1:$BENCH_REPORTING_PORT"; pid=$REPORTING_PID; logfile=$RUN/reporting.log; }
 for round in $(seq 1 "$BENCH_REBUILD_ROUNDS"); do
  log "rebuilding $name ($round of $BENCH_REBUILD_ROUNDS): POST /admin/projections/$name/rebuild (empties the read model, replays its topics)"
  before=$(cpu_snapshot "$pid" "$KAFKA_PID")
  out=$(curl -sS -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -w ' %{http_code} %{time_total}' "$base/admin/projections/$name/rebuild")
  cpu_line=$(cpu_report "$before" "$(cpu_snapshot "$pid" "$KAFKA_PID")" service kafka)
  read -r code seconds <<< "${out##*\} }"
  [ "$code" = 200 ] || die "rebuild of $name answered $out"
  read_n=$(sed -n 's/.*"messagesRead":\([0-9]*\).*/\1/p' <<< "$out")
  rate=$(awk -v n="$read_n" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
  printf '%s %s %s %s %s\n' "$name" "$read_n" "$seconds" "$rate" "$round" >> "$RUN/rebuilds.txt"
  log "    $name: $read_n events in ${seconds}s = $rate events/s; $cpu_line"
  log "    service log: $(grep "projection $name rebuilt" "$logfile" | tail -1 | sed 's/.*rebuilt from/rebuilt from/')"
 done
done
# The rebuilt change list holds every notice again.
REBUILT_VISIBLE=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select count(*) from changes where kind = 'ADD'")
[ "$REBUILT_VISIBLE" -ge "$BENCH_AGREEMENTS" ] || die "after the rebuild the change list holds $REBUILT_VISIBLE notices"

# ------------------------------------------------------------------------------------------- summary
stop_pid "$SERVICE_PID" subprocessor-service 20; SERVICE_PID=""
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (a != "" && (op == ">=" ? a + 0 >= b + 0 : a + 0 < b + 0)); print (ok ? "met" : "MISSED") }'; }
# p50, p99 and max of one query from ReportingLoad's table ("name n p50 p95 p99 max empty").
pcts() { # query name -> p50 p99 max, from the log of the run that measured it
  local log=processor
  case $1 in overview-processor) log=overview;; agreement-changes|overview-controller) log=controller;; esac
  awk -v q="$1" '$1 == q && $2 ~ /^[0-9]+$/ {print $3, $5, $6}' "$RUN/reads-$log.log" | tail -1
}
QUERIES=$(cat "$RUN/queries-processor.txt" "$RUN/queries-controller.txt" "$RUN/queries-overview.txt" | grep -v '^#')
CTRL_AGREEMENTS=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select count(*) from agreement_directory where controller_org = '$CTRL_ORG'")
OVERVIEW_KIB=$(awk '/^measured:/ {for (i = 1; i <= NF; i++) if ($i == "KiB") print $(i - 1)}' "$RUN/reads-overview.log")
{
  cat "$RUN/machine.txt"
  echo
  echo "READ-MODEL BULK LOAD (not events): $REG_ROWS ACTIVE agreements over $CTRL_ORGS controllers and $BENCH_PROCESSORS processor(s), $DIR_ROWS of"
  echo "    them of processor $PROCESSOR_ORG (the announcing one), written by SQL into agreement_directory, each with a BASELINE registry"
  echo "    entry ('Level 27' (BE) under $PROCESSOR_ORG, 'Hetzner Online GmbH' (DE) under the others), in $LOAD_MS ms; agreement-service"
  echo "    is not involved."
  echo
  echo "announcement: POST /subprocessor-announcements, ADD Cloudflare, Inc. (US, ADEQUACY_DECISION), intendedFrom $INTENDED_FROM"
  echo "    201 in $POST_MS ms (the announcement and its $BENCH_AGREEMENTS-row work list, one transaction)"
  echo "    every notice issued (counts.waiting 0, completedAt set) ${ISSUED_S}s after the POST: created $CREATED, refused $REFUSED" \
       "($(awk -v n="$CREATED" -v s="$ISSUED_S" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }') notices/s)"
  echo "    every notice in the change list read model (visible) ${VISIBLE_S}s after the POST (polled every second)"
  [ "$BENCH_REPORTING" = 1 ] && echo "    every notice's objection window (DPA art. 6.1) in reporting-service's obligations ${REPORTING_S}s after the POST (polled every second)"
  echo "    service clock: issued from +${FIRST_S}s to +${LAST_S}s after announced_at, last one in the change list at +${LAST_VISIBLE_S}s;"
  echo "    notice-to-change-list lag (outbox, Kafka, projection) p50 $LAG50 ms, p99 $LAG99 ms, max $LAGMAX ms ($EV_APPLIED of $EV_N notices)"
  echo "    CPU seconds from the POST to all visible: service ${SERVICE_CPU_S}s ($(awk -v c="$SERVICE_CPU_S" -v n="$CREATED" \
       'BEGIN { printf "%.1f", (n > 0 ? 1000 * c / n : 0) }') ms per notice), kafka ${KAFKA_CPU_S}s"
  echo "    $FANOUT_CPU"
  if [ "$BENCH_WEBHOOKS" = 1 ]; then
  echo "    webhooks: $SUBSCRIPTIONS controller subscriptions (eu.dpaledger.subprocessor.*, made in $SUBSCRIBE_MS ms), receivers on this"
  echo "    machine checking every signature, 1 in $BENCH_WEBHOOK_FAIL_EVERY answering 503 to each first attempt (retried after 5 s):"
  echo "    every notice's webhook delivered ${WEBHOOKS_S}s after the POST (first at +${FIRST_WEBHOOK_S}s, the last retried one at +${RETRIED_S}s)"
  echo "    receiver: $WEBHOOKS_STATS"
  echo "    CPU from all visible to all delivered: $WEBHOOKS_CPU"
  else
  echo "    webhooks: not measured (BENCH_WEBHOOKS=0: nothing subscribed)"
  fi
  echo "    Kafka consumer lag from the POST to all delivered (every group, summed over partitions, sampled every second):"
  sed 's/^/        /' "$RUN/kafka-lag-summary.txt"
  echo
  echo "reads, one connection, latency at the client (ms; $BENCH_READ_REQUESTS requests each, overview $BENCH_OVERVIEW_REQUESTS):"
  printf '    %-20s %-68s %7s %7s %7s\n' read request p50 p99 max
  while read -r name path; do
    read -r p50 p99 max < <(pcts "$name")
    printf '    %-20s %-68s %7s %7s %7s\n' "$name" "$(sed "s/$ID/{id}/; s/$AGREEMENT/{agreement}/; s/cursor=.*/cursor=<seq $MIDDLE>/" <<< "$path")" "$p50" "$p99" "$max"
  done <<< "$QUERIES"
  echo "    processor $PROCESSOR_ORG; controller $CTRL_ORG (party to $CTRL_AGREEMENTS agreement(s)); the processor's overview answers"
  echo "    one line (Level 27, BE; Cloudflare is not accepted yet) serving all $BENCH_AGREEMENTS agreements: $OVERVIEW_KIB KiB per answer"
  for r in processor controller overview; do printf '    reads (%s): %s\n' "$r" "$(grep '^CPU over' "$RUN/reads-$r.log")"; done
  echo
  echo "rebuilds (POST /admin/projections/{name}/rebuild after the reads, $BENCH_REBUILD_ROUNDS of each one after the other; events read"
  echo "from dpa.subprocessors, seconds at the client; the first round of each is judged, the others show the same code warm):"
  while read -r name n secs rate round; do printf '    %-24s round %s: %7s events in %6ss = %6s events/s\n' "$name" "$round" "$n" "$secs" "$rate"; done < "$RUN/rebuilds.txt"
  echo
  echo "service: time to ready $ready ms; RSS after the fan-out $RSS_FANOUT_MIB MiB, after the reads $RSS_MIB MiB (peak $RSS_HWM_MIB MiB)"
  [ "$BENCH_REPORTING" = 1 ] && echo "reporting-service: RSS after the reads $REPORTING_RSS_MIB MiB (peak $REPORTING_HWM_MIB MiB); JVM: $REPORTING_JAVA_OPTS"
  echo "    JVM: $BENCH_SERVICE_JAVA_OPTS"
  echo
  echo "targets"
  printf '    %-56s %-30s %s\n' "notices visible < ${TARGET_VISIBLE_S} s after the announcement ($BENCH_AGREEMENTS)" "${VISIBLE_S} s" "$(verdict "$VISIBLE_S" "<" "$TARGET_VISIBLE_S")"
  [ "$BENCH_REPORTING" = 1 ] && printf '    %-56s %-30s %s\n' "notices in reporting's obligations < ${TARGET_VISIBLE_S} s" "${REPORTING_S} s" "$(verdict "$REPORTING_S" "<" "$TARGET_VISIBLE_S")"
  [ "$BENCH_WEBHOOKS" = 1 ] && printf '    %-56s %-30s %s\n' "webhooks delivered < ${TARGET_WEBHOOKS_S} s ($CREATED, 1% refused first)" "${WEBHOOKS_S} s" "$(verdict "$WEBHOOKS_S" "<" "$TARGET_WEBHOOKS_S")"
  while read -r name _; do
    case $name in announcement) continue;; esac
    read -r p50 p99 _ < <(pcts "$name")
    printf '    %-56s %-30s %s\n' "list p99 < 50 ms: $name" "p99 $p99 ms (p50 $p50)" "$(verdict "$p99" "<" 50)"
  done <<< "$QUERIES"
  while read -r name n _ rate round; do
    [ "$round" = 1 ] || continue
    printf '    %-56s %-30s %s\n' "rebuild >= 20,000 events/s: $name" "$rate events/s ($n events)" "$(verdict "$rate" ">=" 20000)"
  done < "$RUN/rebuilds.txt"
  printf '    %-56s %-30s %s\n' "RSS < 350 MiB: subprocessor-service" "$RSS_MIB MiB (peak $RSS_HWM_MIB)" "$(verdict "$RSS_MIB" "<" 350)"
  [ "$BENCH_REPORTING" = 1 ] && printf '    %-56s %-30s %s\n' "RSS < 350 MiB: reporting-service" "$REPORTING_RSS_MIB MiB (peak $REPORTING_HWM_MIB)" "$(verdict "$REPORTING_RSS_MIB" "<" 350)"
  echo
  [ "${BENCH_QUICK:-0}" = 1 ] && echo "BENCH_QUICK=1: $BENCH_AGREEMENTS agreements, fewer requests (the visibility target is the issue's for 10,000)"
  echo "logs: ${RUN#$ROOT/}"
} > "$SUMMARY"
echo
cat "$SUMMARY"
