package eu.dpaledger.subprocessor.api;

import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementRecord;
import eu.dpaledger.subprocessor.domain.announcement.Selection;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;
import eu.dpaledger.subprocessor.infrastructure.AnnouncementReadModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** A processor-wide announcement as its processor sees it: what it announces, to how many agreements, and where their notices stand. */
@Schema(name = "AnnouncementView", description = "A processor-wide sub-processor announcement and where its notices stand")
record AnnouncementView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true, description = "The stream version (the fan-out records its progress as events)") long version,
        @Schema(required = true, pattern = "^[0-9]{10}$") String processorOrg,
        @Schema(required = true) Selection selection,
        @Schema(required = true) ChangeKind kind,
        @Schema(required = true) SubprocessorDetails subprocessor,
        @Schema(nullable = true, description = "For REPLACE: the engaged sub-processor it replaces") String replaces,
        @Schema(required = true) LocalDate intendedFrom,
        @Schema(required = true) String reason,
        @Schema(required = true) String announcedBy,
        @Schema(required = true) Instant announcedAt,
        @Schema(required = true, pattern = "^[0-9a-f]{64}$", description = "SHA-256 of the agreements' ids, sorted and joined by line feeds")
        String agreementsSha256,
        @Schema(nullable = true, description = "When every agreement had its notice or its refusal") Instant completedAt,
        @Schema(required = true) AnnouncementReadModel.Counts counts) {

    static AnnouncementView of(AnnouncementRecord a, long version, AnnouncementReadModel.Counts counts) {
        return new AnnouncementView(a.announcementId(), version, a.processorOrg(), a.selection(), a.kind(), a.subprocessor(), a.replaces(),
                a.intendedFrom(), a.reason(), a.announcedBy(), a.announcedAt(), a.agreementsSha256(), a.completedAt(), counts);
    }

    /** The counts as the announcement's own events have them (its answer at creation, before the fan-out began). */
    static AnnouncementReadModel.Counts recorded(AnnouncementRecord a) {
        return new AnnouncementReadModel.Counts(a.agreementCount(), a.created(), a.refused(), a.remaining(), a.created(), 0, 0, 0);
    }
}
