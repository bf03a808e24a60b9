package eu.dpaledger.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final WorkingCalendar BELGIUM = WorkingCalendar.belgium(BRUSSELS);
    static final WorkingCalendar FLEMISH = WorkingCalendar.flemishPublicBody(BRUSSELS);

    @ParameterizedTest(name = "{0} is not a working day because of {1}")
    @CsvSource({
        "2025-04-21, Easter Monday",
        "2026-05-14, Ascension Day",
        "2026-05-25, Whit Monday",
        "2025-07-21, National Day",
        "2025-11-11, Armistice Day",
        "2025-11-01, All Saints' Day",   // a Saturday: the holiday name wins over the weekday
        "2025-04-19, Saturday",
        "2025-04-20, Sunday",            // Easter Sunday is no separate holiday
        "2026-05-24, Sunday",            // Whit Sunday neither
    })
    void nonWorkingReasonNamesTheHolidayOrWeekendDay(LocalDate date, String reason) {
        assertEquals(Optional.of(reason), BELGIUM.nonWorkingReason(date));
        assertFalse(BELGIUM.isWorkingDay(date));
    }

    @ParameterizedTest(name = "{0} is a working day in Belgium")
    @CsvSource({"2025-04-18", "2025-04-22", "2025-12-26", "2025-12-31", "2026-11-02", "2029-11-15", "2025-07-11"})
    void ordinaryWeekdaysAreWorkingDays(LocalDate date) {
        assertEquals(Optional.empty(), BELGIUM.nonWorkingReason(date));
        assertTrue(BELGIUM.isWorkingDay(date));
    }

    @ParameterizedTest(name = "11 July {0}: open in Belgium {1}, for a Flemish public body {2}")
    @CsvSource({
        "2024-07-11, true, false",
        "2025-07-11, true, false",
        "2026-07-11, false, false",  // Saturday anyway
        "2027-07-11, false, false",  // Sunday anyway
        "2028-07-11, true, false",
        "2029-07-11, true, false",
        "2030-07-11, true, false",
    })
    void eleventhOfJulyClosesOnlyFlemishPublicBodies(LocalDate date, boolean belgium, boolean flemish) {
        assertEquals(belgium, BELGIUM.isOpen(date));
        assertEquals(flemish, FLEMISH.isOpen(date));
        assertEquals(Optional.of("Day of the Flemish Community"), FLEMISH.closingDayName(date));
        assertEquals(Optional.empty(), BELGIUM.closingDayName(date));
        // Reg. 1182/71 art. 2(2): 11 July is no public holiday, so it is a working day for periods either way.
        assertEquals(belgium, FLEMISH.isWorkingDay(date));
        assertEquals(Optional.empty(), FLEMISH.holidayName(date));
    }

    @ParameterizedTest(name = "organisation closing days: {0} open = {1}")
    @CsvSource({
        "2025-07-11, false",  // own recurring 11 July
        "2025-01-02, false",  // recurring 2 January
        "2026-01-02, false",
        "2026-05-15, false",  // one-off bridge day
        "2027-05-07, true",   // the bridge day does not recur
        "2025-01-03, true",
    })
    void organisationClosingDaysRecurOrApplyOnce(LocalDate date, boolean open) {
        WorkingCalendar org = BELGIUM.plusClosingDays(List.of(
                ClosingDay.recurring("Flemish Community", MonthDay.of(7, 11)),
                ClosingDay.recurring("Day after New Year", MonthDay.of(1, 2)),
                ClosingDay.once("Bridge day", LocalDate.of(2026, 5, 15))));
        assertEquals(open, org.isOpen(date));
        assertTrue(org.isWorkingDay(date), "a closing day stays a working day of Reg. 1182/71 art. 2(2)");
        assertEquals(Optional.empty(), org.nonWorkingReason(date));
    }

    @Test
    void addingClosingDaysKeepsTheFlemishCommunityDay() {
        WorkingCalendar org = FLEMISH.plusClosingDays(List.of(ClosingDay.once("Move", LocalDate.of(2025, 3, 14))));
        assertEquals(Optional.of("Day of the Flemish Community"), org.closedReason(LocalDate.of(2025, 7, 11)));
        assertEquals(Optional.of("Move"), org.closedReason(LocalDate.of(2025, 3, 14)));
        assertTrue(FLEMISH.isOpen(LocalDate.of(2025, 3, 14)), "the original calendar is unchanged");
    }

    @ParameterizedTest(name = "closed on {0} because of {1}")
    @CsvSource({
        "2026-05-14, Ascension Day",   // a public holiday is named before a closing day on the same date
        "2026-05-15, Bridge day",
        "2026-05-16, Saturday",
        "2025-11-01, All Saints' Day",
    })
    void closedReasonNamesTheHolidayTheClosingDayOrTheWeekendDay(LocalDate date, String reason) {
        WorkingCalendar org = BELGIUM.plusClosingDays(List.of(ClosingDay.once("Bridge day", LocalDate.of(2026, 5, 15)),
                ClosingDay.once("Team day", LocalDate.of(2026, 5, 14))));
        assertEquals(Optional.of(reason), org.closedReason(date));
        assertFalse(org.isOpen(date));
    }

    @Test
    void closingDaysDecideWhereTheOrganisationIsOpenNeverWhereAWorkingDayFalls() {
        // Reg. 1182/71 art. 2(2): only Saturdays, Sundays and public holidays are not working days.
        WorkingCalendar org = FLEMISH.plusClosingDays(List.of(ClosingDay.once("Bridge day", LocalDate.of(2026, 5, 15))));
        assertEquals(LocalDate.of(2026, 5, 15), org.nextWorkingDayOnOrAfter(LocalDate.of(2026, 5, 14)));
        assertEquals(LocalDate.of(2026, 5, 18), org.nextOpenDayOnOrAfter(LocalDate.of(2026, 5, 14)));
        assertEquals(LocalDate.of(2025, 7, 11), org.nextWorkingDayOnOrAfter(LocalDate.of(2025, 7, 11)));
        assertEquals(LocalDate.of(2025, 7, 14), org.nextOpenDayOnOrAfter(LocalDate.of(2025, 7, 11)));
        assertFalse(org.isWithinOfficeHours(Instant.parse("2026-05-15T08:00:00Z")), "10:00 on the bridge day");
        assertEquals(Instant.parse("2026-05-18T07:00:00Z"), org.firstOfficeInstantOnOrAfter(Instant.parse("2026-05-13T16:00:00Z")));
    }

    @Test
    void closingDaysNeverMoveTheEndOfALegalPeriod() {
        // A 30-day window from 11 June 2025 ends on Friday 11 July, also for a Flemish public body (review T4).
        WorkingCalendar org = FLEMISH.plusClosingDays(List.of(ClosingDay.once("Bridge day", LocalDate.of(2026, 5, 15))));
        assertEquals(LocalDate.of(2025, 7, 11), Periods.lastDay(PeriodRule.days(30), LocalDate.of(2025, 6, 11), org));
        // Ten days from 5 May 2026 end on the bridge day, not on the Monday after it.
        assertEquals(LocalDate.of(2026, 5, 15), Periods.lastDay(PeriodRule.days(10), LocalDate.of(2026, 5, 5), org));
    }

    @ParameterizedTest(name = "next working day on or after {0} is {1}")
    @CsvSource({
        "2025-04-18, 2025-04-18",  // Good Friday is a working day
        "2025-04-19, 2025-04-22",  // Easter weekend + Easter Monday
        "2026-05-14, 2026-05-15",  // Ascension Thursday
        "2026-12-25, 2026-12-28",  // Christmas on a Friday
        "2027-12-25, 2027-12-27",
        "2028-12-30, 2029-01-02",  // New Year's Day on a Monday
    })
    void nextWorkingDaySkipsWeekendsAndHolidays(LocalDate date, LocalDate expected) {
        assertEquals(expected, BELGIUM.nextWorkingDayOnOrAfter(date));
    }

    @ParameterizedTest(name = "{0} within default office hours: {1}")
    @CsvSource({
        "2025-06-11T06:59:00Z, false",  // Wednesday 08:59 CEST
        "2025-06-11T07:00:00Z, true",   // 09:00
        "2025-06-11T14:59:00Z, true",   // 16:59
        "2025-06-11T15:00:00Z, false",  // 17:00
        "2025-01-15T07:59:00Z, false",  // Wednesday 08:59 CET
        "2025-01-15T08:00:00Z, true",   // 09:00
        "2025-01-15T15:59:00Z, true",   // 16:59
        "2025-01-15T16:00:00Z, false",  // 17:00
        "2025-06-14T08:00:00Z, false",  // Saturday 10:00
        "2025-05-29T08:00:00Z, false",  // Ascension Day 10:00
        "2025-07-21T08:00:00Z, false",  // National Day 10:00
    })
    void defaultOfficeHoursAreNineToFiveOnWorkingDaysInBrussels(Instant instant, boolean within) {
        assertEquals(within, BELGIUM.isWithinOfficeHours(instant));
    }

    @ParameterizedTest(name = "{0} within 08:00-16:00: {1}")
    @CsvSource({
        "2025-06-11T05:59:00Z, false",  // 07:59 CEST
        "2025-06-11T06:00:00Z, true",   // 08:00
        "2025-06-11T13:59:00Z, true",   // 15:59
        "2025-06-11T14:00:00Z, false",  // 16:00
        "2025-06-11T14:30:00Z, false",  // 16:30, inside the default hours but not these
    })
    void customOfficeHoursAreHonoured(Instant instant, boolean within) {
        WorkingCalendar early = BELGIUM.withOfficeHours(new OfficeHours(LocalTime.of(8, 0), LocalTime.of(16, 0)));
        assertEquals(within, early.isWithinOfficeHours(instant));
    }

    @ParameterizedTest(name = "[{0}, {1}) within office hours: {2}")
    @CsvSource({
        "2025-06-11T07:00:00Z, 2025-06-11T15:00:00Z, true",   // 09:00-17:00 exactly
        "2025-06-11T08:00:00Z, 2025-06-11T08:00:00Z, true",   // an instant
        "2025-06-11T07:00:00Z, 2025-06-11T15:01:00Z, false",  // ends 17:01
        "2025-06-11T06:59:00Z, 2025-06-11T10:00:00Z, false",  // starts 08:59
        "2025-06-11T14:00:00Z, 2025-06-12T08:00:00Z, false",  // spans two days
        "2025-05-29T08:00:00Z, 2025-05-29T09:00:00Z, false",  // on Ascension Day
    })
    void intervalMustLieWithinOneWorkingDaysOfficeHours(Instant start, Instant end, boolean within) {
        assertEquals(within, BELGIUM.isWithinOfficeHours(start, end));
    }

    @Test
    void intervalEndingBeforeItStartsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BELGIUM.isWithinOfficeHours(
                Instant.parse("2025-06-11T10:00:00Z"), Instant.parse("2025-06-11T09:00:00Z")));
    }

    @ParameterizedTest(name = "first office instant on or after {0} is {1}")
    @CsvSource({
        "2025-06-11T08:30:00Z, 2025-06-11T08:30:00Z",  // already within hours
        "2025-06-11T05:00:00Z, 2025-06-11T07:00:00Z",  // 07:00 -> 09:00 same day
        "2025-06-11T15:00:00Z, 2025-06-12T07:00:00Z",  // 17:00 -> next morning
        "2025-06-13T15:30:00Z, 2025-06-16T07:00:00Z",  // Friday evening -> Monday
        "2025-04-18T16:00:00Z, 2025-04-22T07:00:00Z",  // Good Friday evening -> Tuesday after Easter Monday
        "2025-12-24T17:00:00Z, 2025-12-26T08:00:00Z",  // 26 December is a working day in Belgium
        "2025-03-28T17:00:00Z, 2025-03-31T07:00:00Z",  // Friday CET -> Monday 09:00 CEST
    })
    void firstOfficeInstantIsTheNextOpeningOfAWorkingDay(Instant instant, Instant expected) {
        assertEquals(expected, BELGIUM.firstOfficeInstantOnOrAfter(instant));
    }

    @Test
    void officeHoursMustStartBeforeTheyEnd() {
        assertThrows(IllegalArgumentException.class, () -> new OfficeHours(LocalTime.of(17, 0), LocalTime.of(9, 0)));
        assertThrows(IllegalArgumentException.class, () -> new OfficeHours(LocalTime.of(9, 0), LocalTime.of(9, 0)));
    }

    @Test
    void closingDayIsEitherRecurringOrOnceAndNamed() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClosingDay("Both", MonthDay.of(1, 2), LocalDate.of(2025, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> new ClosingDay("Neither", null, null));
        assertThrows(IllegalArgumentException.class, () -> ClosingDay.once(" ", LocalDate.of(2025, 1, 2)));
    }
}
