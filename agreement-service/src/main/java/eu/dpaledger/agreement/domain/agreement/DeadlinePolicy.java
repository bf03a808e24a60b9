package eu.dpaledger.agreement.domain.agreement;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Turns the agreement's "reasonable time" settings into instants; the application layer wires it to
 * the project's period arithmetic (EU Regulation 1182/71: working days, holidays, the controller's zone).
 */
public interface DeadlinePolicy {

    /** When the written destruction confirmation is due after the data were handed over (art. 11.4). */
    Instant destructionConfirmationDue(Instant deliveredAt, int days, ZoneId zone);
}
