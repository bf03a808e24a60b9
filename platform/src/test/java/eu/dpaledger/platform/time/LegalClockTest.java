package eu.dpaledger.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalClockTest {

    static final WorkingCalendar BELGIUM = WorkingCalendar.belgium(ZoneId.of("Europe/Brussels"));

    @ParameterizedTest(name = "{0}: {1} {2}, extends={3}, {4}")
    @CsvSource({
        "BREACH_REPORT,            HOURS,  24, false, DPA art. 7.3",
        "AUTHORITY_NOTIFICATION,   HOURS,  72, false, GDPR art. 33(1)",
        "AUDIT_NOTICE,             DAYS,   10, false, DPA art. 9.1",
        "CORRECTIVE_ACTION_PLAN,   MONTHS,  1, true,  DPA art. 9.2",
        "SUBPROCESSOR_NEGOTIATION, MONTHS,  3, true,  DPA art. 6.2",
        "DATA_SUBJECT_ANSWER,      MONTHS,  1, true,  GDPR art. 12(3)",
    })
    void eachClockStatesItsRuleAndSource(LegalClock clock, PeriodUnit unit, long amount, boolean extend, String source) {
        assertEquals(new PeriodRule(unit, amount, extend), clock.rule());
        assertEquals(source, clock.source());
    }

    @ParameterizedTest(name = "{0} started {1} runs until {2}")
    @CsvSource({
        "BREACH_REPORT,            2025-06-13T08:00:00Z, 2025-06-14T08:00:00Z",  // Friday -> Saturday, not moved
        "AUTHORITY_NOTIFICATION,   2025-03-28T09:00:00Z, 2025-03-31T09:00:00Z",  // across DST
        "AUDIT_NOTICE,             2025-03-20T10:00:00Z, 2025-03-30T22:00:00Z",  // ends on a Sunday, not moved
        "CORRECTIVE_ACTION_PLAN,   2025-03-21T10:00:00Z, 2025-04-22T22:00:00Z",  // Easter Monday -> end of Tuesday
        "SUBPROCESSOR_NEGOTIATION, 2025-08-31T10:00:00Z, 2025-12-01T23:00:00Z",  // 30 Nov Sunday -> end of Monday
        "DATA_SUBJECT_ANSWER,      2025-01-31T10:00:00Z, 2025-02-28T23:00:00Z",  // clamped to end of 28 February
    })
    void clockDeadlinesFollowTheirRule(LegalClock clock, Instant start, Instant expected) {
        assertEquals(expected, clock.deadline(start, BELGIUM));
    }

    @Test
    void earliestAuditStartIsTheFirstOfficeInstantAfterTheNotice() {
        Instant notice = Instant.parse("2025-03-20T10:00:00Z");
        Instant earliest = BELGIUM.firstOfficeInstantOnOrAfter(LegalClock.AUDIT_NOTICE.deadline(notice, BELGIUM));
        assertEquals(Instant.parse("2025-03-31T07:00:00Z"), earliest);  // Monday 09:00 CEST
    }

    @Test
    void agreementDayPeriodsAreCalendarDaysEndingOnAWorkingDay() {
        assertEquals(new PeriodRule(PeriodUnit.DAYS, 14, true), LegalClock.agreementDays(14));
    }
}
