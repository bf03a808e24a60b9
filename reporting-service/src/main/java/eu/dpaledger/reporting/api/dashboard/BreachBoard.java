package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationView;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Panel 1, the breach clock board: per breach, the processor's 24-hour report (DPA art. 7.3) and the controller's
 * 72-hour notification (GDPR art. 33(1)) in hours left or late, with their state; and how many of each clock are in
 * each state, each linked to its list. A report made late stays on the board as late (in the overdue style) while it
 * is among the recently met obligations.
 */
public record BreachBoard(List<Row> rows, List<StateCounts> counts) {

    static final Set<ObligationKind> KINDS = EnumSet.of(ObligationKind.BREACH_REPORT, ObligationKind.AUTHORITY_NOTIFICATION);

    /** The filter of the board's obligations (the default list: open ones and those met recently). */
    static ObligationFilter filter() {
        return ObligationFilter.none().withKinds(KINDS);
    }

    /** The states in the order of the counts' columns. */
    public List<ObligationState> states() {
        return List.of(ObligationState.values());
    }

    /** The board's rows as CSV (the list of both clocks). */
    public String csv() {
        return ListLinks.obligationsCsv(filter());
    }

    /** One breach: what it is, with whom, and its two clocks (either may be absent: no notification owed yet). */
    public record Row(String breach, String agreementId, String counterpart, Clock report, Clock notification) {
    }

    /**
     * One clock: its state and the whole hours left (open, not yet due), late (open and overdue) or by which it was
     * met late; {@code href} is the list of this clock's kind in this state.
     */
    public record Clock(ObligationState state, long hours, String href) {

        public boolean open() {
            return state.open();
        }

        public boolean overdue() {
            return state == ObligationState.OVERDUE;
        }

        public boolean late() {
            return state == ObligationState.DONE_LATE;
        }

        static Clock of(ObligationView obligation, Instant now) {
            long hours = switch (obligation.state()) {
                case ON_TIME, DUE_SOON -> Duration.between(now, obligation.dueAt()).toHours();
                case OVERDUE -> Duration.between(obligation.dueAt(), now).toHours();
                case DONE_LATE -> Duration.between(obligation.dueAt(), obligation.metAt()).toHours();
                case DONE -> 0;
            };
            return new Clock(obligation.state(), hours,
                    ListLinks.obligations(ObligationFilter.none().withKinds(Set.of(obligation.kind())).withStates(Set.of(obligation.state()))));
        }
    }

    /** How many clocks of one kind are in each state. */
    public record StateCounts(ObligationKind kind, List<StateCount> states) {
    }

    public record StateCount(ObligationState state, Count count) {
    }

    static BreachBoard of(List<ObligationView> obligations, String organisation, Instant now) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (ObligationView obligation : obligations) {
            String breach = obligation.id().substring(0, obligation.id().lastIndexOf(':'));
            Row row = rows.getOrDefault(breach, new Row(obligation.title(), obligation.agreementId(), counterpart(obligation, organisation), null, null));
            Clock clock = Clock.of(obligation, now);
            rows.put(breach, obligation.kind() == ObligationKind.BREACH_REPORT
                    ? new Row(row.breach(), row.agreementId(), row.counterpart(), clock, row.notification())
                    : new Row(row.breach(), row.agreementId(), row.counterpart(), row.report(), clock));
        }
        return new BreachBoard(List.copyOf(rows.values()), List.of());
    }

    /** The board with the counts by state of each clock (from the query bean's counts of the same filter). */
    BreachBoard withCounts(Map<ObligationKind, Map<ObligationState, Long>> byKind) {
        List<StateCounts> counts = KINDS.stream().map(kind -> new StateCounts(kind, EnumSet.allOf(ObligationState.class).stream()
                .map(state -> new StateCount(state, ListLinks.obligations(byKind.get(kind).getOrDefault(state, 0L),
                        ObligationFilter.none().withKinds(Set.of(kind)).withStates(Set.of(state)))))
                .toList())).toList();
        return new BreachBoard(rows, counts);
    }

    /** The other party's name (or number), seen from the caller's organisation. */
    static String counterpart(ObligationView obligation, String organisation) {
        var other = organisation.equals(obligation.controller().org()) ? obligation.processor() : obligation.controller();
        return other.name() == null ? other.org() : other.name();
    }
}
