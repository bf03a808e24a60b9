package eu.dpaledger.platform.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rebuilds one read model from scratch: empties it and its applied-event bookkeeping in one
 * transaction, then replays its topics from the beginning up to the offsets current at the start (records of
 * types it does not apply are skipped unread), each polled batch in one transaction (like the live runner; a batch
 * that fails is applied event by event, so only what cannot be applied is skipped).
 * The live consumer keeps running meanwhile; handlers write with version guards and the applied-event
 * table deduplicates, so the two cannot double-apply or regress a row. Blocking: call off the event loop.
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    /** Longer than the runner's retries take (30 attempts, back-off up to 10 s). */
    private static final Duration RETRIES_AT_MOST = Duration.ofMinutes(6);

    @Inject
    Pool pool;

    @Inject
    ProjectionRunner runner;

    @Inject
    @Any
    Instance<ProjectionHandler> handlers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * Records per poll, and so at most per transaction: larger polls than the live consumer's (a batch is one
     * transaction, the topic is read from its beginning); fewer means less memory and more commits.
     */
    @ConfigProperty(name = "dpa.rebuild.poll-records", defaultValue = "2000")
    int pollRecords;

    /** Bytes fetched per partition at a time ({@code max.partition.fetch.bytes}; a poll of 2,000 records needs ~4 MiB). */
    @ConfigProperty(name = "dpa.rebuild.fetch-bytes", defaultValue = "8388608")
    int fetchBytes;

    private final AtomicInteger running = new AtomicInteger();

    /** Result of a rebuild: how many messages were read and how many the projection applied or skipped as poison. */
    public record Rebuilt(String projection, int messagesRead, int poisonSkipped) {
    }

    public Optional<ProjectionHandler> find(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return handlers.stream().map(ProjectionHandler::name).sorted().toList();
    }

    /** True while a rebuild runs: the read model is partly empty (a job that reads it for a record should wait). */
    public boolean rebuilding() {
        return running.get() > 0;
    }

    public Rebuilt rebuild(ProjectionHandler handler) {
        running.incrementAndGet();
        try {
            return replay(handler);
        } finally {
            running.decrementAndGet();
        }
    }

    private Rebuilt replay(ProjectionHandler handler) {
        long started = System.nanoTime();
        // Batches apply on this thread, one after the other, in order, while the caller's polls, parses and prepares the
        // next: the database and the JSON work overlap. The first task empties the read model: the consumer starts and
        // the first batch is polled and prepared meanwhile.
        ExecutorService applier = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild-" + handler.name()));
        AtomicLong emptied = new AtomicLong();
        Future<Integer> applying = applier.submit(() -> {
            pool.withTransaction(tx -> handler.reset(tx)
                            .flatMap(x -> tx.preparedQuery("DELETE FROM projection_applied_events WHERE projection = $1")
                                    .execute(Tuple.of(handler.name()))))
                    .await().atMost(Duration.ofSeconds(30));
            emptied.set(System.nanoTime());
            return 0;
        });
        long firstRecords = 0;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(pollRecords));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(fetchBytes));
        int read = 0;
        int poison = 0;
        // Where the time goes (logged at the end): polling Kafka, parsing and preparing, waiting for the previous batch.
        long polling = 0;
        long preparing = 0;
        long waiting = 0;
        int batches = 0;
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : handler.topics()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                long polled = System.nanoTime();
                var records = consumer.poll(Duration.ofMillis(200));
                long parsed = System.nanoTime();
                polling += parsed - polled;
                if (firstRecords == 0 && !records.isEmpty()) {
                    firstRecords = System.nanoTime();
                }
                List<ConsumerRecord<String, String>> wanted = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    read++;
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || type.value() == null || handler.interestIn(record.topic(),
                            new String(type.value(), StandardCharsets.UTF_8)) == ProjectionHandler.Interest.APPLY) {
                        wanted.add(record); // the others are not this projection's: not even parsed
                    }
                }
                Batch batch = handler instanceof PreparedProjection<?> p ? prepared(p, wanted) : parsed(handler, wanted);
                poison += batch.unreadable();
                long ready = System.nanoTime();
                preparing += ready - parsed;
                poison += done(applying);
                waiting += System.nanoTime() - ready;
                batches += batch.events() == 0 ? 0 : 1;
                applying = applier.submit(() -> applyBatch(handler, batch));
            }
            long last = System.nanoTime();
            poison += done(applying);
            waiting += System.nanoTime() - last;
        } finally {
            applier.shutdownNow();
            // Nothing to commit or leave (no group): not waiting for the fetch still out (up to fetch.max.wait.ms, 500 ms).
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
        long ended = System.nanoTime();
        LOG.infof("projection %s rebuilt from %d messages (%d skipped as poison) in %d ms: emptied in %d ms (beside the "
                        + "consumer's start), first records after %d ms; polling %d ms, parsing and preparing %d ms, waiting for the "
                        + "database %d ms (%d transactions)",
                handler.name(), read, poison, (ended - started) / 1_000_000, (emptied.get() - started) / 1_000_000,
                firstRecords == 0 ? 0 : (firstRecords - started) / 1_000_000, polling / 1_000_000, preparing / 1_000_000,
                waiting / 1_000_000, batches);
        return new Rebuilt(handler.name(), read, poison);
    }

    /**
     * A polled batch ready to be written: how many of its records are events and how many are not (dead-lettered by the
     * live consumer), how it is written in one transaction, and how each of its events is written alone (when the batch
     * fails, to isolate what cannot be applied).
     */
    private record Batch(int events, int unreadable, Supplier<Uni<Void>> write, List<Supplier<Uni<Void>>> eachEvent) {
    }

    /** The batch's events as they come (parsed on both cores, the order kept), applied by the projection's own path. */
    private Batch parsed(ProjectionHandler handler, List<ConsumerRecord<String, String>> records) {
        List<IncomingEvent> events = records.parallelStream().map(this::parse).filter(Objects::nonNull).toList();
        return new Batch(events.size(), records.size() - events.size(), () -> runner.applyAll(handler, events),
                events.stream().<Supplier<Uni<Void>>>map(e -> () -> runner.apply(handler, e)).toList());
    }

    /** What an event amounts to for a {@link PreparedProjection}, with the id its bookkeeping needs. */
    private record Prepared<P>(UUID eventId, P prepared) {
    }

    /**
     * The batch parsed and prepared in one pass on both cores (the order kept): each event and its record are garbage as
     * soon as it is prepared, so a batch in flight holds its rows and ids only (a failed write is retried row by row).
     * The data stays text until the projection reads it (its contract record straight from the text, one JSON pass). An
     * event that cannot be prepared leaves the batch to be applied as it comes (each event parsed whole first), which
     * isolates it.
     */
    private <P> Batch prepared(PreparedProjection<P> handler, List<ConsumerRecord<String, String>> records) {
        List<Prepared<P>> prepared;
        try {
            prepared = records.parallelStream().map(record -> {
                IncomingEvent event = unparsed(record);
                return event == null ? null : new Prepared<>(event.id(), handler.prepare(event));
            }).filter(Objects::nonNull).toList();
        } catch (RuntimeException e) {
            return parsed(handler, records);
        }
        List<UUID> ids = prepared.stream().map(Prepared::eventId).toList();
        List<P> rows = prepared.stream().map(Prepared::prepared).toList();
        return new Batch(prepared.size(), records.size() - prepared.size(), () -> runner.applyPrepared(handler, ids, rows),
                prepared.stream().<Supplier<Uni<Void>>>map(p -> () -> runner.applyPrepared(handler, List.of(p.eventId()),
                        List.of(p.prepared()))).toList());
    }

    /** The record as an event, or null when it is not one. */
    private IncomingEvent parse(ConsumerRecord<String, String> record) {
        return event(record, false);
    }

    /** The record as an event whose data is not parsed yet, or null when its envelope is not an event's. */
    private IncomingEvent unparsed(ConsumerRecord<String, String> record) {
        return event(record, true);
    }

    private IncomingEvent event(ConsumerRecord<String, String> record, boolean unparsed) {
        Map<String, String> headers = ProjectionRunner.headers(record.headers());
        try {
            return unparsed ? CloudEventRecords.parseUnparsed(runner.mapper(), record.topic(), record.value(), headers)
                    : CloudEventRecords.parse(runner.mapper(), record.topic(), record.value(), headers);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int done(Future<Integer> applying) {
        try {
            return applying.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Applies a polled batch in one transaction, or event by event when that fails; returns how many of its events never
     * applied (its records that are not events were counted when it was read).
     */
    private int applyBatch(ProjectionHandler handler, Batch batch) {
        if (batch.events() == 0) {
            return 0;
        }
        // Like the live consumer: a transient failure (a deadlock, an outage) is retried with back-off, the batch first,
        // then each event; what still fails is skipped.
        try {
            ProjectionRunner.retried(Uni.createFrom().deferred(() -> batch.write().get())).await().atMost(RETRIES_AT_MOST);
            return 0;
        } catch (RuntimeException batchFailed) {
            int poison = 0;
            for (Supplier<Uni<Void>> event : batch.eachEvent()) {
                try {
                    ProjectionRunner.retried(Uni.createFrom().deferred(() -> event.get())).await().atMost(RETRIES_AT_MOST);
                } catch (RuntimeException e) {
                    // The live consumer already sent this one to the dead-letter topic.
                    poison++;
                }
            }
            return poison;
        }
    }
}
