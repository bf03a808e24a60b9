package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET /obligations}; every one optional. An empty {@code states} means the default list: open
 * obligations plus those met in the recent window. Met obligations older than the window are never listed.
 *
 * @param states      only these states (computed as {@link ObligationState#of} computes them)
 * @param kinds       only these kinds
 * @param agreementId only this agreement
 * @param counterpart the other party's enterprise number (10 digits)
 * @param dueBefore   due strictly before this instant
 * @param dueAfter    due at or after this instant
 * @param actingParty only those waiting for this party's move
 */
public record ObligationFilter(Set<ObligationState> states, Set<ObligationKind> kinds, String agreementId, String counterpart,
                               Instant dueBefore, Instant dueAfter, ObligationKind.ActingParty actingParty) {

    public ObligationFilter {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** No filter: the default list. */
    public static ObligationFilter none() {
        return new ObligationFilter(Set.of(), Set.of(), null, null, null, null, null);
    }

    public ObligationFilter withStates(Set<ObligationState> newStates) {
        return new ObligationFilter(newStates, kinds, agreementId, counterpart, dueBefore, dueAfter, actingParty);
    }

    public ObligationFilter withKinds(Set<ObligationKind> newKinds) {
        return new ObligationFilter(states, newKinds, agreementId, counterpart, dueBefore, dueAfter, actingParty);
    }

    public ObligationFilter withActingParty(ObligationKind.ActingParty party) {
        return new ObligationFilter(states, kinds, agreementId, counterpart, dueBefore, dueAfter, party);
    }

    /** The filters as the list's query parameters name them (absent ones left out; several values comma-separated). */
    public Map<String, String> applied() {
        return PageRequest.filters("state", joined(states.isEmpty() ? null : EnumSet.copyOf(states)),
                "kind", joined(kinds.isEmpty() ? null : EnumSet.copyOf(kinds)), "agreement", agreementId, "counterpart", counterpart,
                "dueBefore", dueBefore, "dueAfter", dueAfter, "actingParty", actingParty);
    }

    private static String joined(Set<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
