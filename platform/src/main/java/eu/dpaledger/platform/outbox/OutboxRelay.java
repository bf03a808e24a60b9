package eu.dpaledger.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to the service's topic as CloudEvents (binary mode, key = aggregate id) and
 * deletes each row only after the broker acknowledged it ({@code acks=all}, idempotent producer).
 * Woken by {@code LISTEN dpa_outbox} right after a commit, with a short fallback poll. One relay at a
 * time per database (transaction-scoped advisory lock), so per-aggregate order holds with several
 * instances. A crash between publish and delete republishes the row: consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6470615F6F7574L; // "dpa_out"
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

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

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean crashAfterNextPublish = new AtomicBoolean();
    private PgSubscriber subscriber;
    private long timerId = -1;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl).setUser(databaseUser);
        databasePassword.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel("dpa_outbox").handler(payload -> trigger());
        subscriber.connect().subscribe().with(ok -> trigger(), e -> LOG.warnf("outbox LISTEN unavailable, polling only: %s", e.getMessage()));
        timerId = vertx.setPeriodic(pollInterval.toMillis(), id -> trigger());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Asks for a drain; concurrent requests collapse into one more pass. */
    public void trigger() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    private void loop() {
        wanted.set(false);
        drainOnce().subscribe().with(published -> {
            if (published >= batchSize || wanted.get()) {
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

    /** One pass: publish up to a batch of rows in order, await every ack, then delete them. */
    public Uni<Integer> drainOnce() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean("locked") ? publishBatch(tx) : Uni.createFrom().item(0)));
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
