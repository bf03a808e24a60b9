package eu.dpaledger.reporting.application;

import eu.dpaledger.platform.projection.ProjectionRebuilder;
import eu.dpaledger.platform.projection.ProjectionRunner;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.AuditQueries;
import eu.dpaledger.reporting.infrastructure.query.BreachMetrics;
import eu.dpaledger.reporting.infrastructure.query.BreachQueries;
import eu.dpaledger.reporting.infrastructure.query.ObligationCounts;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationQueries;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioQueries;
import eu.dpaledger.reporting.infrastructure.query.SnapshotFigures;
import eu.dpaledger.reporting.infrastructure.query.SnapshotStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes today's snapshot (Europe/Brussels) of every organisation found in the read models, every
 * {@code dpa.reporting.snapshot.every}: per role of the organisation, the open and overdue obligations by kind, the
 * breaches and open authority notifications, the open audit findings and the agreements by status, each computed by
 * the same query beans the API answers with (so a trend point is what the list showed that day). A second run the
 * same day replaces the day's snapshot; snapshots older than twelve months are deleted. A scheduled run is skipped
 * while a read model is rebuilt or the projections catch up with a backlog (its figures would be wrong for the day).
 */
@ApplicationScoped
public class SnapshotJob {

    private static final Logger LOG = Logger.getLogger(SnapshotJob.class);
    private static final List<String> ROLES = List.of(Caller.CONTROLLER, Caller.PROCESSOR, Caller.AUDITOR);

    @Inject
    SnapshotStore store;

    @Inject
    ObligationQueries obligations;

    @Inject
    BreachQueries breaches;

    @Inject
    AuditQueries audits;

    @Inject
    PortfolioQueries portfolio;

    @Inject
    Clock clock;

    @Inject
    ProjectionRebuilder rebuilder;

    @Inject
    ProjectionRunner runner;

    @Scheduled(every = "${dpa.reporting.snapshot.every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (rebuilder.rebuilding() || runner.catchingUp()) {
            // A read model being rebuilt is partly empty, one catching up is behind: figures taken now would be
            // recorded as the day's. The next run (or a later one the same day) takes them.
            LOG.info("snapshot run skipped: the read models are being rebuilt or are catching up with the topics");
            return Uni.createFrom().voidItem();
        }
        return run().onFailure().invoke(f -> LOG.warnf("snapshot run failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Takes today's snapshot of every organisation and drops those older than twelve months; the number of organisations. */
    public Uni<Integer> run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(BreachQueries.ZONE).toLocalDate();
        return store.organisations().flatMap(orgs -> Multi.createFrom().iterable(orgs)
                .onItem().transformToUniAndConcatenate(org -> figures(org, now).flatMap(byRole -> store.put(org, today, byRole, now)))
                .collect().last()
                .flatMap(ignored -> store.deleteBefore(today.minusMonths(12)))
                .map(deleted -> orgs.size()));
    }

    private Uni<Map<String, SnapshotFigures>> figures(String organisation, Instant now) {
        Map<String, SnapshotFigures> byRole = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String role : ROLES) {
            Caller caller = new Caller("reporting-service/snapshot", organisation, Set.of(role));
            chain = chain.flatMap(ignored -> figures(caller, now)).invoke(f -> byRole.put(role, f)).replaceWithVoid();
        }
        return chain.map(ignored -> byRole);
    }

    private Uni<SnapshotFigures> figures(Caller caller, Instant now) {
        return obligations.obligationCounts(caller, ObligationFilter.none()).flatMap(counts ->
                breaches.all(caller).flatMap(breachRows -> audits.auditOverview(caller).flatMap(overview ->
                        portfolio.portfolioCounts(caller, PortfolioFilter.none()).map(agreements -> {
                            BreachMetrics.Notifications notifications = BreachQueries.notifications(breachRows, now);
                            long openFindings = overview.openFindingsBySeverity().values().stream().mapToLong(Long::longValue).sum();
                            return new SnapshotFigures(open(counts.byState()), counts.byState().get(ObligationState.OVERDUE),
                                    byKind(counts, true), byKind(counts, false), breachRows.size(), notifications.open(),
                                    notifications.overdue(), openFindings, agreements.byStatus());
                        }))));
    }

    private static long open(Map<ObligationState, Long> byState) {
        return byState.get(ObligationState.ON_TIME) + byState.get(ObligationState.DUE_SOON) + byState.get(ObligationState.OVERDUE);
    }

    private static Map<ObligationKind, Long> byKind(ObligationCounts counts, boolean allOpen) {
        Map<ObligationKind, Long> out = new EnumMap<>(ObligationKind.class);
        counts.byKind().forEach((kind, states) -> {
            long n = allOpen ? open(states) : states.get(ObligationState.OVERDUE);
            if (n > 0) {
                out.put(kind, n);
            }
        });
        return out;
    }
}
