package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A published contract record that carries the event's own payload as it was published ({@code event}; null where the
 * details are withheld). A consumer that has read the record takes the payload from it rather than from the event's
 * JSON tree ({@link eu.dpaledger.platform.projection.IncomingEvent#alreadyRead}): the record's JSON is then read once.
 */
public interface EventPayload {

    /** The event's own payload, or null when the record withholds it. */
    JsonNode event();
}
