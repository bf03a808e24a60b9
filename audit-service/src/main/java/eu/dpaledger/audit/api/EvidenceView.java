package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.evidence.EvidenceItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** An item of the processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1) as both parties see it. */
@Schema(name = "EvidenceItemView")
record EvidenceView(@Schema(required = true, format = "uuid") String id,
                    @Schema(required = true, format = "uuid") String agreementId,
                    @Schema(required = true, description = "The stream version, also the ETag") long version,
                    @Schema(required = true, enumeration = {"SECURITY_POLICY", "DPO", "STAFF_CONFIDENTIALITY", "CERTIFICATION", "MINIMUM_MEASURE"})
                    String kind,
                    @Schema(required = true, description = "The article the item proves") String article,
                    @Schema(required = true) EvidenceItem.Content content,
                    @Schema(required = true, description = "1 when recorded, one more per revision") int revision,
                    @Schema(required = true, enumeration = {"RECORDED", "ACKNOWLEDGED", "DISPUTED"},
                            description = "The controller's review of the current revision") String review,
                    @Schema(nullable = true) String disputeReason,
                    @Schema(nullable = true, description = "The last day it proves anything: its review or validity date") LocalDate expiresAfter,
                    @Schema(required = true, description = "Past that day, in the agreement's zone") boolean expired,
                    @Schema(required = true) String recordedBy,
                    @Schema(required = true) Instant recordedAt,
                    @Schema(required = true) Instant updatedAt) {

    static EvidenceView of(EvidenceItem.Record r, long version, Instant now) {
        return new EvidenceView(r.itemId(), r.agreementId(), version, r.kind().name(), r.kind().article(), r.content(), r.revision(),
                r.review().name(), r.disputeReason(), r.content().expiresAfter(), r.expired(now), r.recordedBy(), r.recordedAt(),
                r.updatedAt());
    }
}
