package eu.dpaledger.subprocessor.api;

import eu.dpaledger.subprocessor.domain.change.ChangeKind;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of subprocessor-service. */
final class Requests {

    private Requests() {
    }

    @Schema(description = "A change notice (art. 6.1). For REMOVE only subprocessor.name is needed; for REPLACE name the engaged sub-processor in `replaces`.",
            example = "{\"kind\":\"ADD\",\"subprocessor\":{\"name\":\"Cloudflare, Inc.\",\"headOffice\":\"San Francisco\",\"country\":\"US\",\"transferMechanism\":\"ADEQUACY_DECISION\"},\"intendedFrom\":\"2027-01-15\",\"reason\":\"Content delivery network for the municipal website\"}")
    record ChangeNotice(ChangeKind kind, SubprocessorDetails subprocessor, String replaces, LocalDate intendedFrom,
                        String reason) {
    }

    @Schema(description = "A processor-wide announcement (DPA art. 6.1 for each agreement): the change, and the agreements it goes to. "
            + "Without agreementIds it goes to every ACTIVE agreement of the caller's organisation as processor; agreements activated later are not touched.",
            example = "{\"kind\":\"ADD\",\"subprocessor\":{\"name\":\"Cloudflare, Inc.\",\"headOffice\":\"San Francisco\",\"country\":\"US\",\"transferMechanism\":\"ADEQUACY_DECISION\"},\"intendedFrom\":\"2027-02-15\",\"reason\":\"Content delivery network for every customer's website\"}")
    record Announcement(ChangeKind kind, SubprocessorDetails subprocessor, String replaces, LocalDate intendedFrom, String reason,
                        @Schema(nullable = true, maxItems = 10000, description = "Only these agreements (each yours and ACTIVE); absent: all ACTIVE ones")
                        List<String> agreementIds) {
    }

    @Schema(example = "{\"grounds\":\"Transfer to the United States is not acceptable for population register data\"}")
    record ObjectionRequest(String grounds) {
    }

    @Schema(example = "{\"reason\":\"The processor committed to EU-only processing in the addendum\"}")
    record ReasonRequest(String reason) {
    }

    @Schema(example = "{\"note\":\"Please show the processing agreement with Level 27 before the annual review\"}")
    record ProofRequest(String note) {
    }

    @Schema(example = "{\"reference\":\"ESN-L27-DPA-2026\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}")
    record ProofAttachment(String reference, String sha256) {
    }
}
