package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The caller's agreements (as controller or as processor; an audit firm has no portfolio), newest first, with their
 * sub-processor count and the open and overdue obligations the caller may see; and the portfolio's counts.
 */
@ApplicationScoped
public class PortfolioQueries {

    private static final String COUNTS = ", (select count(e) from ExposureRow e where e.agreementId = p.agreementId and e.removedAt is null)"
            + ", (select count(o) from ObligationRow o where o.agreementId = p.agreementId and o.cancelledAt is null and o.metAt is null and (%1$s))"
            + ", (select count(o) from ObligationRow o where o.agreementId = p.agreementId and o.cancelledAt is null and o.metAt is null and o.dueAt <= :now and (%1$s))";

    @Inject
    Clock clock;

    /** One page of the portfolio, newest agreement first (ties by id). */
    @WithSession
    public Uni<ListPage<PortfolioView>> portfolio(Caller caller, PortfolioFilter filter, PageRequest page) {
        if (!sees(caller)) {
            return Uni.createFrom().item(page.page(List.of(), v -> List.of(), filter.applied()));
        }
        Where where = where(caller, filter);
        Instant afterCreated = page.instant(0);
        if (afterCreated != null) {
            where.and("p.createdAt < :afterCreated or (p.createdAt = :afterCreated and p.agreementId < :afterId)",
                    "afterCreated", afterCreated, "afterId", page.text(1));
        }
        where.bind("now", clock.instant());
        String hql = "select p" + COUNTS.formatted(obligationVisibility(caller)) + " from PortfolioRow p where " + where.hql()
                + " order by p.createdAt desc, p.agreementId desc";
        return select(hql, where, page.fetch()).map(rows -> page.page(rows.stream().map(row -> view(caller, row)).toList(),
                view -> List.of(view.createdAt(), view.agreementId()), filter.applied()));
    }

    /** The filtered portfolio by status, counterpart and processing country. */
    @WithSession
    public Uni<PortfolioCounts> portfolioCounts(Caller caller, PortfolioFilter filter) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of("DRAFT", "SIGNING", "ACTIVE", "TERMINATED", "CLOSED")) {
            byStatus.put(status, 0L);
        }
        if (!sees(caller)) {
            return Uni.createFrom().item(new PortfolioCounts(0, byStatus, List.of(), List.of()));
        }
        Where where = where(caller, filter);
        String hql = "select p.status, p.controllerOrg, p.controllerName, p.processorOrg, p.processorName, p.processingCountries "
                + "from PortfolioRow p where " + where.hql();
        return select(hql, where, Integer.MAX_VALUE).map(rows -> {
            Map<String, Long> byCountry = new TreeMap<>();
            Map<String, Long> byCounterpart = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (Object[] row : rows) {
                byStatus.merge((String) row[0], 1L, Long::sum);
                boolean asController = caller.hasRole(Caller.CONTROLLER) && caller.organisation().equals(row[1]);
                String org = (String) (asController ? row[3] : row[1]);
                byCounterpart.merge(org, 1L, Long::sum);
                String name = (String) (asController ? row[4] : row[2]);
                if (name != null) {
                    names.put(org, name);
                }
                for (String country : row[5] == null ? new String[0] : (String[]) row[5]) {
                    byCountry.merge(country, 1L, Long::sum);
                }
            }
            List<PortfolioCounts.CounterpartCount> counterparts = new ArrayList<>();
            byCounterpart.forEach((org, n) -> counterparts.add(new PortfolioCounts.CounterpartCount(new Party(org, names.get(org)), n)));
            counterparts.sort(Comparator.comparingLong(PortfolioCounts.CounterpartCount::agreements).reversed()
                    .thenComparing(c -> c.counterpart().org()));
            List<PortfolioCounts.CountryCount> countries = new ArrayList<>();
            byCountry.forEach((country, n) -> countries.add(new PortfolioCounts.CountryCount(country, n)));
            countries.sort(Comparator.comparingLong(PortfolioCounts.CountryCount::agreements).reversed()
                    .thenComparing(PortfolioCounts.CountryCount::country));
            return new PortfolioCounts(rows.size(), byStatus, counterparts, countries);
        });
    }

    static boolean sees(Caller caller) {
        return caller.organisation() != null && (caller.hasRole(Caller.CONTROLLER) || caller.hasRole(Caller.PROCESSOR));
    }

    private static Where where(Caller caller, PortfolioFilter filter) {
        Where where = new Where();
        where.and(visibility(caller, filter.counterpart(), "p"), "org", caller.organisation());
        if (filter.counterpart() != null) {
            where.bind("counterpart", filter.counterpart());
        }
        if (!filter.statuses().isEmpty()) {
            where.and("p.status in :statuses", "statuses", filter.statuses());
        }
        if (filter.country() != null) {
            where.and("array_position(p.processingCountries, :country) > 0", "country", filter.country());
        }
        return where;
    }

    /** The agreements of the caller's organisation as controller and/or processor (with the counterpart, if any). */
    static String visibility(Caller caller, String counterpart, String alias) {
        List<String> parts = new ArrayList<>();
        if (caller.hasRole(Caller.CONTROLLER)) {
            parts.add(alias + ".controllerOrg = :org" + (counterpart == null ? "" : " and " + alias + ".processorOrg = :counterpart"));
        }
        if (caller.hasRole(Caller.PROCESSOR)) {
            parts.add(alias + ".processorOrg = :org" + (counterpart == null ? "" : " and " + alias + ".controllerOrg = :counterpart"));
        }
        return "(" + String.join(") or (", parts) + ")";
    }

    /** The obligations of the agreement the caller sees as its controller (if the controller may know) or processor. */
    private static String obligationVisibility(Caller caller) {
        List<String> parts = new ArrayList<>();
        if (caller.hasRole(Caller.CONTROLLER)) {
            parts.add("o.controllerOrg = :org and o.controllerVisible = true");
        }
        if (caller.hasRole(Caller.PROCESSOR)) {
            parts.add("o.processorOrg = :org");
        }
        return "(" + String.join(") or (", parts) + ")";
    }

    private static Uni<List<Object[]>> select(String hql, Where where, int max) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(hql, Object[].class);
            where.parameters().forEach(query::setParameter);
            if (max != Integer.MAX_VALUE) {
                query.setMaxResults(max);
            }
            return query.getResultList();
        });
    }

    private static PortfolioView view(Caller caller, Object[] row) {
        PortfolioRow p = (PortfolioRow) row[0];
        Party controller = new Party(p.controllerOrg, p.controllerName);
        Party processor = new Party(p.processorOrg, p.processorName);
        boolean asController = caller.hasRole(Caller.CONTROLLER) && caller.organisation().equals(p.controllerOrg);
        return new PortfolioView(p.agreementId, controller, processor, asController ? processor : controller, p.status, p.assignment,
                p.createdAt, p.signedAt, p.terminatedAt, p.closedAt, p.pendingAddendum,
                p.processingCountries == null ? List.of() : List.of(p.processingCountries),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }
}
