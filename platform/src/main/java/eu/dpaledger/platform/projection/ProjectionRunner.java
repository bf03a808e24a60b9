package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.http.CorrelationIds;
import eu.dpaledger.platform.ops.Tracing;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Feeds every {@link ProjectionHandler} of the service from the {@code dpa-projections} channel,
 * a polled batch at a time. Each handler applies an event at most once: the event id is recorded as
 * applied in the same transaction as the read-model change. A batch is applied in ONE transaction
 * (one commit for many events, which keeps read-model lag low under load); if that fails for good,
 * the batch is applied event by event to isolate what cannot be applied. A message that cannot be read
 * (not a CloudEvent, bad JSON, a type not named {@code eu.dpaledger.<aggregate>.<Event>.v<N>}) or whose
 * handler fails goes to the dead-letter topic ({@code dpa-dead-letters} channel) with the reason and is kept, per
 * projection, in the service's {@code dead_letters} table for an operator to replay or discard ({@link DeadLetters}),
 * and consumption carries on; when one projection cannot apply an event, the others still do; a well-formed type no projection knows is skipped (docs/EVENTS.md). A transient
 * failure (database unreachable, deadlock) is retried with back-off first, so an outage does not
 * empty the topic into the dead-letter queue. The batch's offsets are committed only after all that.
 * While an event is applied (or dead-lettered), log lines carry its correlation id ({@code ce_correlationid}).
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final Duration RETRY_FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int RETRY_ATTEMPTS = 30;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    @Any
    Instance<ProjectionHandler> handlers;

    @Inject
    DeadLetters kept;

    @Inject
    eu.dpaledger.platform.ops.OperationsMetrics metrics;

    @Inject
    Tracing tracing;

    @Inject
    @Channel("dpa-dead-letters")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> deadLetters;

    /** Event types skipped because no projection knows them (for logging each once). */
    private final Set<String> skippedTypes = ConcurrentHashMap.newKeySet();

    /** A record that cannot be applied, and why; {@code projection} null when it cannot be read as an event. */
    private record DeadLetter(KafkaRecord<String, String> record, String reason, String projection) {
    }

    /** A record read as an event (or, when unreadable, the reason). */
    private record Read(KafkaRecord<String, String> record, IncomingEvent event, String unreadable) {
    }

    private static final int QUIET_SECONDS = 10;
    private static final int BEHIND_SECONDS = 30;

    /** When the last batch was consumed and how old its newest record was then (for {@link #catchingUp}). */
    private volatile Instant lastBatchAt = Instant.EPOCH;
    private volatile Duration lastBatchBehind = Duration.ZERO;

    /**
     * True while the consumer works through a backlog: its last batch, consumed in the last {@value #QUIET_SECONDS}
     * seconds, held no record younger than {@value #BEHIND_SECONDS} seconds (a first start, a rebuilt service, the
     * end of an outage). The read models are then behind the topics: a job that reads them for a record should wait.
     */
    public boolean catchingUp() {
        Instant now = Instant.now();
        return lastBatchAt.isAfter(now.minusSeconds(QUIET_SECONDS)) && lastBatchBehind.getSeconds() >= BEHIND_SECONDS;
    }

    @Incoming("dpa-projections")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        Instant newest = batch.getRecords().stream().map(KafkaRecord::getTimestamp).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        Instant now = Instant.now();
        lastBatchAt = now;
        lastBatchBehind = newest == null ? Duration.ZERO : Duration.between(newest, now);
        List<Read> reads = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                reads.add(new Read(record, CloudEventRecords.parse(mapper, record.getTopic(), record.getPayload(),
                        headers(record.getHeaders())), null));
            } catch (PoisonMessageException e) {
                reads.add(new Read(record, null, e.getMessage()));
            }
        }
        List<DeadLetter> dead = new ArrayList<>();
        reads.stream().filter(r -> r.event() == null).forEach(r -> dead.add(new DeadLetter(r.record(), r.unreadable(), null)));
        List<Read> readable = reads.stream().filter(r -> r.event() != null).toList();
        Map<String, Instant> newestPerTopic = new HashMap<>();
        batch.getRecords().stream().filter(r -> r.getTimestamp() != null)
                .forEach(r -> newestPerTopic.merge(r.getTopic(), r.getTimestamp(), (a, b) -> a.isAfter(b) ? a : b));
        Map<String, Integer> tally = new ConcurrentHashMap<>();
        return retried(Uni.createFrom().deferred(() -> {
                    tally.clear();
                    return pool.withTransaction(tx -> applyBatch(tx, readable.stream().map(Read::event).toList(), tally));
                }))
                .invoke(() -> counted(tally))
                .onFailure().recoverWithUni(failure -> oneByOne(readable, 0, dead))
                .flatMap(x -> keepDeadLetters(dead))
                .flatMap(x -> sendDeadLetters(dead))
                .flatMap(x -> Uni.createFrom().completionStage(batch.ack()))
                .invoke(() -> metrics.consumed(newestPerTopic))
                .eventually(() -> correlate(null));
    }

    /**
     * The fast path: per projection, one statement records which of the batch's events are new for it,
     * then it applies those (all at once when the projection is batched, else pipelined when it allows it). Any failure fails the batch.
     */
    Uni<Void> applyBatch(SqlClient tx, List<IncomingEvent> events, Map<String, Integer> tally) {
        Map<ProjectionHandler, List<IncomingEvent>> plan = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            for (ProjectionHandler handler : interested(event)) {
                plan.computeIfAbsent(handler, h -> new ArrayList<>()).add(event);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<ProjectionHandler, List<IncomingEvent>> entry : plan.entrySet()) {
            chain = chain.flatMap(x -> applyNew(tx, entry.getKey(), entry.getValue(), tally));
        }
        return chain;
    }

    /**
     * Records the events as applied for the projection and returns the positions of those that were not already
     * (a redelivered copy within the same list counts once).
     */
    private static Uni<List<Integer>> fresh(SqlClient tx, ProjectionHandler handler, List<UUID> eventIds) {
        UUID[] ids = eventIds.stream().distinct().toArray(UUID[]::new);
        return tx.preparedQuery("INSERT INTO projection_applied_events (projection, event_id) "
                        + "SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id")
                .execute(Tuple.of(handler.name(), ids))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(r -> fresh.add(r.getUUID("event_id")));
                    List<Integer> positions = new ArrayList<>();
                    for (int i = 0; i < eventIds.size(); i++) {
                        // remove() keeps a redelivered copy within the same list from applying twice
                        if (fresh.remove(eventIds.get(i))) {
                            positions.add(i);
                        }
                    }
                    return positions;
                });
    }

    /**
     * Applies the events new for the projection. {@code tally} is given on the live paths (not in a rebuild): it gets, per
     * projection, the number of events applied (counted once committed), and each event applied gets a span continuing
     * the trace of the command that caused it ({@code apply <projection>}, docs/ARCHITECTURE.md "Traces").
     */
    private Uni<Void> applyNew(SqlClient tx, ProjectionHandler handler, List<IncomingEvent> events, Map<String, Integer> tally) {
        return fresh(tx, handler, events.stream().map(IncomingEvent::id).toList())
                .flatMap(positions -> {
                    List<IncomingEvent> toApply = positions.stream().map(events::get).toList();
                    if (toApply.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (tally == null) {
                        return write(tx, handler, toApply);
                    }
                    tally.merge(handler.name(), toApply.size(), Integer::sum);
                    List<io.opentelemetry.api.trace.Span> spans = toApply.stream().map(e -> tracing.start("apply " + handler.name(),
                            e.traceparent(), io.opentelemetry.api.trace.SpanKind.CONSUMER, Map.of("dpa.projection", handler.name(),
                                    "messaging.destination.name", e.topic(), "cloudevents.event_id", e.id().toString(),
                                    "cloudevents.event_type", e.type()))).toList();
                    return write(tx, handler, toApply).onTermination().invoke((x, failure, cancelled) -> Tracing.end(spans, failure));
                });
    }

    private Uni<Void> write(SqlClient tx, ProjectionHandler handler, List<IncomingEvent> toApply) {
        if (handler.batched() && toApply.size() > 1) {
            if (handler instanceof PreparedProjection<?> prepared) {
                return prepareAndWrite(tx, prepared, toApply);
            }
            // Log lines of the batch carry its first event's correlation id.
            correlate(toApply.get(0).correlationId());
            return handler.applyAll(tx, toApply);
        }
        if (handler.pipelined()) {
            // Subscribed in order: the statements go out back to back, in event order.
            return Uni.join().all(toApply.stream().map(e -> Uni.createFrom().deferred(() -> {
                        correlate(e.correlationId());
                        return handler.apply(tx, e);
                    })).toList()).andFailFast().replaceWithVoid();
        }
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (IncomingEvent e : toApply) {
            sequence = sequence.flatMap(x -> {
                correlate(e.correlationId());
                return handler.apply(tx, e);
            });
        }
        return sequence;
    }

    /**
     * After a failed batch: each event, and each projection that applies it, in its own transaction, collecting what
     * never applies; a projection that cannot apply an event does not keep it from the others.
     */
    private Uni<Void> oneByOne(List<Read> reads, int index, List<DeadLetter> dead) {
        if (index == reads.size()) {
            return Uni.createFrom().voidItem();
        }
        Read read = reads.get(index);
        Uni<Void> each = Uni.createFrom().voidItem();
        for (ProjectionHandler handler : interested(read.event())) {
            Map<String, Integer> tally = new ConcurrentHashMap<>();
            each = each.flatMap(x -> retried(Uni.createFrom().deferred(() -> {
                        tally.clear();
                        return pool.withTransaction(tx -> applyNew(tx, handler, List.of(read.event()), tally));
                    }))
                    .invoke(() -> counted(tally))
                    .onFailure().recoverWithItem(failure -> {
                        dead.add(new DeadLetter(read.record(), String.valueOf(failure.getMessage()), handler.name()));
                        return null;
                    }));
        }
        return each.flatMap(x -> oneByOne(reads, index + 1, dead));
    }

    /** Counts the events a committed transaction applied, per projection. */
    void counted(Map<String, Integer> tally) {
        tally.forEach(metrics::applied);
    }

    /**
     * Keeps the dead letters in the service's database for an operator ({@link DeadLetters}), before the batch's offsets
     * are committed. Should that fail for good, the records still go to the dead-letter topic and consumption carries on.
     */
    private Uni<Void> keepDeadLetters(List<DeadLetter> dead) {
        if (dead.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<DeadLetters.Kept> records = dead.stream().map(d -> new DeadLetters.Kept(d.projection(), d.record().getTopic(),
                d.record().getPartition(), d.record() instanceof IncomingKafkaRecord<?, ?> in ? in.getOffset() : -1,
                d.record().getKey(), headers(d.record().getHeaders()), d.record().getPayload(), d.reason())).toList();
        return retried(kept.keep(pool, records)).onFailure().recoverWithItem(failure -> {
            LOG.errorf(failure, "%d dead letters could not be kept in the database (they are on the dead-letter topic)", records.size());
            return null;
        }).invoke(() -> dead.forEach(d -> metrics.deadLettered(d.projection(), 1))); // counted once kept: the open gauge agrees
    }

    private Uni<Void> sendDeadLetters(List<DeadLetter> dead) {
        if (dead.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>();
        for (DeadLetter d : dead) {
            long offset = d.record() instanceof IncomingKafkaRecord<?, ?> in ? in.getOffset() : -1;
            Header correlation = d.record().getHeaders().lastHeader("ce_correlationid");
            correlate(correlation == null || correlation.value() == null ? null
                    : new String(correlation.value(), StandardCharsets.UTF_8));
            LOG.warnf("event sent to the dead-letter topic: %s (from %s-%d@%d)", d.reason(), d.record().getTopic(),
                    d.record().getPartition(), offset);
            Headers headers = new RecordHeaders();
            for (Header h : d.record().getHeaders()) {
                headers.add(h);
            }
            headers.add("dead-letter-reason", d.reason().getBytes(StandardCharsets.UTF_8));
            if (d.projection() != null) {
                headers.add("dead-letter-projection", d.projection().getBytes(StandardCharsets.UTF_8));
            }
            headers.add("dead-letter-topic", d.record().getTopic().getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-partition", String.valueOf(d.record().getPartition()).getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-offset", String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
            sends.add(deadLetters.sendMessage(Message.of(d.record().getPayload()).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(d.record().getKey()).withHeaders(headers).build())));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    /**
     * A prepared projection's batch: each event prepared under its own correlation id (what the projection logs about
     * one event carries that event's id, however many share the batch), the write's log lines under the first's.
     */
    private static <P> Uni<Void> prepareAndWrite(SqlClient tx, PreparedProjection<P> handler, List<IncomingEvent> events) {
        return Uni.createFrom().deferred(() -> {
            List<P> prepared = new ArrayList<>(events.size());
            for (IncomingEvent event : events) {
                correlate(event.correlationId());
                prepared.add(handler.prepare(event));
            }
            correlate(events.get(0).correlationId());
            return handler.write(tx, prepared);
        });
    }

    /** The log lines that follow carry this correlation id (none when null), until the next call. */
    private static void correlate(String correlationId) {
        if (correlationId == null) {
            MDC.remove(CorrelationIds.MDC_KEY);
        } else {
            MDC.put(CorrelationIds.MDC_KEY, correlationId);
        }
    }

    /** Work retried with back-off while it fails transiently (an outage, a deadlock), as the live consumer and a rebuild do. */
    static <T> Uni<T> retried(Uni<T> work) {
        return work.onFailure(TransientFailures::isTransient)
                .retry().withBackOff(RETRY_FIRST_BACKOFF, RETRY_MAX_BACKOFF).atMost(RETRY_ATTEMPTS);
    }

    /** Applies one event to every interested projection, at most once each, in its own transaction. */
    public Uni<Void> apply(IncomingEvent event) {
        return pool.withTransaction(tx -> applyBatch(tx, List.of(event), null));
    }

    /**
     * The projections that apply this event: none for a known type they ignore, none for a type no projection
     * knows. An unknown type is skipped, not dead-lettered (docs/EVENTS.md): a newer producer may publish a new
     * event type, or a {@code .vN+1} side by side with the {@code .vN} this service reads. Logged once per type.
     */
    private List<ProjectionHandler> interested(IncomingEvent event) {
        // Only projections that read this topic have a say in what the event is.
        List<ProjectionHandler> readers = handlers.stream().filter(h -> h.topics().contains(event.topic())).toList();
        List<ProjectionHandler> interested = readers.stream()
                .filter(h -> h.interestIn(event.topic(), event.type()) == ProjectionHandler.Interest.APPLY)
                .collect(Collectors.toList());
        if (interested.isEmpty() && readers.stream()
                .noneMatch(h -> h.interestIn(event.topic(), event.type()) == ProjectionHandler.Interest.IGNORE)
                && skippedTypes.add(event.topic() + " " + event.type())) {
            LOG.infof("skipping event type %s on %s: no projection of this service knows it (consumers ignore unknown "
                    + "types, docs/EVENTS.md); logged once per type", event.type(), event.topic());
        }
        return interested;
    }

    /** Applies events to one projection on {@code tx}, each at most once (a dead letter's replay). */
    Uni<Void> applyTo(SqlClient tx, ProjectionHandler handler, List<IncomingEvent> events, Map<String, Integer> tally) {
        List<IncomingEvent> wanted = events.stream()
                .filter(e -> handler.interestIn(e.topic(), e.type()) == ProjectionHandler.Interest.APPLY).toList();
        return wanted.isEmpty() ? Uni.createFrom().voidItem() : applyNew(tx, handler, wanted, tally);
    }

    /** Applies one event to one projection (used by the rebuild). */
    public Uni<Void> apply(ProjectionHandler handler, IncomingEvent event) {
        return applyAll(handler, List.of(event));
    }

    /**
     * Applies events to one projection in ONE transaction, each at most once, in their order (the rebuild, a polled
     * batch at a time: one commit for many events); fails as a whole when one of them fails.
     */
    public Uni<Void> applyAll(ProjectionHandler handler, List<IncomingEvent> events) {
        List<IncomingEvent> wanted = events.stream()
                .filter(e -> handler.interestIn(e.topic(), e.type()) == ProjectionHandler.Interest.APPLY).toList();
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> applyNew(tx, handler, wanted, null));
    }

    /**
     * Writes events a rebuild prepared ahead ({@code prepared.get(i)} is what the event {@code eventIds.get(i)} amounts
     * to) to one projection in ONE transaction, each at most once; fails as a whole when one of them fails. Only the ids
     * are kept beside what was prepared: the events themselves (their JSON trees) are garbage as soon as prepared.
     */
    public <P> Uni<Void> applyPrepared(PreparedProjection<P> handler, List<UUID> eventIds, List<P> prepared) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> fresh(tx, handler, eventIds).flatMap(positions -> positions.isEmpty()
                ? Uni.createFrom().voidItem()
                : handler.write(tx, positions.stream().map(prepared::get).toList())));
    }

    static Map<String, String> headers(Headers headers) {
        Map<String, String> out = new HashMap<>();
        for (Header h : headers) {
            out.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
