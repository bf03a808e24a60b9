package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The daily snapshots of the caller's organisation over the last {@code months} months, oldest first. */
public record Trends(@Schema(required = true) int months,
                     @Schema(required = true, description = "One per day a snapshot was taken, oldest first") List<Day> days) {

    /** One day's figures: the sum of what the caller's roles show. */
    public record Day(@Schema(required = true) LocalDate day, @Schema(required = true) SnapshotFigures figures) {
    }
}
