package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The obligations a caller may see (common visibility rule: as controller the rows of its organisation that the
 * controller may know of, as processor its own, as auditor the audit rows of the firm), filtered, in the list's order
 * (open before met, then due instant, then id), a page at a time; and their counts. Each state is computed by
 * {@link ObligationState#of} with the organisation's {@link DueSoon}; the state filter in SQL is the same rule.
 */
@ApplicationScoped
public class ObligationQueries {

    /** The kinds an appointed audit firm follows (DPA art. 9). */
    static final Set<ObligationKind> AUDITOR_KINDS =
            EnumSet.of(ObligationKind.AUDIT, ObligationKind.CORRECTIVE_ACTION_PLAN, ObligationKind.CORRECTIVE_MEASURE);

    static final Set<ObligationKind> HOUR_KINDS = EnumSet.copyOf(Arrays.stream(ObligationKind.values())
            .filter(kind -> kind.clock() == ObligationKind.Clock.HOURS).toList());

    private static final String ORDER = " order by case when o.metAt is null then 0 else 1 end, o.dueAt, o.obligationId";

    @Inject
    Clock clock;

    @Inject
    SettingsStore settings;

    @Inject
    ServiceLinks links;

    @ConfigProperty(name = "dpa.reporting.recently-closed-days", defaultValue = "30")
    int recentlyClosedDays;

    /** One page of the caller's obligations. */
    @WithSession
    public Uni<ListPage<ObligationView>> obligations(Caller caller, ObligationFilter filter, PageRequest page) {
        Instant now = clock.instant();
        return settings.of(caller.organisation()).flatMap(dueSoon -> {
            Where where = where(caller, filter, now, dueSoon);
            Long afterMet = page.number(0);
            if (afterMet != null) {
                String tail = "o.dueAt > :afterDue or (o.dueAt = :afterDue and o.obligationId > :afterId)";
                where.and(afterMet == 0 ? "o.metAt is not null or " + tail : "o.metAt is not null and (" + tail + ")",
                        "afterDue", page.instant(1), "afterId", page.text(2));
            }
            return ObligationRow.<ObligationRow>find("from ObligationRow o where " + where.hql() + ORDER, where.parameters())
                    .range(0, page.fetch() - 1).list()
                    .map(rows -> page.page(rows.stream().map(row -> view(row, now, dueSoon)).toList(),
                            view -> List.of(view.metAt() == null ? 0 : 1, view.dueAt(), view.id()), filter.applied()));
        });
    }

    /** The whole filtered list, in order (the CSV export and the calendar feed read it page by page through this). */
    public Uni<List<ObligationView>> all(Caller caller, ObligationFilter filter, int max) {
        return collect(caller, filter, PageRequest.of(null, String.valueOf(PageRequest.MAX_LIMIT)), new ArrayList<>(), max);
    }

    private Uni<List<ObligationView>> collect(Caller caller, ObligationFilter filter, PageRequest page, List<ObligationView> into, int max) {
        return obligations(caller, filter, page).flatMap(result -> {
            into.addAll(result.items());
            if (result.nextCursor() == null || into.size() >= max) {
                return Uni.createFrom().item(into.size() > max ? into.subList(0, max) : into);
            }
            return collect(caller, filter, PageRequest.of(result.nextCursor(), String.valueOf(PageRequest.MAX_LIMIT)), into, max);
        });
    }

    /** How many of the filtered list are in each state, by kind and by acting party (zeros included). */
    @WithSession
    public Uni<ObligationCounts> obligationCounts(Caller caller, ObligationFilter filter) {
        Instant now = clock.instant();
        return settings.of(caller.organisation()).flatMap(dueSoon -> {
            Where where = where(caller, filter, now, dueSoon);
            StringBuilder select = new StringBuilder("select o.kind, o.actingParty");
            for (ObligationState state : ObligationState.values()) {
                select.append(", sum(case when ").append(statePredicate(state)).append(" then 1 else 0 end)");
            }
            bindStateParameters(where, EnumSet.allOf(ObligationState.class), now, dueSoon);
            String hql = select + " from ObligationRow o where " + where.hql() + " group by o.kind, o.actingParty";
            return counts(hql, where);
        });
    }

    private Uni<ObligationCounts> counts(String hql, Where where) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(hql, Object[].class);
            where.parameters().forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
            Map<ObligationState, Long> byState = zeros();
            Map<ObligationKind, Map<ObligationState, Long>> byKind = new EnumMap<>(ObligationKind.class);
            Map<ObligationKind.ActingParty, Map<ObligationState, Long>> byParty = new EnumMap<>(ObligationKind.ActingParty.class);
            for (ObligationKind kind : ObligationKind.values()) {
                byKind.put(kind, zeros());
            }
            for (ObligationKind.ActingParty party : ObligationKind.ActingParty.values()) {
                byParty.put(party, zeros());
            }
            long total = 0;
            for (Object[] row : rows) {
                ObligationKind kind = (ObligationKind) row[0];
                ObligationKind.ActingParty party = (ObligationKind.ActingParty) row[1];
                for (ObligationState state : ObligationState.values()) {
                    long n = row[2 + state.ordinal()] == null ? 0 : ((Number) row[2 + state.ordinal()]).longValue();
                    byState.merge(state, n, Long::sum);
                    byKind.get(kind).merge(state, n, Long::sum);
                    byParty.get(party).merge(state, n, Long::sum);
                    total += n;
                }
            }
            return new ObligationCounts(total, byState, byKind, byParty);
        });
    }

    private static Map<ObligationState, Long> zeros() {
        Map<ObligationState, Long> out = new EnumMap<>(ObligationState.class);
        for (ObligationState state : ObligationState.values()) {
            out.put(state, 0L);
        }
        return out;
    }

    /** The visibility rule and the filters, as one condition. */
    private Where where(Caller caller, ObligationFilter filter, Instant now, DueSoon dueSoon) {
        Where where = new Where();
        where.and(visibility(caller, filter.counterpart()), "org", caller.organisation());
        if (filter.counterpart() != null) {
            where.bind("counterpart", filter.counterpart());
        }
        if (caller.hasRole(Caller.AUDITOR)) {
            where.bind("auditorKinds", AUDITOR_KINDS);
        }
        where.and("o.cancelledAt is null");
        where.and("o.metAt is null or o.metAt >= :recentSince", "recentSince", now.minus(Duration.ofDays(recentlyClosedDays)));
        if (!filter.states().isEmpty()) {
            where.and(String.join(" or ", filter.states().stream().sorted().map(ObligationQueries::statePredicate).toList()));
            bindStateParameters(where, filter.states(), now, dueSoon);
        }
        if (!filter.kinds().isEmpty()) {
            where.and("o.kind in :kinds", "kinds", filter.kinds());
        }
        if (filter.agreementId() != null) {
            where.and("o.agreementId = :agreement", "agreement", filter.agreementId());
        }
        if (filter.dueBefore() != null) {
            where.and("o.dueAt < :dueBefore", "dueBefore", filter.dueBefore());
        }
        if (filter.dueAfter() != null) {
            where.and("o.dueAt >= :dueAfter", "dueAfter", filter.dueAfter());
        }
        if (filter.actingParty() != null) {
            where.and("o.actingParty = :actingParty", "actingParty", filter.actingParty());
        }
        return where;
    }

    /**
     * The common visibility rule: controller rows the controller may know of, the processor's own rows, the audit rows of
     * the appointed firm; with a counterpart, the other party of each row as seen from the role it is visible through.
     */
    private static String visibility(Caller caller, String counterpart) {
        List<String> parts = new ArrayList<>();
        if (caller.hasRole(Caller.CONTROLLER)) {
            parts.add("o.controllerOrg = :org and o.controllerVisible = true" + (counterpart == null ? "" : " and o.processorOrg = :counterpart"));
        }
        if (caller.hasRole(Caller.PROCESSOR)) {
            parts.add("o.processorOrg = :org" + (counterpart == null ? "" : " and o.controllerOrg = :counterpart"));
        }
        if (caller.hasRole(Caller.AUDITOR)) {
            parts.add("o.auditorOrg = :org and o.kind in :auditorKinds"
                    + (counterpart == null ? "" : " and (o.controllerOrg = :counterpart or o.processorOrg = :counterpart)"));
        }
        if (parts.isEmpty() || caller.organisation() == null) {
            return "o.controllerOrg = :org and 1 = 0" + (counterpart == null ? "" : " and o.processorOrg = :counterpart");
        }
        return "(" + String.join(") or (", parts) + ")";
    }

    /** {@link ObligationState#of} as an HQL condition (parameters: now, soonHours, soonDays, hourKinds). */
    static String statePredicate(ObligationState state) {
        return switch (state) {
            case OVERDUE -> "(o.metAt is null and o.dueAt <= :now)";
            case DUE_SOON -> "(o.metAt is null and o.dueAt > :now and ((o.kind in :hourKinds and o.dueAt <= :soonHours) "
                    + "or (o.kind not in :hourKinds and o.dueAt <= :soonDays)))";
            case ON_TIME -> "(o.metAt is null and o.dueAt > :now and ((o.kind in :hourKinds and o.dueAt > :soonHours) "
                    + "or (o.kind not in :hourKinds and o.dueAt > :soonDays)))";
            case DONE -> "(o.metAt is not null and o.metAt <= o.dueAt)";
            case DONE_LATE -> "(o.metAt is not null and o.metAt > o.dueAt)";
        };
    }

    /** Binds what the predicates of {@code states} use (HQL refuses a parameter the query does not have). */
    private static void bindStateParameters(Where where, Set<ObligationState> states, Instant now, DueSoon dueSoon) {
        if (states.stream().anyMatch(ObligationState::open)) {
            where.bind("now", now);
        }
        if (states.contains(ObligationState.DUE_SOON) || states.contains(ObligationState.ON_TIME)) {
            where.bind("soonHours", dueSoon.hoursHorizon(now)).bind("soonDays", dueSoon.daysHorizon(now)).bind("hourKinds", HOUR_KINDS);
        }
    }

    private ObligationView view(ObligationRow row, Instant now, DueSoon dueSoon) {
        ZoneId zone = ZoneId.of(row.timeZone);
        return new ObligationView(row.obligationId, row.kind, row.agreementId, new Party(row.controllerOrg, row.controllerName),
                new Party(row.processorOrg, row.processorName), row.actingParty, row.dueAt,
                row.dueAt.atZone(zone).toLocalDateTime(), row.timeZone, row.article, row.title,
                ObligationState.of(row.dueAt, row.metAt, now, dueSoon.of(row.kind)), row.metAt, links.url(row.service, row.resourcePath));
    }
}
