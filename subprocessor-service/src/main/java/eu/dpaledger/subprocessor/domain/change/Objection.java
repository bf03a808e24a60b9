package eu.dpaledger.subprocessor.domain.change;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The controller's objection to a change (art. 6.2) and how it stands.
 *
 * @param receivedAt           when the processor received it: when it was recorded here
 * @param negotiationEndsOn    the last day of the 3-month negotiation (month rule, moved to a working day)
 * @param terminationRightFrom the first instant the controller may terminate if still unresolved
 */
public record Objection(String grounds, String objectedBy, Instant receivedAt, LocalDate negotiationEndsOn,
                        Instant terminationRightFrom, Instant withdrawnAt, String withdrawalReason, String withdrawnBy,
                        Instant terminationRightGrantedAt, boolean warned) {

    Objection withdrawn(String reason, String by, Instant at) {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, at, reason, by,
                terminationRightGrantedAt, warned);
    }

    Objection granted(Instant at) {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, withdrawnAt,
                withdrawalReason, withdrawnBy, at, warned);
    }

    Objection asWarned() {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, withdrawnAt,
                withdrawalReason, withdrawnBy, terminationRightGrantedAt, true);
    }
}
