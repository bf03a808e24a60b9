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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to the service's topic as CloudEvents (binary mode, key = aggregate id) and
 * deletes each row only after the broker acknowledged it ({@code acks=all}, idempotent producer).
 * Woken in-process right after each command commits ({@link #trigger()}), with a short fallback
 * poll for rows written otherwise. One relay at a time per database (transaction-scoped advisory
 * lock), so per-aggregate order holds with several instances. A crash between publish and delete republishes the row: consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6470615F6F7574L; // "dpa_out"
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOCK_RETRY = Duration.ofMillis(25);
    private static final int LOCKED_ELSEWHERE = -1;

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

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean crashAfterNextPublish = new AtomicBoolean();
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

    /**
     * One pass: publish up to a batch of rows in order, await every ack, then delete them. Returns the
     * number published, or {@link #LOCKED_ELSEWHERE} when another instance holds the relay lock.
     */
    public Uni<Integer> drainOnce() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean("locked")
                        // A lost DELETE only republishes rows (consumers deduplicate): no need to wait for the flush.
                        ? tx.query("SET LOCAL synchronous_commit = off").execute().flatMap(x -> publishBatch(tx))
                        : Uni.createFrom().item(LOCKED_ELSEWHERE)));
    }

    private Uni<Integer> publishBatch(SqlClient tx) {
        return tx.preparedQuery("SELECT id, event_id, message_key, ce_type, ce_subject, ce_time, data::text AS data "
                        + "FROM outbox ORDER BY id LIMIT $1")
                .execute(Tuple.of(batchSize))
                .flatMap(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        sends.add(emitter.sendMessage(toMessage(row)));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // Subscribed in list order, so the producer receives them in order (per-key order holds).
                    return Uni.join().all(sends).andFailFast()
                            // A broker that does not answer must not hold the relay's lock forever.
                            .ifNoItem().after(PUBLISH_TIMEOUT).fail()
                            .flatMap(acked -> {
                                if (crashAfterNextPublish.getAndSet(false)) {
                                    return Uni.createFrom().failure(new IllegalStateException("simulated relay crash after publish"));
                                }
                                return tx.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                                        .execute(Tuple.of(ids.toArray(new Long[0])));
                            })
                            .map(deleted -> ids.size());
                });
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
                .build();
        return Message.of(row.getString("data"))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(ce);
    }
}
