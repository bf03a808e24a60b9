package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.json.UtcInstants;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Kafka record in CloudEvents binary mode ({@code ce_*} headers, JSON value) into an {@link IncomingEvent}. */
final class CloudEventRecords {

    private static final Pattern TYPE = Pattern.compile("eu\\.dpaledger\\.([a-z-]+)\\.([A-Za-z]+)\\.v(\\d+)");

    private CloudEventRecords() {
    }

    static IncomingEvent parse(ObjectMapper mapper, String topic, String value, Map<String, String> headers) {
        return read(mapper, topic, value, headers, false);
    }

    /**
     * The record as an event whose data stays text until a projection asks for its tree ({@link IncomingEvent#unparsed}):
     * the envelope is checked here, the data when it is read (a rebuild's prepared projections read their contract
     * record straight from the text).
     */
    static IncomingEvent parseUnparsed(ObjectMapper mapper, String topic, String value, Map<String, String> headers) {
        return read(mapper, topic, value, headers, true);
    }

    /** The record's value as a JSON object tree, or {@link PoisonMessageException}. */
    static JsonNode tree(ObjectMapper mapper, String value) {
        JsonNode data;
        try {
            data = value == null ? null : mapper.readTree(value);
        } catch (Exception e) {
            throw new PoisonMessageException("data is not JSON: " + e.getMessage());
        }
        if (data == null || !data.isObject()) {
            throw new PoisonMessageException("data is not a JSON object");
        }
        return data;
    }

    private static IncomingEvent read(ObjectMapper mapper, String topic, String value, Map<String, String> headers, boolean lazy) {
        String id = headers.get("ce_id");
        String type = headers.get("ce_type");
        if (id == null || type == null) {
            throw new PoisonMessageException("not a CloudEvent: ce_id/ce_type headers missing");
        }
        Matcher m = TYPE.matcher(type);
        if (!m.matches()) {
            throw new PoisonMessageException("event type does not follow eu.dpaledger.<aggregate>.<Event>.v<N>: " + type);
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("ce_id is not a UUID: " + id);
        }
        if (value == null) {
            throw new PoisonMessageException("data is not a JSON object");
        }
        JsonNode data = lazy ? null : tree(mapper, value);
        String time = headers.get("ce_time");
        Instant at;
        try {
            at = time == null ? null : UtcInstants.parseOffset(time); // the relay's own shape without a formatter
        } catch (java.time.DateTimeException e) {
            throw new PoisonMessageException("ce_time is not an RFC 3339 instant: " + time);
        }
        int version;
        try {
            version = Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            throw new PoisonMessageException("event type version out of range: " + type);
        }
        if (lazy) {
            return IncomingEvent.unparsed(topic, uuid, headers.get("ce_source"), type, m.group(1), m.group(2), version,
                    headers.get("ce_subject"), at, value, mapper, headers.get("ce_correlationid"), headers.get("ce_chainhash"),
                    headers.get("ce_streamversion"), headers.get("ce_traceparent"));
        }
        return new IncomingEvent(topic, uuid, headers.get("ce_source"), type, m.group(1), m.group(2),
                version, headers.get("ce_subject"), at, data,
                headers.get("ce_correlationid"), headers.get("ce_chainhash"), headers.get("ce_streamversion"),
                headers.get("ce_traceparent"));
    }
}
