package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationCounts;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Panel 4: open obligations by kind (with the article each comes from) and by the party whose move it is, overdue
 * first, then due soon and on time; every number is the length of the list it links to.
 */
public record OpenObligations(List<KindRow> byKind, List<PartyRow> byParty, Row total, String csv) {

    static final List<ObligationState> OPEN = List.of(ObligationState.OVERDUE, ObligationState.DUE_SOON, ObligationState.ON_TIME);

    /** The columns: overdue, due soon, on time. */
    public List<ObligationState> states() {
        return OPEN;
    }

    /** Overdue, due soon and on time. */
    public record Row(Count overdue, Count dueSoon, Count onTime) {

        static Row of(Map<ObligationState, Long> counts, ObligationFilter filter) {
            return new Row(count(counts, filter, ObligationState.OVERDUE), count(counts, filter, ObligationState.DUE_SOON),
                    count(counts, filter, ObligationState.ON_TIME));
        }

        private static Count count(Map<ObligationState, Long> counts, ObligationFilter filter, ObligationState state) {
            return ListLinks.obligations(counts.getOrDefault(state, 0L), filter.withStates(Set.of(state)));
        }

        public long open() {
            return overdue.value() + dueSoon.value() + onTime.value();
        }
    }

    public record KindRow(ObligationKind kind, String article, Row counts) {
    }

    public record PartyRow(ObligationKind.ActingParty party, Row counts) {
    }

    /** From the counts of the default list; a kind without anything open is left out. */
    static OpenObligations of(ObligationCounts counts) {
        List<KindRow> byKind = Arrays.stream(ObligationKind.values())
                .map(kind -> new KindRow(kind, kind.article(), Row.of(counts.byKind().get(kind), ObligationFilter.none().withKinds(Set.of(kind)))))
                .filter(row -> row.counts().open() > 0)
                .toList();
        List<PartyRow> byParty = Arrays.stream(ObligationKind.ActingParty.values())
                .map(party -> new PartyRow(party, Row.of(counts.byActingParty().get(party), ObligationFilter.none().withActingParty(party))))
                .toList();
        ObligationFilter open = ObligationFilter.none().withStates(Set.copyOf(OPEN));
        return new OpenObligations(byKind, byParty, Row.of(counts.byState(), ObligationFilter.none()), ListLinks.obligationsCsv(open));
    }
}
