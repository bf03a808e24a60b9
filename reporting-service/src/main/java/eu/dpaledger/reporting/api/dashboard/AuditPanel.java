package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.AuditOverview;
import eu.dpaledger.reporting.infrastructure.query.ObligationCounts;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Panel 6: open audit findings by severity (from the audit overview) and the corrective action plans and measures due
 * and overdue (DPA art. 9.2), counted from the obligations so that each number is the list it links to.
 */
public record AuditPanel(List<SeverityRow> findings, Count plansDue, Count plansOverdue, Count measuresDue,
                         Count measuresOverdue) {

    public record SeverityRow(FindingSeverity severity, long open) {
    }

    static AuditPanel of(AuditOverview overview, ObligationCounts counts) {
        List<SeverityRow> findings = overview.openFindingsBySeverity().entrySet().stream()
                .map(e -> new SeverityRow(FindingSeverity.valueOf(e.getKey()), e.getValue())).toList();
        return new AuditPanel(findings,
                due(counts, ObligationKind.CORRECTIVE_ACTION_PLAN), overdue(counts, ObligationKind.CORRECTIVE_ACTION_PLAN),
                due(counts, ObligationKind.CORRECTIVE_MEASURE), overdue(counts, ObligationKind.CORRECTIVE_MEASURE));
    }

    private static Count due(ObligationCounts counts, ObligationKind kind) {
        Map<ObligationState, Long> byState = counts.byKind().get(kind);
        Set<ObligationState> running = EnumSet.of(ObligationState.ON_TIME, ObligationState.DUE_SOON);
        return ListLinks.obligations(running.stream().mapToLong(state -> byState.getOrDefault(state, 0L)).sum(),
                ObligationFilter.none().withKinds(Set.of(kind)).withStates(running));
    }

    private static Count overdue(ObligationCounts counts, ObligationKind kind) {
        return ListLinks.obligations(counts.byKind().get(kind).getOrDefault(ObligationState.OVERDUE, 0L),
                ObligationFilter.none().withKinds(Set.of(kind)).withStates(Set.of(ObligationState.OVERDUE)));
    }
}
