package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party of an agreement: its enterprise number and name (as the agreement names it). */
public record Party(@Schema(required = true, description = "10-digit enterprise number", pattern = "^\\d{10}$") String org,
                    @Schema(nullable = true) String name) {
}
