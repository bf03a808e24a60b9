package eu.dpaledger.breach.api;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.breach.domain.EnisaSeverity;

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
record BreachView(String id, String agreementId, long version, String status, String authority, Annex2 report,
                  Map<String, List<Map<String, Object>>> history, Map<String, Object> clocks, Object assessment,
                  EnisaSeverity.Assessment proposedSeverity, List<BreachRecord.Notification> notifications,
                  BreachRecord.DataSubjects dataSubjects, List<String> openObligations, String kind,
                  BreachRecord.AttemptAssessment attemptAssessment) {

    static BreachView of(BreachRecord b, long version, Instant now) {
        Map<String, List<Map<String, Object>>> history = new LinkedHashMap<>();
        for (BreachRecord.FieldChange change : b.history()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", change.value());
            entry.put("at", change.at());
            entry.put("by", change.by());
            entry.put("source", change.source());
            history.computeIfAbsent(change.field(), f -> new ArrayList<>()).add(entry);
        }
        Map<String, Object> clocks = new LinkedHashMap<>();
        clocks.put("timeZone", b.zone().getId());
        clocks.put("detectedAt", b.report().detectedAt());
        clocks.put("processorAwareAt", b.report().processorAwareAt());
        clocks.put("reportDueAt", b.reportDueAt());
        clocks.put("receivedAt", b.receivedAt());
        clocks.put("reportLate", b.late());
        clocks.put("reportLateBy", b.late() ? Duration.ofSeconds(b.lateBySeconds()).toString() : null);
        // DPA art. 7.3: a corrected awareness changes the lateness above; the one measured on receipt stays.
        clocks.put("reportLateOnReceipt", b.lateBySecondsOnReceipt() > 0);
        clocks.put("reportLateByOnReceipt", b.lateBySecondsOnReceipt() > 0
                ? Duration.ofSeconds(b.lateBySecondsOnReceipt()).toString() : null);
        boolean attempt = b.attemptOnly();
        clocks.put("controllerAwareAt", attempt ? null : b.controllerAwareAt());
        clocks.put("controllerAwarenessJustification", attempt ? null : b.controllerAwarenessJustification());
        clocks.put("notificationDueAt", attempt ? null : b.notificationDueAt());
        clocks.put("notificationOverdue", b.notificationOverdue(now));
        return new BreachView(b.breachId(), b.agreementId(), version, b.status(), b.authority(), b.report(), history, clocks,
                b.assessment(), EnisaSeverity.assess(b.report()), b.notifications(), b.dataSubjects(), b.openObligations(),
                b.kind().name(), b.attemptAssessment());
    }
}
