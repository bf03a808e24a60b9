package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.PortfolioFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dashboard's URLs of a filtered list: the query parameters are the ones the query bean reports as applied
 * ({@link ObligationFilter#applied()}, {@link PortfolioFilter#applied()}), which are the API's own
 * ({@code GET /obligations}, {@code GET /portfolio}), so a number's link shows exactly the rows it counted.
 */
final class ListLinks {

    static final String OBLIGATIONS = "/dashboard/obligations";
    static final String PORTFOLIO = "/dashboard/portfolio";

    private ListLinks() {
    }

    static String obligations(ObligationFilter filter) {
        return OBLIGATIONS + query(filter.applied());
    }

    static String obligationsCsv(ObligationFilter filter) {
        return OBLIGATIONS + ".csv" + query(filter.applied());
    }

    static String portfolio(PortfolioFilter filter) {
        return PORTFOLIO + query(filter.applied());
    }

    static String portfolioCsv(PortfolioFilter filter) {
        return PORTFOLIO + ".csv" + query(filter.applied());
    }

    static Count obligations(long value, ObligationFilter filter) {
        return new Count(value, obligations(filter));
    }

    static Count portfolio(long value, PortfolioFilter filter) {
        return new Count(value, portfolio(filter));
    }

    /** {@code ?name=value&…} (empty without parameters), values percent-encoded. */
    static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
    }
}
