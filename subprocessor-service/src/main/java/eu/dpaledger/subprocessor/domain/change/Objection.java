package eu.dpaledger.subprocessor.domain.change;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The controller's objection to a change (art. 6.2) and how it stands.
 *
 * @param receivedAt           when the processor received it: when it was recorded here
 * @param negotiationEndsOn    the last day of the 3-month negotiation (month rule, moved to a working day)
 * @param terminationRightFrom the first instant the controller may terminate if still unresolved
 * @param terminationRightLapsedAt when the ground of the termination right went away (pending or granted)
 */
public record Objection(String grounds, String objectedBy, Instant receivedAt, LocalDate negotiationEndsOn,
                        Instant terminationRightFrom, Instant withdrawnAt, String withdrawalReason, String withdrawnBy,
                        Instant terminationRightGrantedAt, boolean warned, Instant terminationRightLapsedAt,
                        LapseReason lapseReason) {

    /** Whether the termination right is still pending or standing: its ground has not gone away. */
    public boolean open() {
        return terminationRightLapsedAt == null;
    }

    Objection withdrawn(String reason, String by, Instant at) {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, at, reason, by,
                terminationRightGrantedAt, warned, terminationRightLapsedAt, lapseReason);
    }

    Objection granted(Instant at) {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, withdrawnAt,
                withdrawalReason, withdrawnBy, at, warned, terminationRightLapsedAt, lapseReason);
    }

    Objection asWarned() {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, withdrawnAt,
                withdrawalReason, withdrawnBy, terminationRightGrantedAt, true, terminationRightLapsedAt, lapseReason);
    }

    Objection lapsed(LapseReason reason, Instant at) {
        return new Objection(grounds, objectedBy, receivedAt, negotiationEndsOn, terminationRightFrom, withdrawnAt,
                withdrawalReason, withdrawnBy, terminationRightGrantedAt, warned, at, reason);
    }
}
