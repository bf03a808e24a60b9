package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The filtered portfolio counted by status, counterpart and processing country (each a filtered {@code GET /portfolio}). */
public record PortfolioCounts(
        @Schema(required = true) long total,
        @Schema(required = true, description = "Every status, zeros included") Map<String, Long> byStatus,
        @Schema(required = true, description = "Most agreements first") List<CounterpartCount> byCounterpart,
        @Schema(required = true, description = "An agreement counts once for each of its processing countries; most first") List<CountryCount> byCountry) {

    public record CounterpartCount(@Schema(required = true) Party counterpart, @Schema(required = true) long agreements) {
    }

    public record CountryCount(@Schema(required = true) String country, @Schema(required = true) long agreements) {
    }
}
