package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.audit.AuditRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An audit as the parties (and its appointed auditor) see it: schedule, findings, completion, costs, plans, what is overdue. */
record AuditView(String id, String agreementId, long version, String status, Map<String, Object> schedule,
                 List<AuditRecord.Finding> findings, Map<String, Object> completion, Map<String, Object> cost,
                 List<AuditRecord.Plan> plans, Map<String, Object> overdue) {

    static AuditView of(AuditRecord a, long version, Instant now) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("noticeGivenAt", a.noticeGivenAt());
        schedule.put("start", a.start());
        schedule.put("end", a.end());
        schedule.put("timeZone", a.zone().getId());
        schedule.put("scope", a.scope());
        schedule.put("location", a.location());
        schedule.put("auditorOrg", a.auditorOrg());
        schedule.put("overrideJustification", a.overrideJustification());
        schedule.put("cancellationReason", a.cancellationReason());
        Map<String, Object> completion = null;
        if (a.completedAt() != null) {
            completion = new LinkedHashMap<>();
            completion.put("completedAt", a.completedAt());
            completion.put("nonCompliance", a.nonCompliance());
            completion.put("planDueOn", a.planDueOn());
            completion.put("planDueAt", a.planDueAt());
            // After a rejection: the period the controller stated for the new plan (DPA art. 9.2), else the month above.
            completion.put("currentPlanDueOn", a.currentPlanDueOn());
            completion.put("currentPlanDueAt", a.currentPlanDueAt());
        }
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("borneBy", a.costBorneBy() == null ? "CONTROLLER" : a.costBorneBy());
        cost.put("basis", a.costBasis() == null
                ? "Art. 9.3: the controller bears the cost unless the audit establishes non-compliance (not completed yet)"
                : a.costBasis());
        LocalDate today = now.atZone(a.zone()).toLocalDate();
        Map<String, Object> overdue = new LinkedHashMap<>();
        overdue.put("plan", a.planOverdue(now));
        overdue.put("measures", a.overdueMeasures(today).stream().map(AuditRecord.Measure::measureId).toList());
        return new AuditView(a.auditId(), a.agreementId(), version, a.status(), schedule, a.findings(), completion, cost, a.plans(),
                overdue);
    }
}
