package eu.dpaledger.platform.eventstore;

import eu.dpaledger.platform.http.HttpProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event store on PostgreSQL. {@link #append} writes a batch of events to one stream at an
 * expected version, chaining their hashes, together with their outbox rows, on the connection it is
 * given: the caller's transaction makes events and outbox rows commit or fail together.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String SELECT_COLUMNS = "SELECT event_id, stream_id, stream_type, version, event_type, "
            + "schema_version, payload::text AS payload, metadata::text AS metadata, occurred_at, previous_hash, hash FROM events ";

    /** Room left in a Kafka record for the batch and record framing and the CloudEvents headers besides their values. */
    static final int RECORD_FRAMING_BYTES = 1024;

    @Inject
    ObjectMapper mapper;

    /** The producer refuses a record over this ({@code RecordTooLargeException}): no event may be appended that would be one. */
    @ConfigProperty(name = "mp.messaging.outgoing.dpa-outbox.max.request.size", defaultValue = "1048576")
    int maxRequestSize;

    /**
     * Appends {@code events} to {@code streamId} if its current version is {@code expectedVersion}
     * (0 for a new stream); otherwise returns {@link AppendResult.VersionConflict} and writes nothing.
     */
    public Uni<AppendResult> append(SqlClient tx, String streamId, String streamType, long expectedVersion,
                                    List<PendingEvent> events, EventMetadata metadata, Instant occurredAt) {
        return tx.preparedQuery("SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1")
                .execute(Tuple.of(streamId))
                .flatMap(rows -> {
                    long current = 0;
                    String previous = HashChain.GENESIS;
                    if (rows.iterator().hasNext()) {
                        Row head = rows.iterator().next();
                        current = head.getLong("version");
                        previous = head.getString("hash");
                    }
                    if (current != expectedVersion) {
                        return Uni.createFrom().item(new AppendResult.VersionConflict(expectedVersion, current));
                    }
                    return appendAfter(tx, streamId, streamType, expectedVersion, previous, events, metadata, occurredAt);
                });
    }

    /**
     * Appends the one event of a new stream the kernel records on its own, outside any aggregate (an erasure of
     * personal data, a signed checkpoint, an evidence export), with its outbox row, on {@code tx}. Fails if the stream
     * exists (its id is new by construction).
     */
    public Uni<Void> appendNewStream(SqlClient tx, String streamId, String streamType, String eventType, JsonNode payload,
                                     com.fasterxml.jackson.databind.node.ObjectNode published, EventMetadata metadata, Instant at) {
        return append(tx, streamId, streamType, 0, List.of(new PendingEvent(eventType, 1, payload, published)), metadata, at)
                .map(result -> {
                    if (!(result instanceof AppendResult.Appended)) {
                        throw new IllegalStateException(streamType + " stream " + streamId + " already exists");
                    }
                    return null;
                });
    }

    /**
     * Appends after a head the caller has just read in the same transaction ({@code expectedVersion},
     * {@code headHash}; 0 and {@link HashChain#GENESIS} for a new stream), saving the head lookup. A
     * concurrent append still loses on the unique {@code (stream_id, version)} as a conflict.
     */
    public Uni<AppendResult> appendAfter(SqlClient tx, String streamId, String streamType, long expectedVersion,
                                         String headHash, List<PendingEvent> events, EventMetadata metadata,
                                         Instant occurredAt) {
        // PostgreSQL keeps microseconds: truncate first so the hash verifies after a round trip.
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        JsonNode metadataNode = mapper.valueToTree(metadata);
        List<StoredEvent> stored = new ArrayList<>(events.size());
        String previous = headHash;
        long version = expectedVersion;
        for (PendingEvent e : events) {
            version++;
            UUID id = UUID.randomUUID();
            String hash = HashChain.hash(id, streamId, streamType, version, e.type(), e.schemaVersion(),
                    e.payload(), metadataNode, at, previous);
            stored.add(new StoredEvent(id, streamId, streamType, version, e.type(), e.schemaVersion(),
                    e.payload(), metadataNode, at, previous, hash));
            previous = hash;
        }
        return insert(tx, stored, events)
                .map(x -> (AppendResult) new AppendResult.Appended(stored.get(stored.size() - 1).version(), stored))
                .onFailure(EventStore::isStreamVersionClash)
                // A concurrent append won the race for this version; the transaction is now aborted,
                // so the caller must fail it (the actual version is unknown here: -1).
                .recoverWithItem(() -> new AppendResult.VersionConflict(expectedVersion, -1));
    }

    private Uni<Void> insert(SqlClient tx, List<StoredEvent> stored, List<PendingEvent> pending) {
        List<Tuple> eventRows = new ArrayList<>();
        List<Tuple> outboxRows = new ArrayList<>();
        // The request's trace continues with the event's publication (not evidence: kept with the outbox row only).
        String traceparent = eu.dpaledger.platform.ops.Tracing.currentTraceparent();
        for (int i = 0; i < stored.size(); i++) {
            StoredEvent e = stored.get(i);
            eventRows.add(Tuple.tuple(List.of(e.eventId(), e.streamId(), e.streamType(), e.version(), e.type(),
                    e.schemaVersion(), write(e.payload()), write(e.metadata()), e.occurredAt().atOffset(ZoneOffset.UTC),
                    e.previousHash(), e.hash())));
            String ceType = CloudEventTypes.of(e.streamType(), e.type(), e.schemaVersion());
            String data = write(pending.get(i).publishedData());
            requirePublishable(e, ceType, data);
            outboxRows.add(Tuple.tuple(java.util.Arrays.asList(e.eventId(), e.streamId(), ceType, e.streamId(),
                    e.occurredAt().atOffset(ZoneOffset.UTC), data, traceparent)));
        }
        return tx.preparedQuery("INSERT INTO events (event_id, stream_id, stream_type, version, event_type, schema_version, "
                        + "payload, metadata, occurred_at, previous_hash, hash) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9, $10, $11)")
                .executeBatch(eventRows)
                .flatMap(x -> tx.preparedQuery("INSERT INTO outbox (event_id, message_key, ce_type, ce_subject, ce_time, data, traceparent) "
                        + "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7)").executeBatch(outboxRows))
                .replaceWithVoid();
    }

    /**
     * Refuses (413 {@code event-too-large}, so the command's transaction rolls back and nothing changes) an
     * event whose Kafka record would be over the producer's {@code max.request.size}: such a row could never
     * leave the outbox. Input limits keep requests far below this; this is the last guard, at append time.
     */
    private void requirePublishable(StoredEvent e, String ceType, String data) {
        long bytes = utf8Length(data) + 2L * utf8Length(e.streamId()) + utf8Length(ceType) + RECORD_FRAMING_BYTES;
        if (bytes > maxRequestSize) {
            throw new HttpProblem(413, "event-too-large", "Event too large",
                    "The " + e.type() + " event this request would record is about " + bytes + " bytes as published; the broker"
                            + " accepts at most " + maxRequestSize + " (max.request.size). Shorten the texts in the request.",
                    Map.of("eventType", e.type(), "eventBytes", bytes, "maxBytes", maxRequestSize));
        }
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The whole stream in version order (empty for an unknown stream). */
    public Uni<List<StoredEvent>> load(SqlClient client, String streamId) {
        return loadAfter(client, streamId, 0);
    }

    /** The events of a stream after {@code afterVersion}, in version order. */
    public Uni<List<StoredEvent>> loadAfter(SqlClient client, String streamId, long afterVersion) {
        return client.preparedQuery(SELECT_COLUMNS + "WHERE stream_id = $1 AND version > $2 ORDER BY version")
                .execute(Tuple.of(streamId, afterVersion))
                .map(rows -> {
                    List<StoredEvent> out = new ArrayList<>();
                    rows.forEach(r -> out.add(toEvent(r)));
                    return out;
                });
    }

    /** Current version of a stream (0 when it has no events). */
    public Uni<Long> currentVersion(SqlClient client, String streamId) {
        return client.preparedQuery("SELECT coalesce(max(version), 0) AS v FROM events WHERE stream_id = $1")
                .execute(Tuple.of(streamId))
                .map(rows -> rows.iterator().next().getLong("v"));
    }

    /** Walks a stream and reports the first event whose hash does not match. */
    public Uni<HashChain.Verification> verify(SqlClient client, String streamId) {
        return load(client, streamId).map(events -> HashChain.verify(streamId, events));
    }

    private StoredEvent toEvent(Row r) {
        return new StoredEvent(r.getUUID("event_id"), r.getString("stream_id"), r.getString("stream_type"),
                r.getLong("version"), r.getString("event_type"), r.getInteger("schema_version"),
                read(r.getString("payload")), read(r.getString("metadata")),
                r.getOffsetDateTime("occurred_at").toInstant(), r.getString("previous_hash"), r.getString("hash"));
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }

    private static boolean isStreamVersionClash(Throwable t) {
        return t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && String.valueOf(pg.getMessage()).contains("events_stream_version");
    }
}
