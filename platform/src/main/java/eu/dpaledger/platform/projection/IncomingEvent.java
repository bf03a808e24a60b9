package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A CloudEvent read from a topic: envelope attributes and its JSON data. {@code eventName} and
 * {@code schemaVersion} are parsed from the type {@code eu.dpaledger.<aggregate>.<EventName>.v<N>}.
 * {@code correlationId} is the extension attribute {@code correlationid} (null when the record has none), {@code traceparent}
 * the CloudEvents distributed tracing extension (the W3C trace context of the command that caused the event).
 * <p>
 * The data is read once per event for all the projections that apply it: {@link #dataAs} keeps what it read (a published
 * contract record, immutable), so the second projection of an event does not read its JSON again. An event a rebuild reads
 * may come {@linkplain #unparsed unparsed}: its contract record is then read straight from the record's text, and the tree
 * is built only if a projection asks for {@link #data()}.
 */
public final class IncomingEvent {

    private final String topic;
    private final UUID id;
    private final String source;
    private final String type;
    private final String aggregate;
    private final String eventName;
    private final int schemaVersion;
    private final String subject;
    private final Instant time;
    private final String correlationId;
    private final String chainHash;
    private final String streamVersion;
    private final String traceparent;
    /** The record's value when the tree has not been built yet (an unparsed event), else null. */
    private final String json;
    private final ObjectMapper mapper;
    private volatile JsonNode data;
    /** What {@link #dataAs} read last. */
    private volatile Object read;

    public IncomingEvent(String topic, UUID id, String source, String type, String aggregate, String eventName,
                         int schemaVersion, String subject, Instant time, JsonNode data, String correlationId,
                         String chainHash, String streamVersion, String traceparent) {
        this(topic, id, source, type, aggregate, eventName, schemaVersion, subject, time, data, correlationId, chainHash,
                streamVersion, traceparent, null, null);
    }

    /** A record without the receipt extensions ({@code chainhash}, {@code streamversion}; docs/EVIDENCE.md "Receipts"). */
    public IncomingEvent(String topic, UUID id, String source, String type, String aggregate, String eventName,
                         int schemaVersion, String subject, Instant time, JsonNode data, String correlationId) {
        this(topic, id, source, type, aggregate, eventName, schemaVersion, subject, time, data, correlationId, null, null, null);
    }

    private IncomingEvent(String topic, UUID id, String source, String type, String aggregate, String eventName,
                          int schemaVersion, String subject, Instant time, JsonNode data, String correlationId,
                          String chainHash, String streamVersion, String traceparent, String json, ObjectMapper mapper) {
        this.topic = topic;
        this.id = id;
        this.source = source;
        this.type = type;
        this.aggregate = aggregate;
        this.eventName = eventName;
        this.schemaVersion = schemaVersion;
        this.subject = subject;
        this.time = time;
        this.data = data;
        this.correlationId = correlationId;
        this.chainHash = chainHash;
        this.streamVersion = streamVersion;
        this.traceparent = traceparent;
        this.json = json;
        this.mapper = mapper;
    }

    /** An event whose data is still the record's text ({@code json}): read into a tree with {@code mapper} when first asked. */
    static IncomingEvent unparsed(String topic, UUID id, String source, String type, String aggregate, String eventName,
                                  int schemaVersion, String subject, Instant time, String json, ObjectMapper mapper,
                                  String correlationId, String chainHash, String streamVersion, String traceparent) {
        return new IncomingEvent(topic, id, source, type, aggregate, eventName, schemaVersion, subject, time, null,
                correlationId, chainHash, streamVersion, traceparent, json, mapper);
    }

    public String topic() {
        return topic;
    }

    public UUID id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String type() {
        return type;
    }

    public String aggregate() {
        return aggregate;
    }

    public String eventName() {
        return eventName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    public String correlationId() {
        return correlationId;
    }

    public String chainHash() {
        return chainHash;
    }

    public String streamVersion() {
        return streamVersion;
    }

    public String traceparent() {
        return traceparent;
    }

    /**
     * The event's data as a JSON object tree (built from the record's text on first use for an unparsed event; a text that
     * is not a JSON object is refused with {@link PoisonMessageException}).
     */
    public JsonNode data() {
        JsonNode tree = data;
        if (tree == null) {
            tree = CloudEventRecords.tree(mapper, json);
            data = tree;
        }
        return tree;
    }

    /**
     * The event's data read as {@code type}, once per event: {@code fromTree} reads it from the tree when there is one,
     * else {@code fromText} from the record's text (one JSON pass instead of two). What was read is kept and handed to
     * the next caller asking for the same type, so it must be immutable.
     */
    public <T> T dataAs(Class<T> type, Function<JsonNode, T> fromTree, Function<String, T> fromText) {
        Object last = read;
        if (type.isInstance(last)) {
            return type.cast(last);
        }
        JsonNode tree = data;
        T value = tree != null ? fromTree.apply(tree) : fromText.apply(json);
        read = value;
        return value;
    }

    /** What {@link #dataAs} has read of this event, if it is a {@code type} (nothing is read here). */
    public <T> Optional<T> alreadyRead(Class<T> type) {
        Object last = read;
        return type.isInstance(last) ? Optional.of(type.cast(last)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "IncomingEvent[" + type + " " + id + " on " + topic + ", subject " + subject + "]";
    }
}
