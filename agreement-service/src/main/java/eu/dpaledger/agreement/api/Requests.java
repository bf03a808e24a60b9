package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.domain.agreement.TerminationGround;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Request bodies of the agreement API (the draft itself is an {@code AgreementContent}). */
public final class Requests {

    private Requests() {
    }

    @Schema(description = "A signature; the party is derived from the caller's role and organisation",
            example = "{\"signerName\":\"An Voorbeeld\",\"signerTitle\":\"algemeen directeur\",\"place\":\"Opwijk\"}")
    public record SignatureRequest(String signerName, String signerTitle, String place) {
    }

    @Schema(description = "A written addendum (art. 12.3): each non-null section of `changes` replaces that section",
            example = "{\"title\":\"Addendum 1\",\"reason\":\"New application\",\"changes\":{\"purposes\":[\"Website hosting\",\"Web analytics\"]}}")
    public record AddendumRequest(String title, String reason, AgreementContentChanges changes) {
    }

    @Schema(description = "Withdrawal of a pending addendum", example = "{\"reason\":\"Superseded\"}")
    public record AddendumWithdrawalRequest(String reason) {
    }

    @Schema(description = "Termination (art. 11.1, 6.2)",
            example = "{\"ground\":\"ASSIGNMENT_ENDED\",\"effectiveAt\":\"2026-12-31T23:00:00Z\"}")
    public record TerminationRequest(TerminationGround ground, Instant effectiveAt, String noticeOfDefaultReference) {
    }

    @Schema(description = "Hand-over of all personal data in a structured, machine-readable format (art. 11.2)",
            example = "{\"format\":\"application/json\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"deliveredAt\":\"2027-01-05T10:00:00Z\"}")
    public record DataReturnRequest(String format, String sha256, Instant deliveredAt) {
    }

    @Schema(description = "Written confirmation of destruction (art. 11.3, 11.4)",
            example = "{\"confirmedAt\":\"2027-01-20T10:00:00Z\",\"statement\":\"All copies and backups destroyed\",\"legalRetentionExceptions\":[]}")
    public record DestructionConfirmationRequest(Instant confirmedAt, String statement, List<String> legalRetentionExceptions) {
    }
}
