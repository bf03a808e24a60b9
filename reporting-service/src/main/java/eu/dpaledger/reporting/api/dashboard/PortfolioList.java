package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioView;

import java.util.List;
import java.util.Set;

/** A page of {@code /dashboard/portfolio}, like {@link ObligationList}; each agreement's obligations link to their list. */
public record PortfolioList(List<Row> rows, PortfolioFilter filter, String next, String first, String csv) {

    public record Row(PortfolioView agreement, AgreementStatus status, Count open, Count overdue) {
    }

    public List<AgreementStatus> statuses() {
        return filter.statuses().stream().map(AgreementStatus::valueOf).sorted().toList();
    }

    public boolean filtered() {
        return !filter.applied().isEmpty();
    }

    static PortfolioList of(ListPage<PortfolioView> page, PortfolioFilter filter, boolean notFirst) {
        List<Row> rows = page.items().stream().map(p -> {
            ObligationFilter ofAgreement = new ObligationFilter(null, null, p.agreementId(), null, null, null, null);
            return new Row(p, AgreementStatus.valueOf(p.status()),
                    ListLinks.obligations(p.openObligations(), ofAgreement.withStates(Set.copyOf(OpenObligations.OPEN))),
                    ListLinks.obligations(p.overdueObligations(), ofAgreement.withStates(Set.of(ObligationState.OVERDUE))));
        }).toList();
        return new PortfolioList(rows, filter, ObligationList.next(ListLinks.PORTFOLIO, filter.applied(), page.nextCursor()),
                notFirst ? ListLinks.portfolio(filter) : null, ListLinks.portfolioCsv(filter));
    }
}
