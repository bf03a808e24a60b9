package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * audit-service's published contract for information requests (DPA art. 9.2), one type for both sides: audit-service
 * writes it for every request event on {@code dpa.audits} (the event's payload and a summary of the request after it),
 * and every consumer reads it back with {@link #of}. The JSON Schemas
 * {@code eu.dpaledger.informationrequest.<Event>.v1.schema.json} in audit-service's {@code contracts/} describe the
 * same shape; its contract test checks the two agree.
 *
 * @param event   the event's own payload (its schema per event type)
 * @param request the request after the event
 */
public record InformationRequestPublished(String requestId, String agreementId, long streamVersion, JsonNode event,
                                          Summary request) implements EventPayload {

    public static final String TOPIC = AuditPublished.TOPIC;
    public static final String TYPE_PREFIX = "eu.dpaledger.informationrequest.";

    /**
     * @param dueDate  the day the controller asked the answer by, if any (a day in {@code timeZone})
     * @param timeZone the agreement's time zone
     * @param status   OPEN or ANSWERED
     */
    public record Summary(String controllerOrg, String processorOrg, String question, LocalDate dueDate, String timeZone,
                          String status, Instant askedAt, Instant answeredAt) {
    }

    /** Reads an information request event; a record without its ids, version or summary is refused (dead-letter topic). */
    public static InformationRequestPublished of(IncomingEvent event) {
        InformationRequestPublished published = PublishedContracts.read(event, InformationRequestPublished.class);
        if (published.requestId() == null || published.agreementId() == null || published.request() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("information request event without requestId, agreementId, streamVersion or summary");
        }
        return published;
    }
}
