package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * audit-service's published contract for requests for assistance (DPA art. 7.4, 7.1), one type for both sides:
 * audit-service writes it for every request event on {@code dpa.audits} (the event's payload and a summary of the
 * request after it), and every consumer reads it back with {@link #of}. The JSON Schemas
 * {@code eu.dpaledger.assistancerequest.<Event>.v1.schema.json} in audit-service's {@code contracts/} describe the same
 * shape; its contract test checks the two agree.
 *
 * @param event   the event's own payload (its schema per event type)
 * @param request the request after the event
 */
public record AssistanceRequestPublished(String requestId, String agreementId, long streamVersion, JsonNode event,
                                         Summary request) implements EventPayload {

    public static final String TOPIC = AuditPublished.TOPIC;
    public static final String TYPE_PREFIX = "eu.dpaledger.assistancerequest.";

    /**
     * @param kind       DPIA, PRIOR_CONSULTATION, SECURITY_OF_PROCESSING or OTHER
     * @param processing the processing the request concerns
     * @param status     OPEN (awaiting the processor), ANSWERED (awaiting the controller) or CLOSED
     * @param dueDate    the day the current question is due by, in {@code timeZone}
     * @param overdue    the current question's due date passed unanswered (marked by the scheduler)
     * @param costBasis  the latest answer's cost basis (DPA art. 7.1): PROCESSOR_RESPONSIBILITY or CHARGEABLE; null before
     * @param answeredAt when the latest answer was given; null before the first
     */
    public record Summary(String controllerOrg, String processorOrg, String kind, String processing, String status,
                          LocalDate dueDate, String timeZone, boolean overdue, String costBasis, Instant requestedAt,
                          Instant answeredAt, Instant closedAt) {
    }

    /** Reads an assistance request event; a record without its ids, version or summary is refused (dead-letter topic). */
    public static AssistanceRequestPublished of(IncomingEvent event) {
        AssistanceRequestPublished published = PublishedContracts.read(event, AssistanceRequestPublished.class);
        if (published.requestId() == null || published.agreementId() == null || published.request() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("assistance request event without requestId, agreementId, streamVersion or summary");
        }
        return published;
    }
}
