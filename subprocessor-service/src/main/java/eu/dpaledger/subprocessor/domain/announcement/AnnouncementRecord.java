package eu.dpaledger.subprocessor.domain.announcement;

import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Everything an announcement's events say: what was announced, to how many agreements, and how far its fan-out got.
 *
 * @param completedAt when every agreement had its notice or its refusal (null while the fan-out runs)
 */
public record AnnouncementRecord(String announcementId, String processorOrg, Selection selection, int agreementCount,
                                 String agreementsSha256, ChangeKind kind, SubprocessorDetails subprocessor, String replaces,
                                 LocalDate intendedFrom, String reason, String announcedBy, Instant announcedAt, int created,
                                 int refused, int remaining, Instant completedAt) {

    AnnouncementRecord progressed(int newCreated, int newRefused, int newRemaining, Instant completed) {
        return new AnnouncementRecord(announcementId, processorOrg, selection, agreementCount, agreementsSha256, kind, subprocessor,
                replaces, intendedFrom, reason, announcedBy, announcedAt, newCreated, newRefused, newRemaining, completed);
    }
}
