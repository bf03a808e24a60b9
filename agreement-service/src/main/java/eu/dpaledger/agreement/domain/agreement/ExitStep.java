package eu.dpaledger.agreement.domain.agreement;

import java.time.Instant;

/**
 * An exit obligation of the processor that is still open after termination.
 *
 * @param step    {@link #DATA_RETURN} or {@link #DESTRUCTION_CONFIRMATION}
 * @param dueAt   null for the data return, which is due "without undue delay" (art. 11.2)
 * @param overdue true when {@code dueAt} has passed
 */
public record ExitStep(String step, Instant dueAt, boolean overdue) {

    public static final String DATA_RETURN = "DATA_RETURN";
    public static final String DESTRUCTION_CONFIRMATION = "DESTRUCTION_CONFIRMATION";
}
