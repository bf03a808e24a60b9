package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * audit-service's published contract for audits (DPA art. 9), one type for both sides: audit-service writes it for
 * every audit event on {@code dpa.audits} (the event's payload and a summary of the audit after it), and every
 * consumer (audit-service's own audit list, a dashboard) reads it back with {@link #of}. The JSON Schemas
 * {@code eu.dpaledger.audit.<Event>.v1.schema.json} in audit-service's {@code contracts/} describe the same shape;
 * its contract test checks the two agree.
 *
 * @param event the event's own payload (its schema per event type)
 * @param audit the audit after the event
 */
public record AuditPublished(String auditId, String agreementId, long streamVersion, JsonNode event, Summary audit) implements EventPayload {

    public static final String TOPIC = "dpa.audits";
    /** The prefix of audit event types on the topic (information requests publish there too). */
    public static final String TYPE_PREFIX = "eu.dpaledger.audit.";

    /**
     * @param auditorOrg     the audit firm the controller appointed, if any
     * @param status         SCHEDULED, CANCELLED, COMPLETED, PLAN_DUE, PLAN_SUBMITTED, PLAN_APPROVED or CLOSED
     * @param planDueAt      when the corrective action plan is due (art. 9.2), once deficiencies were established: the
     *                       month after completion, or after a rejection the later of that and the resubmission period
     *                       the controller stated
     * @param planOwed       deficiencies established and no plan approved or awaiting a decision
     * @param nextMeasureDue the earliest due date of an approved measure not yet implemented
     * @param costBorneBy    CONTROLLER or PROCESSOR once completed (art. 9.3), else null
     */
    public record Summary(String controllerOrg, String processorOrg, String auditorOrg, String status, Instant start, Instant end,
                          String scope, Instant planDueAt, boolean planOwed, LocalDate nextMeasureDue, String costBorneBy) {
    }

    /** Reads an audit event; a record without its ids, version or summary is refused (dead-letter topic). */
    public static AuditPublished of(IncomingEvent event) {
        AuditPublished published = PublishedContracts.read(event, AuditPublished.class);
        if (published.auditId() == null || published.agreementId() == null || published.audit() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("audit event without auditId, agreementId, streamVersion or summary");
        }
        return published;
    }
}
