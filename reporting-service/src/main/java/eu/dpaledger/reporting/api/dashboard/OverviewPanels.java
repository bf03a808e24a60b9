package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.reporting.api.QueryFilters;
import eu.dpaledger.reporting.infrastructure.query.AuditQueries;
import eu.dpaledger.reporting.infrastructure.query.ObligationCounts;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationQueries;
import eu.dpaledger.reporting.infrastructure.query.ObligationView;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioQueries;
import eu.dpaledger.reporting.infrastructure.query.SnapshotStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Assembles the overview's panels from the query beans, which apply the visibility rule to the caller in every query:
 * nothing here takes an organisation from the request. The queries run one after the other on one reactive session.
 */
@ApplicationScoped
public class OverviewPanels {

    @Inject
    ObligationQueries obligations;

    @Inject
    PortfolioQueries portfolio;

    @Inject
    AuditQueries audits;

    @Inject
    SnapshotStore snapshots;

    @Inject
    Clock clock;

    /** The calendar's month from its query parameter (YYYY-MM); the current one (Europe/Brussels) without it. */
    YearMonth month(String text) {
        if (text == null) {
            return YearMonth.from(clock.instant().atZone(CalendarMonth.ZONE));
        }
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw QueryFilters.invalid("month", "must be a month as YYYY-MM, e.g. 2026-12");
    }

    @WithSession
    public Uni<Overview> overview(Caller caller, YearMonth month) {
        Instant now = clock.instant();
        String org = caller.organisation();
        Parts parts = new Parts();
        return obligations.all(caller, BreachBoard.filter(), 200)
                .invoke(rows -> parts.breaches = BreachBoard.of(rows, org, now))
                .chain(() -> obligations.obligationCounts(caller, BreachBoard.filter()))
                .invoke(counts -> parts.breaches = parts.breaches.withCounts(counts.byKind()))
                .chain(() -> obligations.all(caller, ObjectionPanel.windowsFilter(), 200))
                .invoke(windows -> parts.windows = windows)
                .chain(() -> obligations.obligationCounts(caller, ObjectionPanel.raisedFilter()))
                .invoke(raised -> parts.objections = ObjectionPanel.of(parts.windows, raised.byState(), org, now))
                .chain(() -> calendar(caller, month))
                .invoke(calendar -> parts.calendar = calendar)
                .chain(() -> obligations.obligationCounts(caller, ObligationFilter.none()))
                .invoke(counts -> parts.counts = counts)
                .chain(() -> portfolio.portfolioCounts(caller, PortfolioFilter.none()))
                .invoke(counts -> parts.portfolio = PortfolioPanel.of(counts))
                .chain(() -> audits.auditOverview(caller))
                .invoke(overview -> parts.audits = AuditPanel.of(overview, parts.counts))
                .chain(() -> snapshots.trends(caller, TrendPanel.MONTHS))
                .map(trends -> new Overview(now, parts.breaches, parts.objections, parts.calendar,
                        OpenObligations.of(parts.counts), parts.portfolio, parts.audits, TrendPanel.of(trends)));
    }

    /** The panels as their queries answer, one after the other. */
    private static final class Parts {
        BreachBoard breaches;
        List<ObligationView> windows;
        ObjectionPanel objections;
        CalendarMonth calendar;
        ObligationCounts counts;
        PortfolioPanel portfolio;
        AuditPanel audits;
    }

    /** The calendar panel of one month (also the htmx fragment of the month navigation). */
    @WithSession
    public Uni<CalendarMonth> calendar(Caller caller, YearMonth month) {
        return obligations.all(caller, CalendarMonth.filter(month), CalendarMonth.MAX)
                .map(rows -> CalendarMonth.of(month, rows, caller.organisation(), clock.instant()));
    }
}
