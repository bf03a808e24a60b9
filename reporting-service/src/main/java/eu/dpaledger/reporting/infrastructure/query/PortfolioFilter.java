package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.query.PageRequest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of {@code GET /portfolio}; every one optional.
 *
 * @param statuses    only agreements in one of these statuses (DRAFT, SIGNING, ACTIVE, TERMINATED, CLOSED)
 * @param counterpart the other party's enterprise number (10 digits)
 * @param country     only agreements whose processing countries include this ISO 3166-1 alpha-2 code
 */
public record PortfolioFilter(Set<String> statuses, String counterpart, String country) {

    public static final Set<String> STATUSES = Set.of("DRAFT", "SIGNING", "ACTIVE", "TERMINATED", "CLOSED");

    public PortfolioFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static PortfolioFilter none() {
        return new PortfolioFilter(Set.of(), null, null);
    }

    /** The filters as the list's query parameters name them. */
    public Map<String, String> applied() {
        return PageRequest.filters("status", statuses.isEmpty() ? null : String.join(",", new TreeSet<>(statuses)),
                "counterpart", counterpart, "country", country);
    }
}
