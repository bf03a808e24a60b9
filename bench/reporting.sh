#!/usr/bin/env bash
# reporting-service benchmark (see bench/README.md, "reporting-service"): contract-valid events on the four topics,
# the read models' catch-up from an empty database and their rebuilds (events/s), then 100,000 obligations across
# 1,000 organisations and the read latency of GET /obligations (filtered, paged) and of the dashboard page.
# Everything runs on this machine: PostgreSQL, a fresh single-node Kafka, the packaged service; stopped on exit.
#
#   bench/reporting.sh                   full run (about 6 to 10 minutes on 2 cores)
#   BENCH_QUICK=1 bench/reporting.sh     fewer events and requests, to try the script out (not for RESULTS.md)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# ------------------------------------------------------------------------------------------- settings
BENCH_DB=${BENCH_REPORTING_DB:-dpa_bench_reporting}
BENCH_HTTP_PORT=${BENCH_REPORTING_HTTP_PORT:-18085}
BENCH_KAFKA_PORT=${BENCH_REPORTING_KAFKA_PORT:-19192}
BENCH_KAFKA_CONTROLLER_PORT=$((BENCH_KAFKA_PORT + 1))
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  d_agreements=600; d_obligations=20000; d_requests=300; d_warmup=100; d_pages=60
else
  d_agreements=6000; d_obligations=100000; d_requests=2000; d_warmup=500; d_pages=400
fi
BENCH_ORGANISATIONS=${BENCH_ORGANISATIONS:-1000}        # organisations in the events and the obligations
BENCH_AGREEMENTS=${BENCH_AGREEMENTS:-$d_agreements}     # agreement histories on the topics (about 18 events each)
BENCH_HEAVY=${BENCH_HEAVY:-100}                         # agreements of the measured organisation (as controller)
BENCH_OBLIGATIONS=${BENCH_OBLIGATIONS:-$d_obligations}  # obligations in the read model for the read phases
BENCH_READ_REQUESTS=${BENCH_READ_REQUESTS:-$d_requests} # measured GET /obligations per organisation
BENCH_READ_WARMUP=${BENCH_READ_WARMUP:-$d_warmup}       # unmeasured ones before
BENCH_READ_WORKERS=${BENCH_READ_WORKERS:-1}             # concurrent connections (1: server time + loopback)
BENCH_PAGE_REQUESTS=${BENCH_PAGE_REQUESTS:-$d_pages}    # measured dashboard pages
BENCH_REBUILD=${BENCH_REBUILD:-all}                     # projections to rebuild: all, none, or names separated by commas
BENCH_KEEP=${BENCH_KEEP:-0}                             # 1: keep the database after the run
BENCH_PROFILE=${BENCH_PROFILE:-0}                       # 1: JFR of the catch-up and the rebuilds, hottest methods printed
BENCH_AUTO_EXPLAIN_MS=${BENCH_AUTO_EXPLAIN_MS:-}              # e.g. 0: plans of the service's statements slower than that
                                                         # (BENCH_AUTO_EXPLAIN_SAMPLE of them, default 1%)
BENCH_PG_LOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}  # where PostgreSQL's server log is (auto_explain)
BENCH_READS=${BENCH_READS:-1}                           # 0: stop after the rebuilds (events, catch-up, rebuilds only)
BENCH_SESSION=${BENCH_SESSION:-0}                       # 1: the page in a real Keycloak session (code flow) instead
BENCH_KEYCLOAK_PORT=${BENCH_KEYCLOAK_PORT:-18180}
KEYCLOAK_VERSION=26.5.6

CACHE="$ROOT/.cache/bench"
RUN="$CACHE/runs/reporting-$(date +%Y%m%d-%H%M%S)"
JAR="$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar"
CLASSPATH_FILE="$ROOT/reporting-service/target/bench.classpath"
CLASSES="$RUN/classes"
SUMMARY="$RUN/summary.txt"
mkdir -p "$RUN"
# shellcheck source=bench/lib.sh
. bench/lib.sh
DOCKERFILE_JAVA_OPTS=$(dockerfile_java_opts reporting-service)
BENCH_SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:-${DOCKERFILE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}}

case "$BENCH_DB" in
  dpa_agreement|dpa_subprocessor|dpa_breach|dpa_audit|dpa_reporting) die "refusing to use a service database name for the benchmark";;
esac

# ------------------------------------------------------------------------------------------- cleanup
SERVICE_PID=""
KAFKA_PID=""
KEYCLOAK_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$BENCH_AUTO_EXPLAIN_MS" ] && [ -n "${PG_LOG_OFFSET:-}" ]; then
    tail -c +$((PG_LOG_OFFSET + 1)) "$BENCH_PG_LOG" > "$RUN/auto-explain.log" 2>/dev/null || true
  fi
  stop_pid "$SERVICE_PID" reporting-service 20
  stop_pid "$KAFKA_PID" kafka 20
  stop_pid "$KEYCLOAK_PID" keycloak 20
  if [ "$BENCH_KEEP" != 1 ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" 2>/dev/null || true
    rm -rf "$RUN/kafka-data"
  fi
  [ $rc -eq 0 ] || log "run failed (exit $rc); logs in ${RUN#$ROOT/}"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------- preflight, build
require_tools java javac psql pg_isready curl
require_free_ports "$BENCH_HTTP_PORT" "$BENCH_KAFKA_PORT" "$BENCH_KAFKA_CONTROLLER_PORT"
[ "$BENCH_SESSION" = 1 ] && { require_tools jq unzip; require_free_ports "$BENCH_KEYCLOAK_PORT"; }
if [ ! -f "$CLASSPATH_FILE" ] || [ "$CLASSPATH_FILE" -ot "$JAR" ] \
   || [ -n "$(find platform/src testing/src reporting-service/src pom.xml platform/pom.xml testing/pom.xml reporting-service/pom.xml \
              -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  # The service's jar, and the test classpath the event producer runs on (kernel contract records, testing.Contracts,
  # the producers' schemas under reporting-service/target/test-classes/contracts).
  log "building reporting-service (./mvnw package -DskipTests) and its test classpath"
  ./mvnw -B -q ${BENCH_MVN_OFFLINE:+-o} -pl platform,testing,reporting-service package -DskipTests dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath > "$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log"; die "build"; }
fi
TEST_CLASSPATH="$(cat "$CLASSPATH_FILE"):$ROOT/reporting-service/target/test-classes"
fetch_kafka
mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" bench/LoadGen.java bench/ReportingLoad.java > "$RUN/javac.log" 2>&1 || { cat "$RUN/javac.log"; die "javac"; }
javac -nowarn -cp "$TEST_CLASSPATH" -d "$CLASSES" bench/ReportingEvents.java >> "$RUN/javac.log" 2>&1 || { cat "$RUN/javac.log"; die "javac"; }
EVENTS=(java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CLASSES:$TEST_CLASSPATH" ReportingEvents)
READS=(java -cp "$CLASSES" ReportingLoad --base "http://127.0.0.1:$BENCH_HTTP_PORT")
describe_machine

# ------------------------------------------------------------------------------------------- Keycloak (BENCH_SESSION=1)
# The dpa realm with the dashboard client's redirect URIs for the benchmark's port and a user of the measured
# organisation; the service's dashboard tenant then logs in there with the authorization-code flow, as in production.
if [ "$BENCH_SESSION" = 1 ]; then
  kc_zip="$CACHE/keycloak/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [ ! -f "$kc_zip" ]; then
    log "fetching Keycloak $KEYCLOAK_VERSION (once, 165 MB)"
    ./mvnw -B -q ${BENCH_MVN_OFFLINE:+-o} dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$CACHE/keycloak" > "$RUN/keycloak-fetch.log" 2>&1 || { tail -20 "$RUN/keycloak-fetch.log"; die "Keycloak download"; }
  fi
  kc_home="$CACHE/keycloak/keycloak-$KEYCLOAK_VERSION"
  [ -d "$kc_home" ] || unzip -q "$kc_zip" -d "$CACHE/keycloak"
  rm -rf "$kc_home/data"
  mkdir -p "$kc_home/data/import"
  bench_url="http://127.0.0.1:$BENCH_HTTP_PORT"
  jq --arg cb "$bench_url/dashboard/callback" --arg home "$bench_url/" '
      (.clients[] | select(.clientId == "dpa-dashboard")) |= (.redirectUris += [$cb] | .webOrigins += [$home[:-1]]
        | .attributes["post.logout.redirect.uris"] += ("##" + $home))
      | .users += [{username: "bench-dpo", enabled: true, emailVerified: true, firstName: "Bench", lastName: "DPO",
          email: "bench-dpo@example.org", attributes: {org: ["0200000000"]}, realmRoles: ["controller", "processor"],
          credentials: [{type: "password", value: "bench", temporary: false}]}]' \
    deploy/keycloak/dpa-realm.json > "$kc_home/data/import/dpa-realm.json"
  log "starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$BENCH_KEYCLOAK_PORT (realm dpa, user bench-dpo of organisation 0200000000)"
  env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$kc_home/bin/kc.sh" start-dev --http-port "$BENCH_KEYCLOAK_PORT" --http-host 127.0.0.1 \
    --hostname "http://127.0.0.1:$BENCH_KEYCLOAK_PORT" --import-realm > "$RUN/keycloak.log" 2>&1 &
  KEYCLOAK_PID=$!
  KEYCLOAK_REALM="http://127.0.0.1:$BENCH_KEYCLOAK_PORT/realms/dpa"
fi

# ------------------------------------------------------------------------------------------- events
start_kafka "$BENCH_KAFKA_PORT" "$BENCH_KAFKA_CONTROLLER_PORT"
log "putting $BENCH_AGREEMENTS agreement histories of $BENCH_ORGANISATIONS organisations on the four topics (contract-checked)"
"${EVENTS[@]}" produce --bootstrap "127.0.0.1:$BENCH_KAFKA_PORT" --agreements "$BENCH_AGREEMENTS" \
  --organisations "$BENCH_ORGANISATIONS" --heavy "$BENCH_HEAVY" --orgs-out "$RUN/organisations.tsv" > "$RUN/events.log" 2>&1 \
  || { tail -30 "$RUN/events.log"; die "event producer"; }
sed 's/^/    /' "$RUN/events.log" | grep -v RESULT >&2
EVENT_COUNT=$(result events "$RUN/events.log")
HEAVY_ORG=$(result heavy_org "$RUN/events.log")

# ------------------------------------------------------------------------------------------- service, catch-up
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
if [ -n "$BENCH_AUTO_EXPLAIN_MS" ]; then
  # Diagnostics only (it costs time): PostgreSQL's auto_explain in every session of the bench database logs the plan
  # and timing of each statement slower than BENCH_AUTO_EXPLAIN_MS to the server log; copied to the run's logs at the end.
  "${PSQL[@]}" -d postgres -c "ALTER DATABASE $BENCH_DB SET session_preload_libraries = 'auto_explain'" \
    -c "ALTER DATABASE $BENCH_DB SET auto_explain.log_min_duration = '${BENCH_AUTO_EXPLAIN_MS}ms'" \
    -c "ALTER DATABASE $BENCH_DB SET auto_explain.sample_rate = ${BENCH_AUTO_EXPLAIN_SAMPLE:-0.01}" \
    -c "ALTER DATABASE $BENCH_DB SET auto_explain.log_analyze = on" -c "ALTER DATABASE $BENCH_DB SET auto_explain.log_buffers = on"
  PG_LOG_OFFSET=$(stat -c %s "$BENCH_PG_LOG" 2>/dev/null || echo 0)
fi
log "starting reporting-service on :$BENCH_HTTP_PORT, database $BENCH_DB (empty), JVM options: $BENCH_SERVICE_JAVA_OPTS"
# Prod profile; both OIDC tenants verify the test key's tokens instead of Keycloak's (README "How the service is run").
# The dashboard tenant becomes a 'service' one: the page takes a bearer token instead of a session cookie, so the page's
# queries and rendering are measured without a Keycloak (README "reporting-service": what that leaves out).
PROFILE_OPTS=()
[ "$BENCH_PROFILE" = 1 ] && PROFILE_OPTS=(-XX:StartFlightRecording=name=catchup,settings=profile)
if [ "$BENCH_SESSION" = 1 ]; then
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$KEYCLOAK_REALM/.well-known/openid-configuration" && break
    kill -0 "$KEYCLOAK_PID" 2>/dev/null || die "Keycloak exited (see $RUN/keycloak.log)"; sleep 0.5; done
  curl -sf -o /dev/null "$KEYCLOAK_REALM/.well-known/openid-configuration" || die "Keycloak not ready in 300s"
  # The dashboard tenant as in production (web application, code flow) against this Keycloak.
  DASHBOARD_OPTS=("-D%prod.quarkus.oidc.dashboard.auth-server-url=$KEYCLOAK_REALM")
else
  # The dashboard tenant as a service tenant verifying the test key: the page takes a bearer token (README).
  DASHBOARD_OPTS=(-Dquarkus.oidc.dashboard.application-type=service "-D%prod.quarkus.oidc.dashboard.auth-server-url="
    "-Dquarkus.oidc.dashboard.public-key=$(cat testing/src/main/resources/dpa-test/test-public-key.b64)"
    -Dquarkus.oidc.dashboard.token.issuer=https://issuer.test.dpa-ledger)
fi
t0=$(date +%s%N)
cpu0=$(cpu_snapshot none "$KAFKA_PID")   # the service is not started yet: its CPU counts from 0
# shellcheck disable=SC2086
# The key that seals webhook signing secrets (reporting-service hosts webhooks; nothing is subscribed in the bench).
env DPA_REPORTING_PORT="$BENCH_HTTP_PORT" DPA_REPORTING_DB="$BENCH_DB" DPA_PG_HOST="$PG_HOST" DPA_PG_PORT="$PG_PORT" \
  DPA_PG_USER="$PG_USER" DPA_KAFKA="127.0.0.1:$BENCH_KAFKA_PORT" "${STATIC_KEY_OIDC_ENV[@]}" \
  DPA_WEBHOOK_SECRET_KEYS="bench-1:YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktMzI=" \
  java $BENCH_SERVICE_JAVA_OPTS "${PROFILE_OPTS[@]}" "${DASHBOARD_OPTS[@]}" -jar "$JAR" > "$RUN/service.log" 2>&1 &
SERVICE_PID=$!
ready=""
for _ in $(seq 1 3000); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_HTTP_PORT/q/health/ready")" = 200 ]; then
    ready=$(( ($(date +%s%N) - t0) / 1000000 )); break
  fi
  kill -0 $SERVICE_PID 2>/dev/null || die "the service exited (see $RUN/service.log)"
  sleep 0.02
done
[ -n "$ready" ] || die "the service was not ready in 60s"
log "    ready after $ready ms; its projections consume the topics from the beginning"
"${EVENTS[@]}" wait --bootstrap "127.0.0.1:$BENCH_KAFKA_PORT" --group reporting-service --timeout 1200 > "$RUN/catchup.log" 2>&1 \
  || { cat "$RUN/catchup.log"; die "catch-up"; }
CATCHUP_WALL_S=$(awk -v n=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", n / 1e9 }')
CATCHUP_CPU=$(cpu_report "$cpu0" "$(cpu_snapshot "$SERVICE_PID" "$KAFKA_PID")" service kafka)
log "    $CATCHUP_CPU"
if [ "$BENCH_PROFILE" = 1 ]; then
  jfr_stop "$SERVICE_PID" catchup "$RUN/catchup.jfr"
  { echo "hottest methods during the catch-up (JFR, self time):"; jfr_top "$RUN/catchup.jfr" 25; echo "by package:"
    jfr_packages "$RUN/catchup.jfr" 15; echo "by layer on the stack:"; jfr_inclusive "$RUN/catchup.jfr"; } > "$RUN/catchup-profile.txt" 2>&1
fi
# The projections' own clock: first to last applied_at (clock_timestamp() as each batch recorded its events).
read -r APPLIED_EVENTS APPLIED_S < <("${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -c \
  "select count(distinct event_id), round(extract(epoch from max(applied_at) - min(applied_at))::numeric, 1) from projection_applied_events")
CATCHUP_RATE=$(awk -v e="$EVENT_COUNT" -v s="$APPLIED_S" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }')
log "    caught up: $EVENT_COUNT events read, $APPLIED_EVENTS applied by some projection, in ${APPLIED_S}s of projection time" \
    "($CATCHUP_RATE events/s); ${CATCHUP_WALL_S}s from java -jar to the group's committed offsets at the end"
"${PSQL[@]}" -d "$BENCH_DB" -c "select projection, count(*) as applied, min(applied_at)::time(0) as first, max(applied_at)::time(0) as last
  from projection_applied_events group by 1 order by 1" > "$RUN/catchup-projections.txt"
sed 's/^/    /' "$RUN/catchup-projections.txt" >&2
"${PSQL[@]}" -d "$BENCH_DB" -c "select (select count(*) from obligations) obligations, (select count(*) from portfolio) portfolio,
  (select count(*) from subprocessor_exposure) exposure, (select count(*) from breach_facts) breaches,
  (select count(*) from audit_facts) audits, (select count(*) from audit_findings) findings" > "$RUN/read-models.txt"
sed 's/^/    /' "$RUN/read-models.txt" >&2

ADMIN_TOKEN=$(java -cp "$CLASSES" LoadGen --mode token --key testing/src/main/resources/dpa-test/test-private-key.pem \
  --admin-org "$HEAVY_ORG" 2>/dev/null | sed -n 's/^admin //p')
[ -n "$ADMIN_TOKEN" ] || die "no admin token"
api() { curl -sS -H "Authorization: Bearer $ADMIN_TOKEN" "$@"; }

# ------------------------------------------------------------------------------------------- rebuilds
: > "$RUN/rebuilds.txt"
if [ "$BENCH_REBUILD" != none ]; then
  if [ "$BENCH_REBUILD" = all ]; then
    names=$(api "http://127.0.0.1:$BENCH_HTTP_PORT/admin/projections?limit=200" | grep -o '"items":\[[^]]*\]' | grep -o '"[a-z][a-z0-9-]*"' | tr -d '"' | grep -v '^items$')
  else
    names=$(echo "$BENCH_REBUILD" | tr ',' ' ')
  fi
  [ "$BENCH_PROFILE" = 1 ] && jfr_start "$SERVICE_PID" rebuild
  for name in $names; do
    log "rebuilding $name: POST /admin/projections/$name/rebuild (it empties the read model and replays its topics)"
    before=$(cpu_snapshot "$SERVICE_PID" "$KAFKA_PID")
    out=$(api -X POST -w ' %{http_code} %{time_total}' "http://127.0.0.1:$BENCH_HTTP_PORT/admin/projections/$name/rebuild")
    cpu_line=$(cpu_report "$before" "$(cpu_snapshot "$SERVICE_PID" "$KAFKA_PID")" service kafka)
    read -r code seconds <<< "${out##*\} }"
    [ "$code" = 200 ] || die "rebuild of $name answered $out"
    read_n=$(echo "$out" | sed -n 's/.*"messagesRead":\([0-9]*\).*/\1/p')
    poison=$(echo "$out" | sed -n 's/.*"poisonSkipped":\([0-9]*\).*/\1/p')
    rate=$(awk -v n="$read_n" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
    printf '%s %s %s %s %s\n' "$name" "$read_n" "$poison" "$seconds" "$rate" >> "$RUN/rebuilds.txt"
    log "    $name: $read_n messages ($poison poison) in ${seconds}s = $rate events/s; $cpu_line"
    echo "$name: $cpu_line" >> "$RUN/rebuilds-cpu.txt"
  done
  if [ "$BENCH_PROFILE" = 1 ]; then
    jfr_stop "$SERVICE_PID" rebuild "$RUN/rebuild.jfr"
    { echo "hottest methods during the rebuilds (JFR, self time):"; jfr_top "$RUN/rebuild.jfr" 25; echo "by package:"
      jfr_packages "$RUN/rebuild.jfr" 15; echo "by layer on the stack:"; jfr_inclusive "$RUN/rebuild.jfr"; } > "$RUN/rebuild-profile.txt" 2>&1
  fi
fi

if [ "$BENCH_READS" = 0 ]; then
  stop_pid "$SERVICE_PID" reporting-service 20; SERVICE_PID=""
  { cat "$RUN/machine.txt"; echo; echo "events: $EVENT_COUNT; catch-up: $CATCHUP_RATE events/s (${APPLIED_S}s of projection time); $CATCHUP_CPU"
    echo "rebuilds:"; cat "$RUN/rebuilds.txt"; [ -f "$RUN/rebuilds-cpu.txt" ] && cat "$RUN/rebuilds-cpu.txt"
    [ -f "$RUN/catchup-profile.txt" ] && cat "$RUN/catchup-profile.txt"; [ -f "$RUN/rebuild-profile.txt" ] && cat "$RUN/rebuild-profile.txt"
    echo "logs: ${RUN#$ROOT/}"; } > "$SUMMARY"
  echo; cat "$SUMMARY"; exit 0
fi

# ------------------------------------------------------------------------------------------- 100k obligations
log "obligations: topping the read model up to $BENCH_OBLIGATIONS (bench/reporting/obligations.sql)"
"${PSQL[@]}" -d "$BENCH_DB" -v total="$BENCH_OBLIGATIONS" -v seed=0.14 -f bench/reporting/obligations.sql > "$RUN/obligations.txt"
sed 's/^/    /' "$RUN/obligations.txt" >&2
# Today's snapshot of every organisation (what the hourly job writes), timed, then eleven more months of history for
# the trends: a copy of today's figures per day (the page renders twelve months whatever the values are).
log "snapshots: POST /admin/snapshots (today's figures of every organisation, as the hourly job takes them)"
out=$(api -X POST -w ' %{http_code} %{time_total}' "http://127.0.0.1:$BENCH_HTTP_PORT/admin/snapshots")
read -r code SNAPSHOT_S <<< "${out##*\} }"
[ "$code" = 200 ] || die "POST /admin/snapshots answered $out"
SNAPSHOT_ORGS=$(echo "$out" | sed -n 's/.*"organisations":\([0-9]*\).*/\1/p')
log "    $SNAPSHOT_ORGS organisations in ${SNAPSHOT_S}s"
"${PSQL[@]}" -d "$BENCH_DB" -c "INSERT INTO daily_snapshots (organisation, day, figures, taken_at)
  SELECT organisation, day - n, figures, taken_at - n * interval '1 day' FROM daily_snapshots, generate_series(1, 364) n
  ON CONFLICT DO NOTHING"
# This machine's PostgreSQL runs with autovacuum=off (its CI configuration): statistics as autovacuum would keep them.
"${PSQL[@]}" -d "$BENCH_DB" -c "VACUUM (ANALYZE)"
read -r OBL_ROWS OBL_CONTROLLERS OBL_PROCESSORS OBL_OPEN < <("${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -c "select count(*),
  count(distinct controller_org), count(distinct processor_org), count(*) filter (where met_at is null) from obligations")

# Who is measured: the heavy organisation (controller of $BENCH_HEAVY agreements) and a median one.
TYPICAL_ORG=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select org from (select org, count(*) n from obligations,
  lateral (values (controller_org), (processor_org)) v(org) where org like '02%' group by org) x order by n, org
  offset $((BENCH_ORGANISATIONS / 2)) limit 1")
"${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -c "select o, (select count(*) from obligations where controller_org = o or processor_org = o)
  from (values ('$HEAVY_ORG'), ('$TYPICAL_ORG')) v(o)" > "$RUN/measured-orgs.txt"
NOW_ISO=$(date -u +%Y-%m-%dT%H:%M:%SZ)
IN30_ISO=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
AGO90_ISO=$(date -u -d '-90 days' +%Y-%m-%dT%H:%M:%SZ)

# The query list of one organisation: each filter of GET /obligations, and cursor walks through two lists.
queries_for() { # org file
  local org=$1 file=$2 counterpart agreement kind
  counterpart=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select processor_org from obligations where controller_org = '$org'
    group by 1 order by count(*) desc, 1 limit 1")
  agreement=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select agreement_id from obligations where controller_org = '$org'
    group by 1 order by count(*) desc, 1 limit 1")
  kind=$("${PSQL[@]}" -d "$BENCH_DB" -At -c "select kind from obligations where controller_org = '$org' and controller_visible and met_at is null
    and due_at <= now() group by 1 order by count(*) desc, 1 limit 1")
  cat > "$file" <<EOF
# GET /obligations as a DPO uses it (organisation $org)
default              /obligations
overdue              /obligations?state=OVERDUE
overdue-kind         /obligations?state=OVERDUE&kind=$kind
due-soon             /obligations?state=DUE_SOON,OVERDUE
counterpart          /obligations?counterpart=$counterpart
agreement            /obligations?agreement=$agreement
due-next-30-days     /obligations?dueAfter=$NOW_ISO&dueBefore=$IN30_ISO
done-late-90-days    /obligations?state=DONE_LATE&dueAfter=$AGO90_ISO
walk-default         walk /obligations?limit=50
walk-on-time         walk /obligations?state=ON_TIME&limit=100
EOF
}

# ------------------------------------------------------------------------------------------- GET /obligations
: > "$RUN/reads.txt"
[ "$BENCH_PROFILE" = 1 ] && jfr_start "$SERVICE_PID" reads
for who in heavy typical; do
  org=$([ $who = heavy ] && echo "$HEAVY_ORG" || echo "$TYPICAL_ORG")
  n=$(awk -v o="$org" '$1 == o {print $2}' "$RUN/measured-orgs.txt")
  queries_for "$org" "$RUN/queries-$who.txt"
  log "GET /obligations as organisation $org ($who: $n obligations as controller or processor), $BENCH_READ_REQUESTS requests"
  set +e
  # The heavy organisation has rows for every query (an empty answer fails the run); the median one may not.
  "${READS[@]}" --queries "$RUN/queries-$who.txt" --token-org "$org" --token-roles controller,processor \
    $([ $who = heavy ] && echo --require-items) \
    --workers "$BENCH_READ_WORKERS" --warmup-requests "$BENCH_READ_WARMUP" --requests "$BENCH_READ_REQUESTS" \
    --pids "service=$SERVICE_PID,kafka=$KAFKA_PID" > "$RUN/reads-$who.log" 2>&1
  rc=$?
  set -e
  grep -v '^RESULT' "$RUN/reads-$who.log" | sed 's/^/    /' >&2
  [ $rc -eq 0 ] || die "reads as $who answered errors (see $RUN/reads-$who.log)"
  echo "$who $org $n $(result read_p50_ms "$RUN/reads-$who.log") $(result read_p95_ms "$RUN/reads-$who.log") $(result read_p99_ms "$RUN/reads-$who.log") $(result read_max_ms "$RUN/reads-$who.log") $(result read_per_s "$RUN/reads-$who.log")" >> "$RUN/reads.txt"
done

if [ "$BENCH_PROFILE" = 1 ]; then
  jfr_stop "$SERVICE_PID" reads "$RUN/reads.jfr"
  { echo "hottest methods during GET /obligations (JFR, self time):"; jfr_top "$RUN/reads.jfr" 25; echo "by package:"
    jfr_packages "$RUN/reads.jfr" 15; echo "by layer on the stack:"; jfr_inclusive "$RUN/reads.jfr"; } > "$RUN/reads-profile.txt" 2>&1
  jfr_start "$SERVICE_PID" page
fi

# ------------------------------------------------------------------------------------------- dashboard page
echo "overview /" > "$RUN/queries-page.txt"
if [ "$BENCH_SESSION" = 1 ]; then
  # Log in as a browser does: / redirects to Keycloak, the login form is posted, Keycloak redirects to the callback,
  # which sets the session cookies. The page is then requested with those cookies.
  jar="$RUN/cookies.txt"
  auth=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$BENCH_HTTP_PORT/")
  form=$(curl -sS -c "$jar" -b "$jar" "$auth" | tr -d '\n' | sed -n 's/.*<form[^>]*id="kc-form-login"[^>]*action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')
  [ -n "$form" ] || die "no Keycloak login form at $auth"
  callback=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode username=bench-dpo \
    --data-urlencode password=bench "$form")
  case "$callback" in "http://127.0.0.1:$BENCH_HTTP_PORT/dashboard/callback"*) ;; *) die "login did not come back to the callback: $callback";; esac
  curl -sS -c "$jar" -b "$jar" -o /dev/null "$callback"
  SESSION_COOKIE=$(awk -F '\t' '$1 ~ /127.0.0.1/ && $6 ~ /^q_session/ {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar")
  [ -n "$SESSION_COOKIE" ] || die "no session cookie after the login"
  log "the dashboard page / in a Keycloak session of bench-dpo (organisation $HEAVY_ORG), $BENCH_PAGE_REQUESTS requests"
  PAGE_AUTH=(--cookie "$SESSION_COOKIE")
  PAGE_HOW="a Keycloak session (authorization-code flow, session cookies)"
else
  log "the dashboard page / as organisation $HEAVY_ORG, $BENCH_PAGE_REQUESTS requests"
  PAGE_AUTH=(--token-org "$HEAVY_ORG" --token-roles controller,processor)
  PAGE_HOW="a bearer token on the dashboard tenant (see README)"
fi
set +e
"${READS[@]}" --queries "$RUN/queries-page.txt" "${PAGE_AUTH[@]}" --accept text/html \
  --expect-text '</html>' --workers 1 --warmup-requests 50 --requests "$BENCH_PAGE_REQUESTS" \
  --pids "service=$SERVICE_PID,kafka=$KAFKA_PID" > "$RUN/page.log" 2>&1
rc=$?
set -e
grep -v '^RESULT' "$RUN/page.log" | sed 's/^/    /' >&2
[ $rc -eq 0 ] || die "the dashboard page answered errors (see $RUN/page.log)"
if [ "$BENCH_PROFILE" = 1 ]; then
  jfr_stop "$SERVICE_PID" page "$RUN/page.jfr"
  { echo "hottest methods during the dashboard page (JFR, self time):"; jfr_top "$RUN/page.jfr" 25; echo "by package:"
    jfr_packages "$RUN/page.jfr" 15; echo "by layer on the stack:"; jfr_inclusive "$RUN/page.jfr"; } > "$RUN/page-profile.txt" 2>&1
fi
RSS_MIB=$(( $(rss_kib $SERVICE_PID VmRSS) / 1024 ))
RSS_HWM_MIB=$(( $(rss_kib $SERVICE_PID VmHWM) / 1024 ))

# ------------------------------------------------------------------------------------------- summary
stop_pid "$SERVICE_PID" reporting-service 20; SERVICE_PID=""
stop_pid "$KEYCLOAK_PID" keycloak 20; KEYCLOAK_PID=""
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=" ? a + 0 >= b + 0 : a + 0 < b + 0); print (ok ? "met" : "MISSED") }'; }
read -r _ _ _ H50 H95 H99 HMAX HRATE < <(grep '^heavy ' "$RUN/reads.txt")
PAGE_P50=$(result read_p50_ms "$RUN/page.log"); PAGE_P95=$(result read_p95_ms "$RUN/page.log"); PAGE_P99=$(result read_p99_ms "$RUN/page.log")
REBUILD_MIN=$(sort -k5 -g "$RUN/rebuilds.txt" | head -1 | awk '{print $5 " events/s (" $1 ")"}')
REBUILD_MIN_RATE=$(sort -k5 -g "$RUN/rebuilds.txt" | head -1 | awk '{print $5}')
{
  cat "$RUN/machine.txt"
  echo
  echo "events: $EVENT_COUNT contract-checked records on dpa.agreements, dpa.subprocessors, dpa.breaches, dpa.audits"
  echo "    ($BENCH_AGREEMENTS agreement histories, $BENCH_ORGANISATIONS organisations; per topic and type in ${RUN#$ROOT/}/events.log)"
  echo
  echo "catch-up from an empty database (the live consumer, from the topics' beginning):"
  echo "    $EVENT_COUNT events in ${APPLIED_S}s of projection time = $CATCHUP_RATE events/s; ${CATCHUP_WALL_S}s from java -jar (ready after $ready ms) to all offsets committed"
  echo "    $CATCHUP_CPU"
  sed 's/^/    /' "$RUN/catchup-projections.txt"
  [ -f "$RUN/catchup-profile.txt" ] && sed 's/^/    /' "$RUN/catchup-profile.txt"
  echo
  echo "rebuilds (POST /admin/projections/<name>/rebuild, one after the other; time = the call's duration):"
  printf '    %-28s %9s %7s %9s %9s\n' projection messages poison seconds events/s
  while read -r n m p s r; do printf '    %-28s %9s %7s %9s %9s\n' "$n" "$m" "$p" "$s" "$r"; done < "$RUN/rebuilds.txt"
  [ -f "$RUN/rebuilds-cpu.txt" ] && sed 's/^/    /' "$RUN/rebuilds-cpu.txt"
  [ -f "$RUN/rebuild-profile.txt" ] && sed 's/^/    /' "$RUN/rebuild-profile.txt"
  echo
  echo "GET /obligations, bearer token of one organisation (roles controller, processor), $BENCH_READ_WORKERS connection(s), latency at the client:"
  sed -n '/^measured:/,$p' "$RUN/reads-heavy.log" | grep -v '^RESULT' | sed 's/^/    [heavy]   /'
  sed -n '/^measured:/,$p' "$RUN/reads-typical.log" | grep -v '^RESULT' | sed 's/^/    [typical] /'
  [ -f "$RUN/reads-profile.txt" ] && sed 's/^/    /' "$RUN/reads-profile.txt"
  echo "    read model: $OBL_ROWS obligations ($OBL_OPEN open), $OBL_CONTROLLERS controllers, $OBL_PROCESSORS processors;" \
       "measured: heavy $(awk 'NR == 1 {print $1 " (" $2 " obligations)"}' "$RUN/measured-orgs.txt")," \
       "typical $(awk 'NR == 2 {print $1 " (" $2 " obligations)"}' "$RUN/measured-orgs.txt")"
  echo
  echo "dashboard page / with $PAGE_HOW, latency at the client:"
  sed -n '/^measured:/,$p' "$RUN/page.log" | grep -v '^RESULT' | sed 's/^/    /'
  [ -f "$RUN/page-profile.txt" ] && sed 's/^/    /' "$RUN/page-profile.txt"
  echo
  echo "snapshots: POST /admin/snapshots wrote today's figures of $SNAPSHOT_ORGS organisations in ${SNAPSHOT_S}s; 364 earlier days copied from them"
  echo
  echo "service: RSS after the reads $RSS_MIB MiB (peak $RSS_HWM_MIB MiB); JVM: $BENCH_SERVICE_JAVA_OPTS"
  echo
  echo "targets"
  printf '    %-52s %-36s %s\n' "GET /obligations filtered and paged: p99 < 50 ms" "p99 $H99 ms (p50 $H50, p95 $H95)" "$(verdict "$H99" "<" 50)"
  printf '    %-52s %-36s %s\n' "dashboard page: p95 < 200 ms" "p95 $PAGE_P95 ms (p50 $PAGE_P50, p99 $PAGE_P99)" "$(verdict "$PAGE_P95" "<" 200)"
  printf '    %-52s %-36s %s\n' "catch-up from an empty database >= 10,000 events/s" "$CATCHUP_RATE events/s" "$(verdict "$CATCHUP_RATE" ">=" 10000)"
  if [ -s "$RUN/rebuilds.txt" ]; then
    printf '    %-52s %-36s %s\n' "rebuild endpoint >= 10,000 events/s (slowest)" "$REBUILD_MIN" "$(verdict "$REBUILD_MIN_RATE" ">=" 10000)"
  fi
  echo
  echo "logs: ${RUN#$ROOT/}"
} > "$SUMMARY"
echo
cat "$SUMMARY"
