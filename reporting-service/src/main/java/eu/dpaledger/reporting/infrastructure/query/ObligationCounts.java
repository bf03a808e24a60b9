package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * How many obligations of a filtered {@code GET /obligations} are in each state, by kind and by acting party. Every
 * number is the length of the list with the same filters plus {@code state} (and {@code kind} or {@code actingParty}).
 * Every kind, party and state is present (zeros included), in the enums' order.
 */
public record ObligationCounts(
        @Schema(required = true) long total,
        @Schema(required = true) Map<ObligationState, Long> byState,
        @Schema(required = true) Map<ObligationKind, Map<ObligationState, Long>> byKind,
        @Schema(required = true) Map<ObligationKind.ActingParty, Map<ObligationState, Long>> byActingParty) {
}
