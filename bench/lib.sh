# Shared by the benchmark scripts (bench/run.sh, bench/reporting.sh); sourced, not run. The caller sets ROOT,
# RUN (this run's log directory) and CACHE (.cache/bench), and cds to ROOT. Provides: logging, PostgreSQL access,
# CPU sampling, process stopping, the service build check, the Kafka broker (jars fetched once, a fresh
# single-node KRaft log per run) and the machine description printed at the top of every summary.

PG_HOST=${DPA_PG_HOST:-127.0.0.1}
PG_PORT=${DPA_PG_PORT:-5432}
PG_USER=${DPA_PG_USER:-postgres}
KAFKA_VERSION=4.1.2
KAFKA_LIB="$CACHE/kafka-$KAFKA_VERSION/lib"
BENCH_KAFKA_JAVA_OPTS=${BENCH_KAFKA_JAVA_OPTS:--Xms256m -Xmx1g}
BENCH_WAIT_QUIET=${BENCH_WAIT_QUIET:-0}          # seconds to wait for an idle machine before starting

export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$RUN/run.log" >&2; }
die() { log "FAILED: $*"; exit 1; }
result() { sed -n "s/^RESULT $1 //p" "$2" | tail -1; }

stop_pid() { # pid name seconds
  local pid=$1 name=$2 wait=$3
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  log "$name did not stop in ${wait}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

require_tools() { # tool...
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool not found (Debian: postgresql-client / openjdk-17 / curl)"
  done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL is not accepting connections at $PG_HOST:$PG_PORT"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free_ports() { # port...
  local p
  for p in "$@"; do
    port_busy "$p" && die "port $p is in use; set the BENCH_*_PORT variables to free ones"
  done
  return 0
}

cpu_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat; }
busy_pct() { # machine CPU busy over 3 s, in % of all cores
  local b0 i0 b1 i1; read -r b0 i0 < <(cpu_jiffies); sleep 3; read -r b1 i1 < <(cpu_jiffies)
  awk -v b=$((b1 - b0)) -v i=$((i1 - i0)) 'BEGIN { printf "%.0f", (b + i) ? 100 * b / (b + i) : 0 }'
}

# Builds the modules when the service's packaged jar is missing or older than any of the sources given.
build_if_stale() { # jar maven-modules source-path...
  local jar=$1 modules=$2; shift 2
  if [ ! -f "$jar" ] || [ -n "$(find "$@" -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
    log "building $modules (./mvnw package -DskipTests)"
    ./mvnw -B -q ${BENCH_MVN_OFFLINE:+-o} -pl "$modules" -am package -DskipTests > "$RUN/build.log" 2>&1 \
      || { tail -30 "$RUN/build.log"; die "build"; }
  fi
}

# The broker's jars (plus log4j's slf4j binding), fetched once with a throw-away pom into $KAFKA_LIB.
fetch_kafka() {
  [ -f "$KAFKA_LIB/.complete" ] && return 0
  log "fetching the Kafka $KAFKA_VERSION broker jars into ${KAFKA_LIB#$ROOT/}"
  mkdir -p "$KAFKA_LIB"
  cat > "$CACHE/kafka-$KAFKA_VERSION/pom.xml" <<EOF
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>eu.dpaledger.bench</groupId>
  <artifactId>bench-kafka-broker</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>2.24.3</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.24.3</version></dependency>
  </dependencies>
</project>
EOF
  ./mvnw -B -q ${BENCH_MVN_OFFLINE:+-o} -f "$CACHE/kafka-$KAFKA_VERSION/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory=lib > "$RUN/kafka-fetch.log" 2>&1 || { tail -30 "$RUN/kafka-fetch.log"; die "Kafka jars"; }
  touch "$KAFKA_LIB/.complete"
}

# Formats a fresh single-node KRaft log directory under $RUN and starts a broker; sets KAFKA_PID.
start_kafka() { # port controller-port
  local port=$1 controller=$2 dir="$RUN/kafka-data" cluster_id
  log "starting Kafka $KAFKA_VERSION (KRaft, single node) on 127.0.0.1:$port"
  mkdir -p "$dir"
  cat > "$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/logs
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  cat > "$dir/log4j2.properties" <<'EOF'
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = OUT
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
logger.started.name = kafka.server.KafkaRaftServer
logger.started.level = INFO
EOF
  local kafka_java=(java -Dlog4j2.configurationFile="file:$dir/log4j2.properties" -cp "$KAFKA_LIB/*")
  cluster_id=$("${kafka_java[@]}" kafka.tools.StorageTool random-uuid 2>>"$RUN/kafka.log" | tail -1)
  "${kafka_java[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$dir/server.properties" >> "$RUN/kafka.log" 2>&1 \
    || die "kafka storage format (see $RUN/kafka.log)"
  # shellcheck disable=SC2086
  java $BENCH_KAFKA_JAVA_OPTS -Dlog4j2.configurationFile="file:$dir/log4j2.properties" -cp "$KAFKA_LIB/*" \
    kafka.Kafka "$dir/server.properties" >> "$RUN/kafka.log" 2>&1 &
  KAFKA_PID=$!
  for _ in $(seq 1 300); do
    grep -q 'Kafka Server started' "$RUN/kafka.log" && return 0
    kill -0 $KAFKA_PID || die "kafka exited (see $RUN/kafka.log)"
    sleep 0.1
  done
  die "kafka did not start in 30s"
}

# Waits (BENCH_WAIT_QUIET seconds at most) for an idle machine, then writes $RUN/machine.txt and prints it.
describe_machine() {
  local busy deadline
  busy=$(busy_pct)
  if [ "$BENCH_WAIT_QUIET" -gt 0 ] && [ "$busy" -gt 10 ]; then
    log "machine is ${busy}% busy; waiting up to ${BENCH_WAIT_QUIET}s for it to be idle (<= 10%)"
    deadline=$(( $(date +%s) + BENCH_WAIT_QUIET ))
    while [ "$busy" -gt 10 ] && [ "$(date +%s)" -lt "$deadline" ]; do busy=$(busy_pct); done
  fi
  [ "$busy" -le 10 ] || log "WARNING: the machine is ${busy}% busy before the run: other work will distort the figures"
  {
    echo "dpa-ledger benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+dirty')"
    echo "machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -m | awk '/^Mem:/{print $2}') MiB RAM, $(uname -sr)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "postgres: $("${PSQL[@]}" -d postgres -Atc "select split_part(version(), ' on ', 1) || ', synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync') || ', shared_buffers=' || current_setting('shared_buffers') || ', autovacuum=' || current_setting('autovacuum')")"
    echo "before the run: CPU ${busy}% busy (3 s sample), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$RUN/machine.txt"
  cat "$RUN/machine.txt" >&2
}

rss_kib() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }

# The JVM options of a service's container image (JAVA_OPTS in its Dockerfile.jvm).
dockerfile_java_opts() { # service-module
  sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' "$1/src/main/docker/Dockerfile.jvm" 2>/dev/null || true
}

# Prod-profile OIDC with the test key instead of Keycloak (bench/README.md, "How the service is run"): the
# empty auth-server-url switches off discovery, so the public key is the only verifier.
STATIC_KEY_OIDC_ENV=(QUARKUS_OIDC_AUTH_SERVER_URL=
                     "QUARKUS_OIDC_PUBLIC_KEY=$(cat testing/src/main/resources/dpa-test/test-public-key.b64)"
                     QUARKUS_OIDC_TOKEN_ISSUER=https://issuer.test.dpa-ledger)

# Where the CPU went between two snapshots (cpu_snapshot pid...; cpu_report "$before" "$after" name...): each given
# process, all postgres processes, everything else ("other") and idle, in % of one core over the window.
cpu_snapshot() { # pid...
  local pid line pg=0
  line="$(date +%s%N) $(cpu_jiffies)"
  # An empty or gone pid counts 0 ("/proc//stat" would be /proc/stat itself, and shift every later figure).
  for pid in "$@"; do
    if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then line="$line $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    else line="$line 0"; fi
  done
  for pid in $(pgrep -x postgres); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$line $pg"
}
cpu_report() { # before after name...
  local before=$1 after=$2; shift 2
  awk -v b="$before" -v a="$after" -v names="$*" 'BEGIN {
    nb = split(b, x, " "); split(a, y, " "); n = split(names, label, " ");
    s = (y[1] - x[1]) / 1e9; hz = 100;
    busy = (y[2] - x[2]) / hz; idle = (y[3] - x[3]) / hz; ours = 0; out = "";
    for (i = 1; i <= n; i++) { u = (y[3 + i] - x[3 + i]) / hz; ours += u; out = out sprintf(" %s %.0f%%", label[i], 100 * u / s) }
    pg = (y[nb] - x[nb]) / hz; ours += pg;
    other = busy - ours; if (other < 0) other = 0;
    printf "CPU over %.0f s (%% of one core):%s postgres %.0f%% | other %.0f%% | idle %.0f%%\n", s, out, 100 * pg / s, 100 * other / s, 100 * idle / s
  }'
}

# Java Flight Recorder, for the phases a RESULTS.md figure needs explained (BENCH_PROFILE=1): a recording of a
# running JVM by name, and its hottest methods (self time: the top frame of each execution sample).
jfr_start() { jcmd "$1" JFR.start name="$2" settings=profile > /dev/null; }
jfr_stop() { jcmd "$1" JFR.stop name="$2" filename="$3" > /dev/null; }
jfr_top() { # file n
  jfr print --events jdk.ExecutionSample "$1" | awk -v n="$2" '
    /stackTrace = \[/ { top = 1; next }
    top == 1 { sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); count[$0]++; total++; top = 0 }
    END { for (f in count) printf "%6.1f%%  %s\n", 100 * count[f] / total, f | "sort -rn | head -" n; }'
}
jfr_packages() { # file n: the same samples by the package of their top frame (three levels)
  jfr print --events jdk.ExecutionSample "$1" | awk -v n="$2" '
    /stackTrace = \[/ { top = 1; next }
    top == 1 { sub(/^[ \t]+/, ""); split($0, p, "."); k = p[1] "." p[2] "." p[3]; count[k]++; total++; top = 0 }
    END { for (f in count) printf "%6.1f%%  %s\n", 100 * count[f] / total, f | "sort -rn | head -" n; }'
}
# Layers are frames that do work (not the route handlers and reactive operators every request passes through):
# Hibernate, Qute rendering, Jackson, the PostgreSQL client's protocol, configuration lookups, token verification,
# the Kafka client.
jfr_inclusive() { # file: share of samples with a frame of each layer anywhere on the stack (layers overlap)
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$1" | awk '
    BEGIN { n = split("org.hibernate io.quarkus.qute com.fasterxml.jackson io.vertx.pgclient io.smallrye.config OidcIdentityProvider org.apache.kafka", layer, " ") }
    /jdk.ExecutionSample/ { if (inside) tally(); inside = 1; delete seen; next }
    inside && /line:/ { for (i = 1; i <= n; i++) if (index($0, layer[i]) > 0) seen[i] = 1 }
    function tally() { total++; for (i in seen) count[i]++ }
    END { if (inside) tally(); for (i = 1; i <= n; i++) printf "%6.1f%%  %s\n", 100 * count[i] / total, layer[i] | "sort -rn" }'
}
