package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.assistance.AssistanceRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A request for assistance (DPA art. 7.4, 7.1) as both parties see it: what is asked, by when, every question and answer. */
@Schema(name = "AssistanceRequestView")
record AssistanceRequestView(@Schema(required = true, format = "uuid") String id,
                             @Schema(required = true, format = "uuid") String agreementId,
                             @Schema(required = true, description = "The stream version, also the ETag") long version,
                             @Schema(required = true, enumeration = {"DPIA", "PRIOR_CONSULTATION", "SECURITY_OF_PROCESSING", "OTHER"},
                                     description = "DPIA: GDPR art. 35; PRIOR_CONSULTATION: art. 36; SECURITY_OF_PROCESSING: "
                                             + "art. 32 (all DPA art. 7.4); OTHER: DPA art. 7.1") String kind,
                             @Schema(required = true, description = "The processing the request concerns") String processing,
                             @Schema(required = true, enumeration = {"OPEN", "ANSWERED", "CLOSED"},
                                     description = "OPEN: awaiting the processor; ANSWERED: awaiting the controller") String status,
                             @Schema(required = true, description = "The day, in the agreement's time zone, the current question is due by")
                             LocalDate dueDate,
                             @Schema(required = true) boolean overdue,
                             @Schema(nullable = true, enumeration = {"PROCESSOR_RESPONSIBILITY", "CHARGEABLE"},
                                     description = "The latest answer's cost basis (DPA art. 7.1)") String costBasis,
                             @Schema(nullable = true, description = "Why the assistance is chargeable") String costReason,
                             @Schema(required = true, description = "Questions, answers and follow-up questions, oldest first")
                             List<AssistanceRequest.Turn> turns,
                             @Schema(required = true, description = "The subject of the controller's user who asked") String requestedBy,
                             @Schema(required = true) Instant requestedAt,
                             @Schema(nullable = true) Instant closedAt) {

    static AssistanceRequestView of(AssistanceRequest.Record r, long version, Instant now) {
        return new AssistanceRequestView(r.requestId(), r.agreementId(), version, r.kind().name(), r.processing(), r.status().name(),
                r.dueDate(), r.overdue(now), r.costBasis(), r.costReason(), r.turns(), r.requestedBy(), r.requestedAt(), r.closedAt());
    }
}
