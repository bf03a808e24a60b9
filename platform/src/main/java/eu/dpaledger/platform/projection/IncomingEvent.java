package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvent read from a topic: envelope attributes and its JSON data. {@code eventName} and
 * {@code schemaVersion} are parsed from the type {@code eu.dpaledger.<aggregate>.<EventName>.v<N>}.
 * {@code correlationId} is the extension attribute {@code correlationid} (null when the record has none), {@code traceparent}
 * the CloudEvents distributed tracing extension (the W3C trace context of the command that caused the event).
 */
public record IncomingEvent(String topic, UUID id, String source, String type, String aggregate, String eventName,
                            int schemaVersion, String subject, Instant time, JsonNode data, String correlationId,
                            String chainHash, String streamVersion, String traceparent) {

    /** A record without the receipt extensions ({@code chainhash}, {@code streamversion}; docs/EVIDENCE.md "Receipts"). */
    public IncomingEvent(String topic, UUID id, String source, String type, String aggregate, String eventName,
                         int schemaVersion, String subject, Instant time, JsonNode data, String correlationId) {
        this(topic, id, source, type, aggregate, eventName, schemaVersion, subject, time, data, correlationId, null, null, null);
    }
}
