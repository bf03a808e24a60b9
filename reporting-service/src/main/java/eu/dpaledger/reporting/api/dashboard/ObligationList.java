package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of {@code /dashboard/obligations}: the obligations, the filters that made the list (as the API reports them)
 * and the links to the next page, the first page and the CSV of the whole filtered list.
 */
public record ObligationList(List<Row> rows, ObligationFilter filter, String next, String first, String csv) {

    /** One obligation, with the other party seen from the caller's organisation. */
    public record Row(ObligationView obligation, String counterpart) {
    }

    public List<ObligationState> states() {
        return filter.states().stream().sorted().toList();
    }

    public List<ObligationKind> kinds() {
        return filter.kinds().stream().sorted().toList();
    }

    public boolean filtered() {
        return !filter.applied().isEmpty();
    }

    public Instant dueBefore() {
        return filter.dueBefore();
    }

    public Instant dueAfter() {
        return filter.dueAfter();
    }

    static ObligationList of(ListPage<ObligationView> page, ObligationFilter filter, String organisation, boolean notFirst) {
        List<Row> rows = page.items().stream().map(o -> new Row(o, BreachBoard.counterpart(o, organisation))).toList();
        return new ObligationList(rows, filter, next(ListLinks.OBLIGATIONS, filter.applied(), page.nextCursor()),
                notFirst ? ListLinks.obligations(filter) : null, ListLinks.obligationsCsv(filter));
    }

    /** The next page's link: the same filters and the page's cursor; {@code null} on the last page. */
    static String next(String path, Map<String, String> applied, String cursor) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>(applied);
        parameters.put("cursor", cursor);
        return path + ListLinks.query(parameters);
    }
}
