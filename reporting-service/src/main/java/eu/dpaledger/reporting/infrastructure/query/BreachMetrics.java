package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Breach figures of the caller's agreements over the last {@code months} calendar months (Europe/Brussels), counted by
 * the month the processor became aware: the 24-hour report (DPA art. 7.3) and the 72-hour authority notification
 * (GDPR art. 33(1)).
 */
public record BreachMetrics(
        @Schema(required = true) int months,
        @Schema(required = true, description = "Every month of the window, oldest first, zeros included") List<Month> byMonth,
        @Schema(required = true, description = "Most breaches first") List<ByProcessor> byProcessor,
        @Schema(required = true, description = "Over the whole window") Notifications notifications) {

    /** One calendar month. */
    public record Month(
            @Schema(required = true, description = "YYYY-MM, Europe/Brussels", example = "2026-11") String month,
            @Schema(required = true) long breaches,
            @Schema(required = true, description = "Reported to the controller within 24 hours of awareness (DPA art. 7.3)") long reportedWithin24h,
            @Schema(required = true) long reportedLate,
            @Schema(nullable = true, description = "Average hours from awareness to report; absent without breaches") Double averageHoursToReport,
            @Schema(nullable = true, description = "Longest hours from awareness to report") Double maxHoursToReport,
            @Schema(required = true) Notifications notifications) {
    }

    /** The 72-hour authority notifications (GDPR art. 33(1)). */
    public record Notifications(
            @Schema(required = true, description = "Notified within 72 hours of the controller's awareness") long withinDeadline,
            @Schema(required = true, description = "Notified after the deadline") long late,
            @Schema(required = true, description = "Owed and not yet notified, deadline still running") long open,
            @Schema(required = true, description = "Owed, not notified, deadline passed") long overdue,
            @Schema(required = true, description = "No notification owed (assessed as unlikely to result in a risk) or not yet assessed as owed") long notOwed) {
    }

    /** One processor's breaches in the window. */
    public record ByProcessor(@Schema(required = true) Party processor,
                              @Schema(required = true) long breaches,
                              @Schema(required = true) long reportedLate,
                              @Schema(required = true) long notifiedLate) {
    }
}
