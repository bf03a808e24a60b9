package eu.dpaledger.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to the service's topic as CloudEvents (binary mode, key = aggregate id) and
 * deletes each row only after the broker acknowledged it ({@code acks=all}, idempotent producer). Each
 * row is settled on its own outcome: one that fails does not hold back or republish the others; a
 * transient failure is retried with backoff, a permanent one (the broker can never take the record)
 * is parked in {@code outbox_parked} with an error log line and a metric ({@link OutboxMetrics}).
 * Woken in-process right after each command commits ({@link #trigger()}), with a short fallback
 * poll for rows written otherwise. One relay at a time per database (transaction-scoped advisory
 * lock), so per-aggregate order holds with several instances. A crash between publish and delete republishes the row: consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** CloudEvents extension attribute carrying the correlation id of the request that caused the event. */
    public static final String CORRELATION_EXTENSION = "correlationid";
    private static final long RELAY_LOCK = 0x6470615F6F7574L; // "dpa_out"
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOCK_RETRY = Duration.ofMillis(25);
    private static final int LOCKED_ELSEWHERE = -1;
    /** Outcome of a row not sent because the row of the same aggregate before it failed: it waits, unchanged. */
    private static final Throwable HELD = new IllegalStateException("held behind an earlier row of the same aggregate");

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    @Channel("dpa-outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "dpa.service.name")
    String serviceName;

    @ConfigProperty(name = "dpa.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "dpa.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "dpa.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    /** First delay after a failed publish; doubled per attempt up to {@code retry-max}. */
    @ConfigProperty(name = "dpa.outbox.retry-initial", defaultValue = "PT1S")
    Duration retryInitial;

    /** At most 15 s: after a broker outage the backlog goes out within 15 s of its return (reliability/RESULTS.md). */
    @ConfigProperty(name = "dpa.outbox.retry-max", defaultValue = "PT15S")
    Duration retryMax;

    @Inject
    OutboxMetrics metrics;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean crashAfterNextPublish = new AtomicBoolean();
    private final AtomicBoolean parkedInPass = new AtomicBoolean();
    private final Set<String> failNext = ConcurrentHashMap.newKeySet();
    private long timerId = -1;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            timerId = vertx.setPeriodic(pollInterval.toMillis(), id -> trigger());
            trigger();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Asks for a drain (called after every command's commit); concurrent requests collapse into one more pass. */
    public void trigger() {
        if (!enabled) {
            return;
        }
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    private void loop() {
        wanted.set(false);
        drainOnce().subscribe().with(published -> {
            if (published == LOCKED_ELSEWHERE) {
                // Another instance is relaying; look again shortly so our rows do not wait for the poll.
                running.set(false);
                vertx.setTimer(LOCK_RETRY.toMillis(), id -> trigger());
            } else if (published >= batchSize || wanted.get()) {
                loop();
            } else {
                running.set(false);
                if (wanted.get() && running.compareAndSet(false, true)) {
                    loop();
                }
            }
        }, failure -> {
            LOG.warnf("outbox relay pass failed, rows stay for the next pass: %s", failure.getMessage());
            running.set(false);
        });
    }

    /** Fault injection for tests: the next pass publishes, then fails before deleting its rows. */
    public void simulateCrashAfterNextPublish() {
        crashAfterNextPublish.set(true);
    }

    /** Fault injection for tests: the next attempt to publish this event fails as a broker outage would. */
    public void simulateTransientFailureOf(String eventId) {
        failNext.add(eventId);
    }

    /**
     * One pass: publish up to a batch of due rows in order and settle each row on its own outcome, in the
     * pass's transaction: acknowledged rows are deleted, a row the broker can never take is moved to
     * {@code outbox_parked}, a row that failed otherwise waits with a growing delay (later rows with the
     * same key wait behind it, so per-aggregate order holds). A failed row never makes the others fail
     * or republish. Returns the number of rows looked at, or {@link #LOCKED_ELSEWHERE} when another
     * instance holds the relay lock.
     */
    public Uni<Integer> drainOnce() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean("locked")
                        // A lost DELETE only republishes rows (consumers deduplicate): no need to wait for the flush.
                        ? tx.query("SET LOCAL synchronous_commit = off").execute().flatMap(x -> publishBatch(tx))
                        : Uni.createFrom().item(LOCKED_ELSEWHERE)))
                // Counted after the commit: the gauge reads the table.
                .invoke(n -> {
                    if (parkedInPass.getAndSet(false)) {
                        metrics.refreshParked();
                    }
                });
    }

    private Uni<Integer> publishBatch(SqlClient tx) {
        // The correlation id comes from the event's stored metadata (same transaction as the outbox row).
        return tx.preparedQuery("SELECT o.id, o.event_id, o.message_key, o.ce_type, o.ce_subject, o.ce_time, o.attempts, "
                        + "o.data::text AS data, o.traceparent, e.metadata ->> 'correlationId' AS correlation_id, e.hash AS chain_hash, "
                        + "e.version AS stream_version FROM outbox o "
                        + "LEFT JOIN events e ON e.event_id = o.event_id "
                        + "WHERE (o.next_attempt_at IS NULL OR o.next_attempt_at <= clock_timestamp()) "
                        + "AND NOT EXISTS (SELECT 1 FROM outbox w WHERE w.next_attempt_at > clock_timestamp() "
                        + "AND w.message_key = o.message_key AND w.id < o.id) "
                        + "ORDER BY o.id LIMIT $1")
                .execute(Tuple.of(batchSize))
                .flatMap(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return publishInOrder(batch)
                            .flatMap(outcomes -> {
                                if (crashAfterNextPublish.getAndSet(false)) {
                                    return Uni.createFrom().failure(new IllegalStateException("simulated relay crash after publish"));
                                }
                                return settle(tx, batch, outcomes);
                            })
                            .map(settled -> batch.size());
                });
    }

    /**
     * Publishes the batch: aggregates side by side, the rows of one aggregate one after the other, each
     * only once the one before it was acknowledged. A row behind one that failed is not sent at all
     * ({@link #HELD}), so a retried row can never arrive after its successor. Outcomes in batch order.
     */
    private Uni<List<Throwable>> publishInOrder(List<Row> batch) {
        Throwable[] outcomes = new Throwable[batch.size()];
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byKey.computeIfAbsent(batch.get(i).getString("message_key"), k -> new ArrayList<>()).add(i);
        }
        List<Uni<Void>> chains = new ArrayList<>();
        for (List<Integer> rowsOfKey : byKey.values()) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int position = 0; position < rowsOfKey.size(); position++) {
                int index = rowsOfKey.get(position);
                int previous = position == 0 ? -1 : rowsOfKey.get(position - 1);
                chain = chain.flatMap(x -> {
                    Throwable before = previous < 0 ? null : outcomes[previous];
                    if (before != null && !PublishFailures.isPermanent(before)) {
                        outcomes[index] = HELD;
                        return Uni.createFrom().voidItem();
                    }
                    return send(batch.get(index)).invoke(outcome -> outcomes[index] = outcome).replaceWithVoid();
                });
            }
            chains.add(chain);
        }
        return Uni.join().all(chains).andCollectFailures().map(done -> Arrays.asList(outcomes));
    }

    /** Publishes one row; the item is null once the broker acknowledged it, else the reason it was not. */
    private Uni<Throwable> send(Row row) {
        String eventId = row.getUUID("event_id").toString();
        if (failNext.remove(eventId)) {
            return Uni.createFrom().item(new IllegalStateException("simulated transient publish failure"));
        }
        return emitter.sendMessage(toMessage(row))
                // A broker that does not answer must not hold the relay's lock forever.
                .ifNoItem().after(PUBLISH_TIMEOUT).fail()
                .map(acked -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure);
    }

    private Uni<Void> settle(SqlClient tx, List<Row> batch, List<Throwable> outcomes) {
        List<Long> acknowledged = new ArrayList<>();
        List<Tuple> parked = new ArrayList<>();
        List<Tuple> retried = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            Throwable failure = outcomes.get(i);
            long id = row.getLong("id");
            if (failure == null) {
                acknowledged.add(id);
            } else if (failure == HELD) {
                continue;
            } else if (PublishFailures.isPermanent(failure)) {
                String reason = PublishFailures.describe(failure);
                parked.add(Tuple.of(id, reason));
                metrics.parked();
                LOG.errorf("outbox row parked, it will not be published: event %s (%s, key %s): %s. Every other row still "
                                + "flows; see outbox_parked and GET /admin/outbox/parked", row.getUUID("event_id"),
                        row.getString("ce_type"), row.getString("message_key"), reason);
            } else {
                int attempts = row.getInteger("attempts") + 1;
                Duration delay = backoff(attempts);
                retried.add(Tuple.of(id, delay.toMillis(), PublishFailures.describe(failure)));
                metrics.retried();
                LOG.warnf("outbox row for event %s not published (attempt %d), retried in %s: %s", row.getUUID("event_id"),
                        attempts, delay, PublishFailures.describe(failure));
            }
        }
        Uni<Void> steps = Uni.createFrom().voidItem();
        metrics.published(acknowledged.size());
        if (!acknowledged.isEmpty()) {
            steps = steps.flatMap(x -> tx.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                    .execute(Tuple.of(acknowledged.toArray(new Long[0]))).replaceWithVoid());
        }
        if (!parked.isEmpty()) {
            steps = steps.flatMap(x -> tx.preparedQuery("WITH moved AS (DELETE FROM outbox WHERE id = $1 RETURNING *) "
                            + "INSERT INTO outbox_parked (id, event_id, message_key, ce_type, ce_subject, ce_time, data, created_at, "
                            + "attempts, reason, traceparent) SELECT id, event_id, message_key, ce_type, ce_subject, ce_time, data, "
                            + "created_at, attempts + 1, $2, traceparent FROM moved")
                    .executeBatch(parked).invoke(done -> parkedInPass.set(true)).replaceWithVoid());
        }
        if (!retried.isEmpty()) {
            steps = steps.flatMap(x -> tx.preparedQuery("UPDATE outbox SET attempts = attempts + 1, "
                            + "next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond', last_error = $3 "
                            + "WHERE id = $1")
                    .executeBatch(retried).replaceWithVoid());
        }
        return steps;
    }

    /** Exponential from the first retry delay, doubled per attempt, capped. */
    Duration backoff(int attempts) {
        long millis = retryInitial.toMillis() << Math.min(attempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, retryMax.toMillis()));
    }

    /**
     * The event's correlation id as the CloudEvents extension {@value #CORRELATION_EXTENSION} (Kafka header
     * {@code ce_correlationid} in binary mode; extension names are lowercase alphanumerics), when it has one.
     */
    private static Map<String, Object> correlation(String correlationId) {
        return correlationId == null ? Map.of() : Map.of(CORRELATION_EXTENSION, correlationId);
    }

    /**
     * The CloudEvents extensions of a record: the correlation id, and the receipt (docs/EVIDENCE.md "Receipts"): the
     * stream's chain head after the event, {@code chainhash} and {@code streamversion} (Kafka headers
     * {@code ce_chainhash}, {@code ce_streamversion}), so each party's systems can keep what was published.
     */
    private static Map<String, Object> extensions(Row row) {
        Map<String, Object> out = new java.util.HashMap<>(correlation(row.getString("correlation_id")));
        if (row.getString("chain_hash") != null) {
            out.put("chainhash", row.getString("chain_hash"));
            out.put("streamversion", String.valueOf(row.getLong("stream_version")));
        }
        if (row.getString("traceparent") != null) { // CloudEvents distributed tracing extension
            out.put("traceparent", row.getString("traceparent"));
        }
        return out;
    }

    private Message<String> toMessage(Row row) {
        String key = row.getString("message_key");
        OutgoingCloudEventMetadata<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(row.getUUID("event_id").toString())
                .withSource(URI.create("/dpa-ledger/" + serviceName))
                .withType(row.getString("ce_type"))
                .withSubject(row.getString("ce_subject"))
                .withTimestamp(row.getOffsetDateTime("ce_time").atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtensions(extensions(row))
                .build();
        return Message.of(row.getString("data"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(ce);
    }
}
