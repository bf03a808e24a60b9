package eu.dpaledger.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.json.CanonicalJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tamper evidence: {@code hash = SHA-256(canonical event ‖ previous hash of the same stream)}. The
 * first event of a stream chains to 64 zeros. The canonical event is the sorted-key JSON of every
 * stored field, so a change to any of them (or a removed/reordered event) breaks the chain.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String hash(UUID eventId, String streamId, String streamType, long version, String type,
                              int schemaVersion, JsonNode payload, JsonNode metadata, Instant occurredAt,
                              String previousHash) {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("eventId", eventId.toString());
        canonical.put("streamId", streamId);
        canonical.put("streamType", streamType);
        canonical.put("version", version);
        canonical.put("type", type);
        canonical.put("schemaVersion", schemaVersion);
        canonical.set("payload", payload);
        canonical.set("metadata", metadata);
        canonical.put("occurredAt", occurredAt.toString());
        return CanonicalJson.sha256Hex(CanonicalJson.write(canonical) + previousHash);
    }

    /** Recomputes the hash of a stored event from its fields. */
    public static String recompute(StoredEvent e) {
        return hash(e.eventId(), e.streamId(), e.streamType(), e.version(), e.type(), e.schemaVersion(),
                e.payload(), e.metadata(), e.occurredAt(), e.previousHash());
    }

    /** The result of walking a stream: intact, or the first event that does not match. */
    public record Verification(String streamId, int eventsChecked, boolean intact, Long firstBrokenVersion,
                               UUID firstBrokenEventId, String reason, String headHash) {
    }

    /** Walks a stream in version order and reports the first event whose hash or link does not match. */
    public static Verification verify(String streamId, List<StoredEvent> events) {
        String expectedPrevious = GENESIS;
        long expectedVersion = 1;
        int checked = 0;
        for (StoredEvent e : events) {
            checked++;
            Optional<String> problem = Optional.empty();
            if (e.version() != expectedVersion) {
                problem = Optional.of("version " + e.version() + " where " + expectedVersion + " was expected (missing event)");
            } else if (!e.previousHash().equals(expectedPrevious)) {
                problem = Optional.of("previous hash does not link to the event before it");
            } else if (!recompute(e).equals(e.hash())) {
                problem = Optional.of("content does not match its hash");
            }
            if (problem.isPresent()) {
                return new Verification(streamId, checked, false, e.version(), e.eventId(), problem.get(), null);
            }
            expectedPrevious = e.hash();
            expectedVersion++;
        }
        return new Verification(streamId, checked, true, null, null, null, expectedPrevious);
    }
}
