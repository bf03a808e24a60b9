package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * audit-service's published contract for the items of the processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1),
 * one type for both sides: audit-service writes it for every item event on {@code dpa.audits} (the event's payload and
 * a summary of the item after it), and every consumer reads it back with {@link #of}. The JSON Schemas
 * {@code eu.dpaledger.evidence.<Event>.v1.schema.json} in audit-service's {@code contracts/} describe the same shape.
 *
 * @param event the event's own payload (its schema per event type)
 * @param item  the item after the event
 */
public record EvidencePublished(String itemId, String agreementId, long streamVersion, JsonNode event, Summary item) implements EventPayload {

    public static final String TOPIC = AuditPublished.TOPIC;
    public static final String TYPE_PREFIX = "eu.dpaledger.evidence.";

    /**
     * @param kind         SECURITY_POLICY, DPO, STAFF_CONFIDENTIALITY, CERTIFICATION or MINIMUM_MEASURE
     * @param revision     1 when recorded, one more per revision
     * @param review       RECORDED (awaiting the controller), ACKNOWLEDGED or DISPUTED
     * @param expiresAfter the last day the item proves anything (a review or validity date), in {@code timeZone}; null if none
     * @param expiring     warned of by the scheduler for that date (it is within the warning period, or past): renewing
     *                     it is the processor's obligation
     * @param expired      marked expired by the scheduler for that date
     */
    public record Summary(String controllerOrg, String processorOrg, String kind, String title, int revision, String review,
                          LocalDate expiresAfter, String timeZone, boolean expiring, boolean expired, Instant recordedAt,
                          Instant updatedAt) {
    }

    /** Reads an evidence event; a record without its ids, version or summary is refused (dead-letter topic). */
    public static EvidencePublished of(IncomingEvent event) {
        EvidencePublished published = PublishedContracts.read(event, EvidencePublished.class);
        if (published.itemId() == null || published.agreementId() == null || published.item() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("evidence event without itemId, agreementId, streamVersion or summary");
        }
        return published;
    }
}
