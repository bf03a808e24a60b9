package eu.dpaledger.reporting.domain.obligation;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an obligation stands at a given instant. Open: {@link #OVERDUE} once its due instant has passed,
 * {@link #DUE_SOON} within the organisation's warning period before it, else {@link #ON_TIME}. Met:
 * {@link #DONE} at or before the due instant, {@link #DONE_LATE} after it.
 */
public enum ObligationState {
    ON_TIME, DUE_SOON, OVERDUE, DONE, DONE_LATE;

    public static ObligationState of(Instant dueAt, Instant metAt, Instant now, Duration dueSoon) {
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? DONE_LATE : DONE;
        }
        if (!now.isBefore(dueAt)) {
            return OVERDUE;
        }
        return now.plus(dueSoon).isBefore(dueAt) ? ON_TIME : DUE_SOON;
    }

    public boolean open() {
        return this == ON_TIME || this == DUE_SOON || this == OVERDUE;
    }
}
