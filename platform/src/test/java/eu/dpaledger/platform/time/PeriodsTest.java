package eu.dpaledger.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PeriodsTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final WorkingCalendar BELGIUM = WorkingCalendar.belgium(BRUSSELS);
    static final WorkingCalendar FLEMISH = WorkingCalendar.flemishPublicBody(BRUSSELS);
    static final WorkingCalendar BRIDGE = BELGIUM.plusClosingDays(
            List.of(ClosingDay.once("Bridge day", LocalDate.of(2026, 5, 15))));

    static WorkingCalendar calendar(String name) {
        return switch (name) {
            case "BELGIUM" -> BELGIUM;
            case "FLEMISH" -> FLEMISH;
            case "BRIDGE" -> BRIDGE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} + {1} months = {2}")
    @CsvSource({
        "2025-01-31, 1, 2025-02-28",   // non-leap year
        "2028-01-31, 1, 2028-02-29",   // leap year
        "2025-04-30, 1, 2025-05-30",   // same-numbered day, not the month's last day
        "2025-03-31, 1, 2025-04-30",
        "2025-08-31, 3, 2025-11-30",
        "2028-02-29, 12, 2029-02-28",
        "2024-12-31, 2, 2025-02-28",
        "2025-01-15, 1, 2025-02-15",
    })
    void monthPeriodEndsOnSameNumberedDayOrTheMonthsLastDay(LocalDate start, long months, LocalDate expected) {
        assertEquals(expected, Periods.plusMonthsClamped(start, months));
    }

    @ParameterizedTest(name = "[{5}] {0} {1} extends={2} from {3} on {4} calendar ends on {6}")
    @CsvSource({
        "MONTHS, 1, true,  2025-04-10, BELGIUM, Saturday moves to Monday,                  2025-05-12",
        "MONTHS, 1, true,  2025-03-21, BELGIUM, Easter Monday moves to Tuesday,            2025-04-22",
        "MONTHS, 3, true,  2025-08-31, BELGIUM, 30 November is a Sunday,                   2025-12-01",
        "MONTHS, 1, true,  2025-01-31, BELGIUM, clamped to Friday 28 February,             2025-02-28",
        "MONTHS, 1, true,  2028-01-31, BELGIUM, clamped to Tuesday 29 February,            2028-02-29",
        "MONTHS, 1, true,  2026-11-25, BELGIUM, Christmas on Friday moves to Monday,       2026-12-28",
        "DAYS,  10, true,  2025-05-19, BELGIUM, Ascension Thursday moves to Friday,        2025-05-30",
        "DAYS,  10, true,  2026-05-04, BRIDGE,  a closing day never moves the end (T4),    2026-05-15",
        "DAYS,   5, true,  2025-04-15, BELGIUM, Easter Sunday moves past Easter Monday,    2025-04-22",
        "DAYS,  10, true,  2026-05-13, BELGIUM, Whit weekend moves to Tuesday,             2026-05-26",
        "DAYS,  10, true,  2025-07-09, BELGIUM, Saturday before National Day to Tuesday,   2025-07-22",
        "DAYS,   7, true,  2026-12-25, BELGIUM, New Year's Day on Friday moves to Monday,  2027-01-04",
        "DAYS,  10, true,  2028-12-20, BELGIUM, weekend + New Year's Monday to Tuesday,    2029-01-02",
        "DAYS,  10, true,  2024-07-01, BELGIUM, 11 July is a working day nationally,       2024-07-11",
        "DAYS,  10, true,  2024-07-01, FLEMISH, 11 July is no holiday for periods (T4),    2024-07-11",
        "DAYS,  10, true,  2025-07-01, FLEMISH, 11 July Friday stays the last day (T4),    2025-07-11",
        "DAYS,   1, true,  2025-06-13, BELGIUM, one day from Friday ends Monday,           2025-06-16",
        "DAYS,   2, true,  2025-06-13, BELGIUM, art. 3(5) two working days from Friday,    2025-06-17",
        "DAYS,   2, true,  2026-05-13, BELGIUM, art. 3(5) Ascension leaves one working day, 2026-05-18",
        "DAYS,   2, true,  2026-05-13, BRIDGE,  art. 3(5) the bridge day counts (T4),      2026-05-18",
        "DAYS,  10, false, 2025-03-20, BELGIUM, not extended: stays on Sunday,             2025-03-30",
        "MONTHS, 1, false, 2025-04-10, BELGIUM, not extended: stays on Saturday,           2025-05-10",
    })
    void lastDayCountsFromTheDayAfterTheEventAndMovesToAWorkingDay(
            PeriodUnit unit, long amount, boolean extend, LocalDate start, String calendar, String why,
            LocalDate expected) {
        PeriodRule rule = new PeriodRule(unit, amount, extend);
        assertEquals(expected, Periods.lastDay(rule, start, calendar(calendar)));
    }

    @ParameterizedTest(name = "[{5}] {1} {2} extends={3} from {0} ends at {4}")
    @CsvSource({
        "2025-06-13T08:00:00Z, HOURS,  24, false, 2025-06-14T08:00:00Z, 24 h from Friday 10:00 ends Saturday 10:00",
        "2025-03-28T09:00:00Z, HOURS,  72, false, 2025-03-31T09:00:00Z, 72 real hours across the spring DST change",
        "2025-10-24T08:00:00Z, HOURS,  72, false, 2025-10-27T08:00:00Z, 72 real hours across the autumn DST change",
        "2025-12-24T15:00:00Z, HOURS,  24, false, 2025-12-25T15:00:00Z, hours end on Christmas Day all the same",
        "2025-07-01T08:00:00Z, DAYS,   10, true,  2025-07-11T22:00:00Z, summer: local midnight is 22:00 UTC",
        "2025-01-10T10:00:00Z, DAYS,   10, true,  2025-01-20T23:00:00Z, winter: local midnight is 23:00 UTC",
        "2025-01-08T23:30:00Z, DAYS,    1, true,  2025-01-10T23:00:00Z, counted from the Brussels date 9 January",
        "2025-03-20T10:00:00Z, DAYS,   10, false, 2025-03-30T22:00:00Z, ends on the spring DST day",
        "2025-10-16T10:00:00Z, DAYS,   10, false, 2025-10-26T23:00:00Z, ends on the autumn DST day",
        "2025-08-31T10:00:00Z, MONTHS,  3, true,  2025-12-01T23:00:00Z, three months then Sunday to Monday",
    })
    void deadlineIsHourForHourOrTheEndOfTheLastDayInBrussels(
            Instant start, PeriodUnit unit, long amount, boolean extend, Instant expected, String why) {
        assertEquals(expected, Periods.deadline(new PeriodRule(unit, amount, extend), start, BELGIUM));
    }

    @Test
    void seventyTwoHoursAcrossSpringDstIsSeventyOneWallClockHours() {
        Instant start = Instant.parse("2025-03-28T09:00:00Z");
        Instant end = Periods.hoursAfter(start, 72);
        assertEquals(Duration.ofHours(72), Duration.between(start, end));
        assertEquals(LocalDateTime.parse("2025-03-31T11:00"), LocalDateTime.ofInstant(end, BRUSSELS));
    }

    @Test
    void anHourPeriodRunsFromTheExactInstantNotFromTheNextFullHour() {
        // Project rule (docs/DOMAIN.md "Counting periods", T2): aware at 10:17 -> 24 h end at 10:17 the next day,
        // 43 minutes before the end of the full-hour count of Reg. 1182/71 art. 3(1) first subparagraph (11:00).
        Instant aware = Instant.parse("2025-06-13T08:17:00Z");
        assertEquals(LocalDateTime.parse("2025-06-14T10:17"), LocalDateTime.ofInstant(Periods.hoursAfter(aware, 24), BRUSSELS));
        assertEquals(Periods.hoursAfter(aware, 24), LegalClock.BREACH_REPORT.deadline(aware, BELGIUM));
    }

    @Test
    void hoursCannotExtendAndHaveNoLastDay() {
        assertThrows(IllegalArgumentException.class, () -> new PeriodRule(PeriodUnit.HOURS, 24, true));
        assertThrows(IllegalArgumentException.class, () -> PeriodRule.days(-1));
        assertThrows(IllegalArgumentException.class,
                () -> Periods.lastDay(PeriodRule.hours(24), LocalDate.of(2025, 1, 1), BELGIUM));
    }

    static Stream<Arguments> rulesAndCalendars() {
        return Stream.of(PeriodRule.days(1), PeriodRule.days(10), PeriodRule.days(30), PeriodRule.months(1),
                        PeriodRule.months(3))
                .flatMap(rule -> Stream.of(Arguments.of(rule, "BELGIUM"), Arguments.of(rule, "FLEMISH")));
    }

    /** For every start date 2024-2030: the last day is the first working day on or after the unextended end. */
    @ParameterizedTest(name = "{0} on {1} calendar ends on the first working day on or after the plain end")
    @MethodSource("rulesAndCalendars")
    void lastDayIsTheFirstWorkingDayOnOrAfterThePlainEnd(PeriodRule rule, String calendarName) {
        WorkingCalendar calendar = calendar(calendarName);
        for (LocalDate start = LocalDate.of(2024, 1, 1); start.getYear() <= 2030; start = start.plusDays(1)) {
            LocalDate plain = Periods.lastDay(rule.notExtended(), start, calendar);
            LocalDate last = Periods.lastDay(rule, start, calendar);
            assertTrue(calendar.isWorkingDay(last), start + " -> " + last);
            assertFalse(last.isBefore(plain), start + " -> " + last);
            for (LocalDate d = plain; d.isBefore(last); d = d.plusDays(1)) {
                assertFalse(calendar.isWorkingDay(d), start + " -> " + last + " skipped working day " + d);
            }
        }
    }

    /** Reg. 1182/71 art. 3(5), checked for every start date 2024-2030 on the calendar with a bridge day. */
    @Test
    void twoDayPeriodAlwaysContainsTwoWorkingDaysAndNoMore() {
        PeriodRule twoDays = PeriodRule.days(2);
        for (LocalDate start = LocalDate.of(2024, 1, 1); start.getYear() <= 2030; start = start.plusDays(1)) {
            LocalDate last = Periods.lastDay(twoDays, start, BRIDGE);
            assertTrue(BRIDGE.isWorkingDay(last), start + " -> " + last);
            assertFalse(last.isBefore(start.plusDays(2)), start + " -> " + last);
            assertTrue(workingDays(start, last) >= 2, start + " -> " + last);
            boolean onlyMovedToWorkingDay = last.equals(BRIDGE.nextWorkingDayOnOrAfter(start.plusDays(2)));
            assertTrue(onlyMovedToWorkingDay || workingDays(start, last.minusDays(1)) < 2, start + " -> " + last);
        }
    }

    /**
     * Reg. 1182/71 art. 3(3): a period in working days skips Saturdays, Sundays and public holidays (Christmas, New
     * Year's Day), not an organisation's closing days; the event's own day is not counted (art. 3(1)).
     */
    @ParameterizedTest
    @CsvSource({
            "2026-12-18, 10, 2027-01-05", // Fri: 21-24 Dec, 28-31 Dec, 4 and 5 Jan
            "2026-12-21, 1, 2026-12-22",
            "2026-12-24, 1, 2026-12-28",  // Christmas and the weekend skipped
            "2025-07-10, 1, 2025-07-11",  // Fri 11 July closes Flemish bodies but is a working day of the regulation
            "2026-07-09, 2, 2026-07-13",  // Thu: Fri 10, Mon 13
            "2026-03-02, 0, 2026-03-02"})
    void aWorkingDayPeriodCountsWorkingDaysOnly(LocalDate start, long days, LocalDate expected) {
        assertEquals(expected, Periods.lastDay(PeriodRule.workingDays(days), start, FLEMISH));
        assertEquals(expected.plusDays(1).atStartOfDay(BRUSSELS).toInstant(),
                Periods.deadline(PeriodRule.workingDays(days), start.atTime(10, 0).atZone(BRUSSELS).toInstant(), FLEMISH));
    }

    private static int workingDays(LocalDate afterStart, LocalDate upToIncluding) {
        int n = 0;
        for (LocalDate d = afterStart.plusDays(1); !d.isAfter(upToIncluding); d = d.plusDays(1)) {
            n += BRIDGE.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }
}
