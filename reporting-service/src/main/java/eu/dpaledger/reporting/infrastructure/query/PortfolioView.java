package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One agreement of the caller's portfolio, with what weighs on it. */
public record PortfolioView(
        @Schema(required = true, format = "uuid") String agreementId,
        @Schema(required = true) Party controller,
        @Schema(required = true) Party processor,
        @Schema(required = true, description = "The other party, seen from the caller's organisation") Party counterpart,
        @Schema(required = true, enumeration = {"DRAFT", "SIGNING", "ACTIVE", "TERMINATED", "CLOSED"}) String status,
        @Schema(nullable = true) String assignment,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "In force since (both signatures)") Instant signedAt,
        @Schema(nullable = true, description = "When the termination takes effect") Instant terminatedAt,
        @Schema(nullable = true) Instant closedAt,
        @Schema(nullable = true, description = "The title of an addendum awaiting signatures") String pendingAddendum,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 codes") List<String> processingCountries,
        @Schema(required = true, description = "Sub-processors in effect (DPA art. 6)") long subprocessorCount,
        @Schema(required = true, description = "Open obligations the caller may see") long openObligations,
        @Schema(required = true, description = "Of those, overdue") long overdueObligations) {
}
