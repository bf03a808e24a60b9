package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Everything known about one change notice: the agreement's parties, what it changes, its clocks, the
 * objection and how it ended.
 *
 * @param objectionWindowEndsAt exclusive end of the controller's window (null for a removal)
 * @param closure               why it is no longer open (withdrawal reason, superseding change), if so
 * @param announcementId        the processor-wide announcement this notice was issued for, if any
 */
public record ChangeRecord(
        String changeId,
        String agreementId,
        Parties parties,
        ZoneId zone,
        ChangeKind kind,
        SubprocessorDetails subprocessor,
        String replaces,
        LocalDate intendedFrom,
        String reason,
        String supersedes,
        String announcedBy,
        Instant announcedAt,
        Instant objectionWindowEndsAt,
        boolean windowWarned,
        ChangeStatus status,
        Objection objection,
        AcceptanceBasis acceptanceBasis,
        Instant acceptedAt,
        Instant effectiveAt,
        Closure closure,
        String announcementId) {

    /** How a change stopped without taking effect. */
    public record Closure(String reason, String by, String alternativeChangeId, Instant at) {
    }

    ChangeRecord withObjection(ChangeStatus newStatus, Objection newObjection) {
        return new ChangeRecord(changeId, agreementId, parties, zone, kind, subprocessor, replaces,
                intendedFrom, reason, supersedes, announcedBy, announcedAt, objectionWindowEndsAt, windowWarned, newStatus,
                newObjection, acceptanceBasis, acceptedAt, effectiveAt, closure, announcementId);
    }

    ChangeRecord accepted(AcceptanceBasis basis, Instant at) {
        return new ChangeRecord(changeId, agreementId, parties, zone, kind, subprocessor, replaces,
                intendedFrom, reason, supersedes, announcedBy, announcedAt, objectionWindowEndsAt, windowWarned,
                ChangeStatus.ACCEPTED, objection, basis, at, effectiveAt, closure, announcementId);
    }

    ChangeRecord inEffect(Instant at) {
        return new ChangeRecord(changeId, agreementId, parties, zone, kind, subprocessor, replaces,
                intendedFrom, reason, supersedes, announcedBy, announcedAt, objectionWindowEndsAt, windowWarned,
                ChangeStatus.IN_EFFECT, objection, acceptanceBasis, acceptedAt, at, closure, announcementId);
    }

    ChangeRecord closed(ChangeStatus newStatus, Closure newClosure) {
        return new ChangeRecord(changeId, agreementId, parties, zone, kind, subprocessor, replaces,
                intendedFrom, reason, supersedes, announcedBy, announcedAt, objectionWindowEndsAt, windowWarned, newStatus,
                objection, acceptanceBasis, acceptedAt, effectiveAt, newClosure, announcementId);
    }

    ChangeRecord windowWarnedNow() {
        return new ChangeRecord(changeId, agreementId, parties, zone, kind, subprocessor, replaces,
                intendedFrom, reason, supersedes, announcedBy, announcedAt, objectionWindowEndsAt, true, status,
                objection, acceptanceBasis, acceptedAt, effectiveAt, closure, announcementId);
    }
}
