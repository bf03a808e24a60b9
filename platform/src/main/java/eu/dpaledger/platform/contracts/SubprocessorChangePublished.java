package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * subprocessor-service's published contract for sub-processor changes, one type for both sides: written for
 * every change event on {@code dpa.subprocessors} (the event's payload and a summary of the change after it),
 * read back by its own projections and by any other consumer with {@link #of}. The JSON Schemas in
 * subprocessor-service's {@code contracts/} describe the same shape; its contract test checks the two agree.
 *
 * @param changeId      the change's id; also the Kafka record key and {@code ce_subject}
 * @param streamVersion the event's position in the change's stream (its ETag)
 * @param event         the event's own payload (its schema per event type)
 * @param change        the change after the event
 */
public record SubprocessorChangePublished(String changeId, String agreementId, long streamVersion, JsonNode event,
                                          Summary change) implements EventPayload {

    public static final String TOPIC = "dpa.subprocessors";
    /** The prefix of the event types on the topic (changes and flow-down proofs). */
    public static final String TYPE_PREFIX = "eu.dpaledger.subprocessor.";

    /**
     * What consumers keep of a change: parties, what it changes, its state and clocks (DPA art. 6.1, 6.2).
     *
     * @param kind                  ADD, REPLACE or REMOVE
     * @param status                ANNOUNCED, OBJECTED, ACCEPTED, IN_EFFECT, WITHDRAWN or SUPERSEDED
     * @param objectionWindowEndsAt exclusive end of the controller's window (null for a removal)
     * @param acceptanceBasis       BASELINE, ACCEPTED_WITHOUT_OBJECTION, OBJECTION_RESOLVED or REMOVAL_NOTIFIED, once accepted
     * @param announcementId        the processor-wide announcement the change is one notice of (null for one announced on its own)
     */
    public record Summary(String controllerOrg, String processorOrg, String timeZone, String kind, Subprocessor subprocessor,
                          String replaces, LocalDate intendedFrom, String status, Instant announcedAt,
                          Instant objectionWindowEndsAt, boolean windowWarned, Instant objectedAt, Instant terminationRightFrom,
                          boolean terminationWarned, boolean terminationRightGranted, String acceptanceBasis, String supersedes,
                          String announcementId) {

        /** A change announced on its own (no processor-wide announcement). */
        public Summary(String controllerOrg, String processorOrg, String timeZone, String kind, Subprocessor subprocessor,
                       String replaces, LocalDate intendedFrom, String status, Instant announcedAt, Instant objectionWindowEndsAt,
                       boolean windowWarned, Instant objectedAt, Instant terminationRightFrom, boolean terminationWarned,
                       boolean terminationRightGranted, String acceptanceBasis, String supersedes) {
            this(controllerOrg, processorOrg, timeZone, kind, subprocessor, replaces, intendedFrom, status, announcedAt,
                    objectionWindowEndsAt, windowWarned, objectedAt, terminationRightFrom, terminationWarned, terminationRightGranted,
                    acceptanceBasis, supersedes, null);
        }
    }

    /** A sub-processor as annex 1 describes it; {@code country} is an ISO 3166-1 alpha-2 code. */
    public record Subprocessor(String name, String headOffice, String country, TransferMechanism transferMechanism) {
    }

    /** Reads a change event; a record without its ids, version or summary is refused (dead-letter topic). */
    public static SubprocessorChangePublished of(IncomingEvent event) {
        SubprocessorChangePublished published = PublishedContracts.read(event, SubprocessorChangePublished.class);
        if (published.changeId() == null || published.agreementId() == null || published.change() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("change event without changeId, agreementId, streamVersion or summary");
        }
        return published;
    }
}
