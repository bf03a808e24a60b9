package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One sub-processor in effect (by name and country) across the caller's agreements, and the agreements using it. */
public record ExposureView(
        @Schema(required = true, description = "The name as the agreements spell it (the first, alphabetically, when they differ)") String name,
        @Schema(required = true, description = "The name as compared: trimmed, spaces collapsed, lower case") String nameKey,
        @Schema(nullable = true, description = "Where it processes (ISO 3166-1 alpha-2)") String country,
        @Schema(required = true, description = "Head offices named for it (ISO 3166-1 alpha-2)") List<String> headOffices,
        @Schema(required = true, description = "Outside the EEA for at least one agreement (GDPR chapter V)") boolean thirdCountry,
        @Schema(required = true, description = "The transfer mechanisms named for it (GDPR art. 45, 46, 47)") List<String> transferMechanisms,
        @Schema(required = true) int agreementCount,
        @Schema(required = true) List<Use> agreements) {

    /** One agreement using the sub-processor. */
    public record Use(@Schema(required = true, format = "uuid") String agreementId,
                      @Schema(required = true) Party controller,
                      @Schema(required = true) Party processor,
                      @Schema(required = true, description = "BASELINE (annex 1) or how the change was accepted") String basis,
                      @Schema(nullable = true) String changeId,
                      @Schema(nullable = true) Instant since,
                      @Schema(nullable = true) String transferMechanism) {
    }
}
