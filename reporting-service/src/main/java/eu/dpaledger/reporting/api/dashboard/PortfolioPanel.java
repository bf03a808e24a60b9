package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.infrastructure.query.PortfolioCounts;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;

import java.util.List;
import java.util.Set;

/** Panel 5: the caller's agreements by status, counterpart and processing country, each number linked to its list. */
public record PortfolioPanel(Count total, List<StatusRow> byStatus, List<NamedRow> byCounterpart, List<NamedRow> byCountry,
                             String csv) {

    public record StatusRow(AgreementStatus status, Count count) {
    }

    /** A counterpart (its name, else its number) or a country code, and its agreements. */
    public record NamedRow(String name, Count count) {
    }

    static PortfolioPanel of(PortfolioCounts counts) {
        List<StatusRow> byStatus = counts.byStatus().entrySet().stream()
                .map(e -> new StatusRow(AgreementStatus.valueOf(e.getKey()),
                        ListLinks.portfolio(e.getValue(), new PortfolioFilter(Set.of(e.getKey()), null, null))))
                .toList();
        List<NamedRow> byCounterpart = counts.byCounterpart().stream()
                .map(c -> new NamedRow(c.counterpart().name() == null ? c.counterpart().org() : c.counterpart().name(),
                        ListLinks.portfolio(c.agreements(), new PortfolioFilter(Set.of(), c.counterpart().org(), null))))
                .toList();
        List<NamedRow> byCountry = counts.byCountry().stream()
                .map(c -> new NamedRow(c.country(), ListLinks.portfolio(c.agreements(), new PortfolioFilter(Set.of(), null, c.country()))))
                .toList();
        return new PortfolioPanel(ListLinks.portfolio(counts.total(), PortfolioFilter.none()), byStatus, byCounterpart, byCountry,
                ListLinks.portfolioCsv(PortfolioFilter.none()));
    }
}
