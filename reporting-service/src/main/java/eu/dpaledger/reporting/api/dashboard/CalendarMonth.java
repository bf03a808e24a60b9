package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationView;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Panel 3, the deadlines calendar: one month, weeks from Monday, every obligation of every kind due in it on the day it
 * is due in its agreement's zone (the list's default rows: open ones and those met recently). Each day's number links
 * to that day's list; a day shows its first few deadlines and how many more there are.
 */
public record CalendarMonth(YearMonth month, List<DayOfWeek> weekdays, List<List<Day>> weeks, long total, boolean truncated,
                            String href, String csv) {

    /** The dashboard's calendar zone: the month's days and "today" (the agreements' own zones place each deadline). */
    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    /** At most this many deadlines of one month are placed (the list behind the month has them all). */
    static final int MAX = 500;
    static final int SHOWN_PER_DAY = 3;

    public record Day(LocalDate date, boolean inMonth, boolean today, List<Item> items, long more, String href) {

        public int number() {
            return date.getDayOfMonth();
        }

        public int count() {
            return items.size() + (int) more;
        }
    }

    public record Item(ObligationKind kind, ObligationState state, String title, String counterpart) {
    }

    /** The month's filter: every state, due from its first day to the next month's first day (Europe/Brussels). */
    static ObligationFilter filter(YearMonth month) {
        return range(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    private static ObligationFilter range(LocalDate from, LocalDate until) {
        return new ObligationFilter(EnumSet.allOf(ObligationState.class), null, null, null,
                until.atStartOfDay(ZONE).toInstant(), from.atStartOfDay(ZONE).toInstant(), null);
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }

    static CalendarMonth of(YearMonth month, List<ObligationView> obligations, String organisation, Instant now) {
        Map<LocalDate, List<Item>> byDay = new TreeMap<>();
        for (ObligationView obligation : obligations) {
            byDay.computeIfAbsent(obligation.dueLocal().toLocalDate(), day -> new ArrayList<>())
                    .add(new Item(obligation.kind(), obligation.state(), obligation.title(), BreachBoard.counterpart(obligation, organisation)));
        }
        LocalDate today = now.atZone(ZONE).toLocalDate();
        LocalDate start = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (LocalDate date = monday; date.isBefore(monday.plusWeeks(1)); date = date.plusDays(1)) {
                List<Item> items = byDay.getOrDefault(date, List.of());
                week.add(new Day(date, YearMonth.from(date).equals(month), date.equals(today),
                        items.subList(0, Math.min(SHOWN_PER_DAY, items.size())), Math.max(0, items.size() - SHOWN_PER_DAY),
                        ListLinks.obligations(range(date, date.plusDays(1)))));
            }
            weeks.add(week);
        }
        return new CalendarMonth(month, List.of(DayOfWeek.values()), weeks, obligations.size(), obligations.size() >= MAX,
                ListLinks.obligations(filter(month)), ListLinks.obligationsCsv(filter(month)));
    }
}
