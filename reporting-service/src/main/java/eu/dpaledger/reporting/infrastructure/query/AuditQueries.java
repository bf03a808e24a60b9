package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit overview of the audits the caller may see: as controller, as processor, or as the appointed audit firm. */
@ApplicationScoped
public class AuditQueries {

    public static final List<String> STATUSES = List.of("SCHEDULED", "CANCELLED", "COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED",
            "PLAN_APPROVED", "CLOSED");
    public static final List<String> SEVERITIES = List.of("MINOR", "MAJOR", "CRITICAL");

    @Inject
    Clock clock;

    @WithSession
    public Uni<AuditOverview> auditOverview(Caller caller) {
        Instant now = clock.instant();
        // Measures are dated in Belgian days, as audit-service marks them overdue.
        LocalDate today = now.atZone(BreachQueries.ZONE).toLocalDate();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> bySeverity.put(s, 0L));
        String visibility = visibility(caller);
        if (visibility == null) {
            return Uni.createFrom().item(new AuditOverview(byStatus, bySeverity, 0, 0, 0, 0, List.of()));
        }
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<AuditFactRow> audits = session.createSelectionQuery(
                    "from AuditFactRow a where " + visibility + " order by a.auditId", AuditFactRow.class);
            audits.setParameter("org", caller.organisation());
            return audits.getResultList().flatMap(rows -> {
                Mutiny.SelectionQuery<Object[]> findings = session.createSelectionQuery(
                        "select f.auditId, f.severity from AuditFindingRow f, AuditFactRow a where a.auditId = f.auditId "
                                + "and f.closedAt is null and a.status <> 'CANCELLED' and (" + visibility + ")", Object[].class);
                findings.setParameter("org", caller.organisation());
                return findings.getResultList().map(open -> overview(rows, open, now, today, byStatus, bySeverity));
            });
        });
    }

    private static AuditOverview overview(List<AuditFactRow> rows, List<Object[]> openFindings, Instant now, LocalDate today,
                                          Map<String, Long> byStatus, Map<String, Long> bySeverity) {
        Map<String, Long> findingsByAudit = new HashMap<>();
        for (Object[] finding : openFindings) {
            bySeverity.merge((String) finding[1], 1L, Long::sum);
            findingsByAudit.merge((String) finding[0], 1L, Long::sum);
        }
        long plansDue = 0, plansOverdue = 0, measuresDue = 0, measuresOverdue = 0;
        Map<String, long[]> byProcessor = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (AuditFactRow a : rows) {
            byStatus.merge(a.status, 1L, Long::sum);
            boolean planLate = a.planOwed && a.planDueAt != null && !now.isBefore(a.planDueAt);
            boolean planRunning = a.planOwed && a.planDueAt != null && now.isBefore(a.planDueAt);
            boolean measureLate = a.nextMeasureDue != null && a.nextMeasureDue.isBefore(today);
            boolean measureRunning = a.nextMeasureDue != null && !a.nextMeasureDue.isBefore(today);
            plansDue += planRunning ? 1 : 0;
            plansOverdue += planLate ? 1 : 0;
            measuresDue += measureRunning ? 1 : 0;
            measuresOverdue += measureLate ? 1 : 0;
            long[] figures = byProcessor.computeIfAbsent(a.processorOrg, org -> new long[4]);
            figures[0]++;
            figures[1] += findingsByAudit.getOrDefault(a.auditId, 0L);
            figures[2] += planLate ? 1 : 0;
            figures[3] += measureLate ? 1 : 0;
            if (a.processorName != null) {
                names.put(a.processorOrg, a.processorName);
            }
        }
        List<AuditOverview.ByProcessor> processors = new ArrayList<>();
        byProcessor.forEach((org, f) -> processors.add(new AuditOverview.ByProcessor(new Party(org, names.get(org)), f[0], f[1], f[2], f[3])));
        processors.sort(Comparator.comparingLong(AuditOverview.ByProcessor::audits).reversed().thenComparing(p -> p.processor().org()));
        return new AuditOverview(byStatus, bySeverity, plansDue, plansOverdue, measuresDue, measuresOverdue, processors);
    }

    /** Controller, processor or appointed firm; null when the caller has none of these roles. */
    private static String visibility(Caller caller) {
        List<String> parts = new ArrayList<>();
        if (caller.hasRole(Caller.CONTROLLER)) {
            parts.add("a.controllerOrg = :org");
        }
        if (caller.hasRole(Caller.PROCESSOR)) {
            parts.add("a.processorOrg = :org");
        }
        if (caller.hasRole(Caller.AUDITOR)) {
            parts.add("a.auditorOrg = :org");
        }
        return parts.isEmpty() || caller.organisation() == null ? null : "(" + String.join(") or (", parts) + ")";
    }
}
