package eu.dpaledger.platform.time;

import java.util.Objects;

/**
 * One legal clock's counting rule, as data: unit, length, and whether an end on a non-working day moves to the next
 * working day (Reg. 1182/71 art. 3(4), first subparagraph: only periods "expressed otherwise than in hours"; not a
 * period counted back from an event, art. 3(4) second subparagraph, see {@link #notExtended()}).
 */
public record PeriodRule(PeriodUnit unit, long amount, boolean extendsToWorkingDay) {

    public PeriodRule {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a period cannot be negative: " + amount);
        }
        if (unit == PeriodUnit.HOURS && extendsToWorkingDay) {
            // Reg. 1182/71 art. 3(4) first subparagraph: only a period expressed otherwise than in hours is extended
            throw new IllegalArgumentException("a period in hours never extends to a working day");
        }
    }

    /** Hour for hour, on instants. */
    public static PeriodRule hours(long hours) {
        return new PeriodRule(PeriodUnit.HOURS, hours, false);
    }

    /** Calendar days after the event's day, the end moved to the next working day. */
    public static PeriodRule days(long days) {
        return new PeriodRule(PeriodUnit.DAYS, days, true);
    }

    /**
     * Working days after the event's day (Reg. 1182/71 art. 3(3): a period "expressed in working days" leaves out
     * Saturdays, Sundays and public holidays); its last day is a working day by construction, so nothing moves it.
     */
    public static PeriodRule workingDays(long days) {
        return new PeriodRule(PeriodUnit.WORKING_DAYS, days, false);
    }

    /** Months after the event's day, the end moved to the next working day. */
    public static PeriodRule months(long months) {
        return new PeriodRule(PeriodUnit.MONTHS, months, true);
    }

    /**
     * The same period without moving its end to a working day: a period counted back from an event, such as a minimum
     * notice before an audit (Reg. 1182/71 art. 3(4), second subparagraph).
     */
    public PeriodRule notExtended() {
        return new PeriodRule(unit, amount, false);
    }
}
