package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.request.InformationRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** An information request (DPA art. 9.2) as both parties see it: the question, by when, and the answer once given. */
@Schema(name = "InformationRequestView")
record InformationRequestView(@Schema(required = true, format = "uuid") String id,
                              @Schema(required = true, format = "uuid") String agreementId,
                              @Schema(required = true, description = "The stream version, also the ETag") long version,
                              @Schema(required = true, enumeration = {"OPEN", "ANSWERED"}) String status,
                              @Schema(required = true) String question,
                              @Schema(nullable = true, description = "The day, in the agreement's time zone, the answer is due by")
                              LocalDate dueDate,
                              @Schema(required = true) boolean overdue,
                              @Schema(required = true, description = "The subject of the controller's user who asked") String askedBy,
                              @Schema(required = true) Instant askedAt,
                              @Schema(nullable = true, description = "Null while OPEN") InformationRequest.InformationProvided answer) {

    static InformationRequestView of(InformationRequest.Record r, long version, Instant now) {
        return new InformationRequestView(r.requestId(), r.agreementId(), version, r.status(), r.question(), r.dueDate(),
                r.overdue(now), r.askedBy(), r.askedAt(), r.answer());
    }
}
