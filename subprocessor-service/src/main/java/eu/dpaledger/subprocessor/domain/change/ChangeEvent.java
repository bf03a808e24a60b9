package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.subprocessor.domain.SubprocessorDetails;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to a sub-processor change; the record's simple name is the event type. */
public sealed interface ChangeEvent {

    /**
     * A change was announced to the controller. {@code objectionWindowEndsAt} is the exclusive end of the
     * window (null for a removal, which cannot be objected to); {@code announcementId} the processor-wide announcement
     * it is one notice of (null for a notice announced on its own, and in events stored before announcements existed).
     */
    record ChangeAnnounced(String changeId, String agreementId, String controllerOrg, String processorOrg,
                           String timeZone, ChangeKind kind, SubprocessorDetails subprocessor, String replaces,
                           LocalDate intendedFrom, String reason, String supersedes, Instant objectionWindowEndsAt,
                           String announcedBy, Instant at, String announcementId) implements ChangeEvent {

        /** A notice announced on its own (events stored before announcements existed read the same way). */
        public ChangeAnnounced(String changeId, String agreementId, String controllerOrg, String processorOrg, String timeZone,
                               ChangeKind kind, SubprocessorDetails subprocessor, String replaces, LocalDate intendedFrom,
                               String reason, String supersedes, Instant objectionWindowEndsAt, String announcedBy, Instant at) {
            this(changeId, agreementId, controllerOrg, processorOrg, timeZone, kind, subprocessor, replaces, intendedFrom, reason,
                    supersedes, objectionWindowEndsAt, announcedBy, at, null);
        }
    }

    /**
     * The controller objected; the processor received it {@code at} (both go through this service), so
     * the right to terminate arises at {@code terminationRightFrom} unless the objection is resolved.
     */
    record ObjectionRaised(String grounds, String objectedBy, Instant at, LocalDate negotiationEndsOn,
                           Instant terminationRightFrom) implements ChangeEvent {
    }

    record ObjectionWithdrawn(String reason, String withdrawnBy, Instant at) implements ChangeEvent {
    }

    record ChangeWithdrawn(String reason, String withdrawnBy, Instant at) implements ChangeEvent {
    }

    record ChangeSuperseded(String alternativeChangeId, String supersededBy, Instant at) implements ChangeEvent {
    }

    record ChangeAccepted(AcceptanceBasis basis, Instant at) implements ChangeEvent {
    }

    /** The change is in effect from {@code effectiveFrom} (its intended date); the registry follows. */
    record ChangeTookEffect(LocalDate effectiveFrom, Instant at) implements ChangeEvent {
    }

    record ObjectionWindowClosingSoon(Instant objectionWindowEndsAt, Instant at) implements ChangeEvent {
    }

    record TerminationRightApproaching(Instant terminationRightFrom, Instant at) implements ChangeEvent {
    }

    /**
     * Three months after the objection reached the processor, unresolved: the controller may terminate
     * the agreement with ground {@code SUBPROCESSOR_OBJECTION} (art. 6.2). agreement-service consumes it.
     */
    record TerminationRightGranted(String agreementId, String ground, Instant objectionReceivedAt,
                                   Instant terminationRightFrom, Instant at) implements ChangeEvent {
    }

    /**
     * The ground of the art. 6.2 termination right went away: the objection was withdrawn, the change was
     * withdrawn, or an alternative that avoids the objected sub-processor was accepted. Recorded once per
     * objection, whether the right was already granted ({@code wasGranted}) or still pending; a termination
     * on ground {@code SUBPROCESSOR_OBJECTION} can no longer rest on it. agreement-service consumes it.
     */
    record TerminationRightLapsed(String agreementId, String ground, Instant objectionReceivedAt, LapseReason reason,
                                  boolean wasGranted, Instant at) implements ChangeEvent {
    }
}
