package eu.dpaledger.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event about to be appended: its type and schema version, the payload stored in the stream,
 * and the data published on the topic (the integration contract, which may carry more than the payload).
 */
public record PendingEvent(String type, int schemaVersion, JsonNode payload, ObjectNode publishedData) {
}
