package eu.dpaledger.breach.api;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.breach.domain.EnisaSeverity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A breach as either party sees it: current values, each field's history, the clocks and what is still owed.
 * {@code kind} is BREACH or SERIOUS_ATTEMPT (DPA art. 7.3); an attempt the controller has not assessed as a breach
 * has no controller awareness and no 72-hour deadline, and {@code attemptAssessment} is the controller's view of it.
 */
@Schema(name = "BreachView")
record BreachView(@Schema(required = true, format = "uuid") String id,
                  @Schema(required = true, format = "uuid") String agreementId,
                  @Schema(required = true, description = "The stream version, also the ETag") long version,
                  @Schema(required = true, enumeration = {"REPORTED", "DOCUMENTED", "AWAITING_NOTIFICATION", "NOTIFIED_IN_PHASES",
                          "NOTIFIED", "ATTEMPT_REPORTED", "ATTEMPT_DOCUMENTED"}) String status,
                  @Schema(required = true, description = "The supervisory authority of the agreement", example = "VTC") String authority,
                  @Schema(required = true, description = "Annex 2 with its current values") Annex2 report,
                  @Schema(required = true, description = "Each field's values in order, by field name") Map<String, List<FieldChange>> history,
                  @Schema(required = true) Clocks clocks,
                  @Schema(nullable = true, description = "The controller's risk assessment; null until made") BreachRecord.Assessment assessment,
                  @Schema(required = true, description = "The ENISA severity the report's values suggest, with its reasoning")
                  EnisaSeverity.Assessment proposedSeverity,
                  @Schema(required = true) List<BreachRecord.Notification> notifications,
                  @Schema(nullable = true) BreachRecord.DataSubjects dataSubjects,
                  @Schema(required = true) List<String> openObligations,
                  @Schema(required = true, enumeration = {"BREACH", "SERIOUS_ATTEMPT"}) String kind,
                  @Schema(nullable = true) BreachRecord.AttemptAssessment attemptAssessment) {

    /** One value a field took: when, by whom, from the REPORT or a SUPPLEMENT. */
    record FieldChange(@Schema(required = true, description = "The field's value (text, time, number or object as in annex 2)")
                       Object value,
                       @Schema(required = true) Instant at,
                       @Schema(required = true) String by,
                       @Schema(required = true, enumeration = {"REPORT", "SUPPLEMENT"}) String source) {
    }

    /**
     * The breach's clocks: the processor's 24 hours (DPA art. 7.3) and the controller's 72 hours (GDPR 33(1)); durations
     * are ISO 8601 (PT3H5M). An attempt only has no controller awareness and no 72-hour deadline.
     */
    record Clocks(@Schema(required = true, example = "Europe/Brussels") String timeZone,
                  @Schema(nullable = true) Instant detectedAt,
                  @Schema(required = true) Instant processorAwareAt,
                  @Schema(required = true) Instant reportDueAt,
                  @Schema(required = true) Instant receivedAt,
                  @Schema(required = true) boolean reportLate,
                  @Schema(nullable = true, example = "PT3H5M") String reportLateBy,
                  @Schema(required = true) boolean reportLateOnReceipt,
                  @Schema(nullable = true, example = "PT11H") String reportLateByOnReceipt,
                  @Schema(nullable = true) Instant controllerAwareAt,
                  @Schema(nullable = true) String controllerAwarenessJustification,
                  @Schema(nullable = true) Instant notificationDueAt,
                  @Schema(required = true) boolean notificationOverdue) {
    }

    static BreachView of(BreachRecord b, long version, Instant now) {
        Map<String, List<FieldChange>> history = new LinkedHashMap<>();
        for (BreachRecord.FieldChange change : b.history()) {
            history.computeIfAbsent(change.field(), f -> new ArrayList<>())
                    .add(new FieldChange(change.value(), change.at(), change.by(), change.source()));
        }
        boolean attempt = b.attemptOnly();
        // DPA art. 7.3: a corrected awareness changes the lateness; the one measured on receipt stays.
        Clocks clocks = new Clocks(b.zone().getId(), b.report().detectedAt(), b.report().processorAwareAt(), b.reportDueAt(),
                b.receivedAt(), b.late(), b.late() ? Duration.ofSeconds(b.lateBySeconds()).toString() : null,
                b.lateBySecondsOnReceipt() > 0,
                b.lateBySecondsOnReceipt() > 0 ? Duration.ofSeconds(b.lateBySecondsOnReceipt()).toString() : null,
                attempt ? null : b.controllerAwareAt(), attempt ? null : b.controllerAwarenessJustification(),
                attempt ? null : b.notificationDueAt(), b.notificationOverdue(now));
        return new BreachView(b.breachId(), b.agreementId(), version, b.status(), b.authority(), b.report(), history, clocks,
                b.assessment(), EnisaSeverity.assess(b.report()), b.notifications(), b.dataSubjects(), b.openObligations(),
                b.kind().name(), b.attemptAssessment());
    }
}
