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

/** A breach as either party sees it: current values, each field's history, the clocks and what is still owed. */
record BreachView(String id, String agreementId, long version, String status, String authority, Annex2 report,
                  Map<String, List<Map<String, Object>>> history, Map<String, Object> clocks, Object assessment,
                  EnisaSeverity.Assessment proposedSeverity, List<BreachRecord.Notification> notifications,
                  BreachRecord.DataSubjects dataSubjects, List<String> openObligations) {

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
        clocks.put("controllerAwareAt", b.controllerAwareAt());
        clocks.put("controllerAwarenessJustification", b.controllerAwarenessJustification());
        clocks.put("notificationDueAt", b.notificationDueAt());
        clocks.put("notificationOverdue", b.notificationOverdue(now));
        return new BreachView(b.breachId(), b.agreementId(), version, b.status(), b.authority(), b.report(), history, clocks,
                b.assessment(), EnisaSeverity.assess(b.report()), b.notifications(), b.dataSubjects(), b.openObligations());
    }
}
