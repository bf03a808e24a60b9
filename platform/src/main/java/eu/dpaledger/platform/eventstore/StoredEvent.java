package eu.dpaledger.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One event as stored: position in its stream, payload, metadata and its link in the hash chain. */
public record StoredEvent(UUID eventId, String streamId, String streamType, long version, String type,
                          int schemaVersion, JsonNode payload, JsonNode metadata, Instant occurredAt,
                          String previousHash, String hash) {
}
