package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every sub-processor in effect (not removed) across the agreements the caller is a party of (controller or processor;
 * closed agreements left out), grouped by name (as subprocessor-service compares names: trimmed, spaces collapsed, lower
 * case) and country, in that order, a page of groups at a time.
 */
@ApplicationScoped
public class ExposureQueries {

    /** One page of sub-processors. */
    @WithSession
    public Uni<ListPage<ExposureView>> exposure(Caller caller, ExposureFilter filter, PageRequest page) {
        if (!PortfolioQueries.sees(caller)) {
            return Uni.createFrom().item(page.page(List.of(), v -> List.of(), filter.applied()));
        }
        Where groups = where(caller, filter);
        if (!page.isFirst()) {
            groups.and("e.nameKey > :afterName or (e.nameKey = :afterName and coalesce(e.country, '') > :afterCountry)",
                    "afterName", page.text(0), "afterCountry", Objects.requireNonNullElse(page.text(1), ""));
        }
        String hql = "select e.nameKey, coalesce(e.country, '') from ExposureRow e, PortfolioRow p where " + groups.hql()
                + " group by e.nameKey, coalesce(e.country, '') order by e.nameKey, coalesce(e.country, '')";
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(hql, Object[].class);
            groups.parameters().forEach(query::setParameter);
            return query.setMaxResults(page.fetch()).getResultList().flatMap(keys -> {
                if (keys.isEmpty()) {
                    return Uni.createFrom().item(List.<ExposureView>of());
                }
                Where uses = where(caller, filter).and("e.nameKey in :names", "names", keys.stream().map(k -> (String) k[0]).distinct().toList());
                Mutiny.SelectionQuery<Object[]> detail = session.createSelectionQuery("select e, p from ExposureRow e, PortfolioRow p where "
                        + uses.hql() + " order by e.nameKey, p.agreementId", Object[].class);
                uses.parameters().forEach(detail::setParameter);
                return detail.getResultList().map(rows -> views(keys, rows));
            });
        }).map(views -> page.page(views, view -> List.of(view.nameKey(), Objects.requireNonNullElse(view.country(), "")), filter.applied()));
    }

    private static Where where(Caller caller, ExposureFilter filter) {
        Where where = new Where().and("p.agreementId = e.agreementId and e.removedAt is null and p.status <> 'CLOSED'")
                .and(PortfolioQueries.visibility(caller, null, "p"), "org", caller.organisation());
        if (filter.country() != null) {
            where.and("e.country = :country", "country", filter.country());
        }
        if (filter.thirdCountry() != null) {
            where.and("e.thirdCountry = :thirdCountry", "thirdCountry", filter.thirdCountry());
        }
        if (filter.mechanism() != null) {
            where.and("e.transferMechanism = :mechanism", "mechanism", filter.mechanism());
        }
        return where;
    }

    private static List<ExposureView> views(List<Object[]> keys, List<Object[]> rows) {
        Map<List<String>, List<Object[]>> byKey = new LinkedHashMap<>();
        for (Object[] key : keys) {
            byKey.put(List.of((String) key[0], (String) key[1]), new ArrayList<>());
        }
        for (Object[] row : rows) {
            ExposureRow e = (ExposureRow) row[0];
            List<Object[]> group = byKey.get(List.of(e.nameKey, Objects.requireNonNullElse(e.country, "")));
            if (group != null) {
                group.add(row);
            }
        }
        List<ExposureView> out = new ArrayList<>();
        byKey.forEach((key, group) -> {
            TreeSet<String> offices = new TreeSet<>();
            TreeSet<String> names = new TreeSet<>();
            TreeSet<String> mechanisms = new TreeSet<>();
            boolean third = false;
            List<ExposureView.Use> uses = new ArrayList<>();
            for (Object[] row : group) {
                ExposureRow e = (ExposureRow) row[0];
                PortfolioRow p = (PortfolioRow) row[1];
                names.add(e.name);
                if (e.headOffice != null) {
                    offices.add(e.headOffice);
                }
                if (e.transferMechanism != null) {
                    mechanisms.add(e.transferMechanism);
                }
                third |= e.thirdCountry;
                uses.add(new ExposureView.Use(p.agreementId, new Party(p.controllerOrg, p.controllerName),
                        new Party(p.processorOrg, p.processorName), e.basis, e.changeId, e.since, e.transferMechanism));
            }
            out.add(new ExposureView(names.isEmpty() ? key.get(0) : names.first(), key.get(0), key.get(1).isEmpty() ? null : key.get(1),
                    List.copyOf(offices), third,
                    List.copyOf(mechanisms), uses.size(), uses));
        });
        return out;
    }
}
