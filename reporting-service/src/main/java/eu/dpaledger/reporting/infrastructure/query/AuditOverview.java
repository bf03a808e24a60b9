package eu.dpaledger.reporting.infrastructure.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The audits the caller may see (controller, processor or appointed audit firm): by status, open findings by
 * severity, corrective action plans and measures due and overdue (DPA art. 9.2), and the same by processor.
 */
public record AuditOverview(
        @Schema(required = true, description = "Every status, zeros included") Map<String, Long> byStatus,
        @Schema(required = true, description = "Findings of audits not yet closed, by severity (MINOR, MAJOR, CRITICAL)") Map<String, Long> openFindingsBySeverity,
        @Schema(required = true, description = "Plans owed, deadline still running (DPA art. 9.2)") long plansDue,
        @Schema(required = true, description = "Plans owed past their deadline") long plansOverdue,
        @Schema(required = true, description = "Audits whose next approved measure is due today or later") long measuresDue,
        @Schema(required = true, description = "Audits whose next approved measure is past its date") long measuresOverdue,
        @Schema(required = true, description = "Most audits first") List<ByProcessor> byProcessor) {

    /** One processor's audits. */
    public record ByProcessor(@Schema(required = true) Party processor,
                              @Schema(required = true) long audits,
                              @Schema(required = true) long openFindings,
                              @Schema(required = true) long plansOverdue,
                              @Schema(required = true) long measuresOverdue) {
    }
}
