package eu.dpaledger.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Computing the end of periods according to Regulation (EEC, Euratom) No 1182/71, art. 3. */
public final class Periods {

    private Periods() {
    }

    /**
     * {@code start} plus exactly {@code hours} elapsed hours, whatever weekends, holidays or DST changes lie between
     * (art. 3(2)(a), 3(3)). Counted from the exact instant, not from the end of the event's hour as art. 3(1) first
     * subparagraph would: the earlier, safer end (project rule; docs/DOMAIN.md "Counting periods").
     */
    public static Instant hoursAfter(Instant start, long hours) {
        return start.plus(Duration.ofHours(hours));
    }

    /**
     * The same-numbered day {@code months} later, or that month's last day if it has none (art. 3(2)(c)):
     * 31 January + 1 month = 28 or 29 February.
     */
    public static LocalDate plusMonthsClamped(LocalDate start, long months) {
        // LocalDate.plusMonths already clamps to the last valid day of the resulting month
        return start.plusMonths(months);
    }

    /**
     * The last day of a DAYS, WORKING_DAYS or MONTHS period that starts with an event on {@code start}; the event's day itself is not
     * counted (art. 3(1)). If the rule extends, a last day that is not a working day moves to the next working day
     * (art. 3(4), first subparagraph) and a period of two days or more includes at least two working days (art. 3(5)).
     */
    public static LocalDate lastDay(PeriodRule rule, LocalDate start, WorkingCalendar calendar) {
        LocalDate last = switch (rule.unit()) {
            case DAYS -> start.plusDays(rule.amount());
            case WORKING_DAYS -> nthWorkingDayAfter(start, rule.amount(), calendar);
            case MONTHS -> plusMonthsClamped(start, rule.amount());
            case HOURS -> throw new IllegalArgumentException("a period in hours has no last day: " + rule);
        };
        if (!rule.extendsToWorkingDay()) {
            return last;
        }
        boolean twoDaysOrMore = !last.isBefore(start.plusDays(2));
        last = calendar.nextWorkingDayOnOrAfter(last);
        if (twoDaysOrMore) {
            while (workingDaysBetween(start, last, calendar) < 2) {
                last = calendar.nextWorkingDayOnOrAfter(last.plusDays(1));
            }
        }
        return last;
    }

    /**
     * The exclusive deadline of a period started at {@code start}: for HOURS {@code start + hours}; for DAYS and MONTHS
     * the end of the last day (art. 3(2)(b), (c)), counted from the start's local date in the calendar's zone, i.e. the
     * first instant of the following day.
     */
    public static Instant deadline(PeriodRule rule, Instant start, WorkingCalendar calendar) {
        if (rule.unit() == PeriodUnit.HOURS) {
            return hoursAfter(start, rule.amount());
        }
        return calendar.endOfDay(lastDay(rule, calendar.dateOf(start), calendar));
    }

    /** The n-th working day after {@code start} (the event's own day not counted, art. 3(1)); {@code start} for n = 0. */
    private static LocalDate nthWorkingDayAfter(LocalDate start, long n, WorkingCalendar calendar) {
        LocalDate day = start;
        for (long counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days in (from, to]. */
    private static int workingDaysBetween(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
