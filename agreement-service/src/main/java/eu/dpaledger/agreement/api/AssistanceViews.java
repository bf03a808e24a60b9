package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.domain.datasubjectrequest.DataSubjectRequest;
import eu.dpaledger.agreement.domain.disclosure.DisclosureRequest;
import eu.dpaledger.agreement.domain.instruction.Instruction;
import eu.dpaledger.platform.command.Loaded;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** How an instruction, a disclosure request and a data subject request read to their parties (the answer of every command on them). */
public final class AssistanceViews {

    private AssistanceViews() {
    }

    /** A written instruction (art. 2.2, 2.3). */
    public record InstructionView(@Schema(required = true, format = "uuid") String id,
                           @Schema(required = true, format = "uuid") String agreementId,
                           @Schema(required = true, description = "The stream version, also the ETag") long version,
                           @Schema(required = true, enumeration = {"ISSUED", "ACKNOWLEDGED", "FLAGGED", "CONFIRMED", "WITHDRAWN"}) String status,
                           @Schema(required = true) String text,
                           @Schema(required = true) LocalDate effectiveFrom,
                           @Schema(description = "The processor's reasoning when it flagged the instruction") String flagReasoning,
                           @Schema(description = "The controller's reasoning when it confirmed a flagged instruction") String controllerDecision,
                           @Schema(required = true, description = "Whether processing may rest on this instruction (acknowledged, or confirmed over a flag)")
                           boolean lawfulBasis,
                           @Schema(required = true) String issuedBy,
                           @Schema(required = true) Instant issuedAt) {

        static InstructionView of(Loaded<Optional<Instruction.Record>> loaded) {
            Instruction.Record r = loaded.state().orElseThrow();
            return new InstructionView(r.instructionId(), r.agreementId(), loaded.version(), r.status().name(), r.text(), r.effectiveFrom(),
                    r.flagReasoning(), r.decision(), r.lawfulBasis(), r.issuedBy(), r.issuedAt());
        }
    }

    /** An authority's binding disclosure request (art. 2.2). */
    public record DisclosureRequestView(@Schema(required = true, format = "uuid") String id,
                                 @Schema(required = true, format = "uuid") String agreementId,
                                 @Schema(required = true, description = "The stream version, also the ETag") long version,
                                 @Schema(required = true, enumeration = {"GAGGED", "CONTROLLER_INFORMED", "DISCLOSED"}) String status,
                                 @Schema(required = true) String authority,
                                 @Schema(required = true) Instant receivedAt,
                                 @Schema(required = true) String legalBasis,
                                 @Schema(required = true) String scope,
                                 @Schema(required = true) Instant dueAt,
                                 @Schema(required = true, description = "ISO-8601 duration until dueAt, PT0S once passed", example = "P3DT4H")
                                 String timeLeftBeforeDisclosure,
                                 @Schema(description = "The law that forbids informing the controller, while it does") String gagLegalBasis,
                                 Instant controllerInformedAt,
                                 Instant disclosedAt,
                                 String disclosed) {

        static DisclosureRequestView of(Loaded<Optional<DisclosureRequest.Record>> loaded, Instant now) {
            DisclosureRequest.Record r = loaded.state().orElseThrow();
            Duration left = Duration.between(now, r.dueAt());
            return new DisclosureRequestView(r.requestId(), r.agreementId(), loaded.version(), r.status(), r.authority(),
                    r.receivedAt(), r.legalBasis(), r.scope(), r.dueAt(),
                    left.isNegative() ? "PT0S" : left.withNanos(0).toString(), r.gagLegalBasis(), r.controllerInformedAt(),
                    r.disclosedAt(), r.disclosed());
        }
    }

    /** A data subject request that reached the processor (art. 7.2). */
    public record DataSubjectRequestView(@Schema(required = true, format = "uuid") String id,
                                  @Schema(required = true, format = "uuid") String agreementId,
                                  @Schema(required = true, description = "The stream version, also the ETag") long version,
                                  @Schema(required = true, enumeration = {"REGISTERED", "AWAITING_APPROVAL", "APPROVED", "REJECTED", "ACTED_ON"})
                                  String status,
                                  @Schema(required = true) DataSubjectRequest.Type type,
                                  @Schema(required = true, description = "A pseudonymous reference, never the data subject's identity")
                                  String reference,
                                  @Schema(required = true) Instant receivedAt,
                                  @Schema(required = true) Instant forwardDueAt,
                                  Instant forwardedAt,
                                  @Schema(required = true) boolean forwardingOverdue,
                                  @Schema(description = "The controller's deadline to answer the data subject (GDPR 12(3))")
                                  LocalDate controllerAnswerDueOn,
                                  String extensionReasons,
                                  Boolean approved,
                                  String instructions,
                                  String actionDescription,
                                  Instant actedAt) {

        static DataSubjectRequestView of(Loaded<Optional<DataSubjectRequest.Record>> loaded, Instant now) {
            DataSubjectRequest.Record r = loaded.state().orElseThrow();
            return new DataSubjectRequestView(r.requestId(), r.agreementId(), loaded.version(), r.status(), r.type(),
                    r.reference(), r.receivedAt(), r.forwardDueAt(), r.forwardedAt(), r.forwardingOverdue(now), r.answerDueOn(),
                    r.extensionReasons(), r.approved(), r.instructions(), r.actionDescription(), r.actedAt());
        }
    }
}
