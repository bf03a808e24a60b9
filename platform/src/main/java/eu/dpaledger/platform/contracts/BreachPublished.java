package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.util.List;

/**
 * breach-service's published contract, one type for both sides: breach-service writes it for every event
 * on {@code dpa.breaches} (the event's payload and a summary of the breach after it), and every reader of
 * the topic (breach-service's own register, a reporting service) reads it back with {@link #of}. The JSON
 * Schemas in breach-service's {@code contracts/} describe the same shape; its contract test checks the two agree.
 *
 * @param event  the event's own payload (its schema per event type)
 * @param breach the breach after the event
 */
public record BreachPublished(String breachId, String agreementId, long streamVersion, JsonNode event, Summary breach) implements EventPayload {

    public static final String TOPIC = "dpa.breaches";
    /** The prefix of breach event types on the topic. */
    public static final String TYPE_PREFIX = "eu.dpaledger.breach.";

    /**
     * The breach after the event: parties, the controller's authority, status, the 24-hour report clock
     * (DPA art. 7.3) and the 72-hour notification clock (GDPR 33(1)), the controller's risk and what it still owes.
     *
     * @param status          REPORTED, DOCUMENTED, AWAITING_NOTIFICATION, NOTIFIED_IN_PHASES or NOTIFIED; for a
     *                        serious attempt the controller has not assessed as a breach ATTEMPT_REPORTED, or
     *                        ATTEMPT_DOCUMENTED once it assessed it as an attempt only
     * @param lateBySeconds   how much later than the 24 hours the report came (0 when in time), by the awareness
     *                        as corrected since
     * @param notificationDueAt the 72-hour deadline (GDPR art. 33(1)); for a serious attempt ({@code kind}) no such
     *                        clock runs ({@code notificationOpen} false) and it is only receipt + 72 hours
     * @param risk            UNLIKELY, RISK or HIGH_RISK once assessed; null before
     * @param openObligations among ASSESSMENT, AUTHORITY_NOTIFICATION, DATA_SUBJECT_COMMUNICATION
     * @param kind            BREACH, or SERIOUS_ATTEMPT while the controller has not assessed a reported serious
     *                        attempt as a breach (DPA art. 7.3); null in events published before it was added
     * @param lateBySecondsOnReceipt how late the report was by the awareness it stated when it was received, which
     *                        a correction does not change (DPA art. 7.3); null in events published before it was added
     */
    public record Summary(String controllerOrg, String processorOrg, String authority, String status, String description,
                          Instant processorAwareAt, Instant receivedAt, Instant reportDueAt, long lateBySeconds,
                          Instant controllerAwareAt, Instant notificationDueAt, boolean notificationOpen,
                          boolean notificationWarned, boolean notificationMissed, String risk, List<String> openObligations,
                          String kind, Long lateBySecondsOnReceipt) {

        public Summary {
            openObligations = openObligations == null ? List.of() : List.copyOf(openObligations);
        }
    }

    /** Reads a breach event; a record without its ids, version or summary is refused (dead-letter topic). */
    public static BreachPublished of(IncomingEvent event) {
        BreachPublished published = PublishedContracts.read(event, BreachPublished.class);
        if (published.breachId() == null || published.agreementId() == null || published.breach() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("breach event without breachId, agreementId, streamVersion or summary");
        }
        return published;
    }
}
