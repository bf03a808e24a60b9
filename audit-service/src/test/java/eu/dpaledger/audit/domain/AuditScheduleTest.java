package eu.dpaledger.audit.domain;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Art. 9.1 at its edges: 10 days' notice, working days of the processor, office hours, the override. */
class AuditScheduleTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final AuditAggregate AUDITS = new AuditAggregate();
    static final Actor CONTROLLER = new Actor("dpo@opwijk", "0207511803", Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", "0428304785", Set.of(Actor.PROCESSOR));
    static final AuditFacts ESN = facts(WorkingCalendar.belgium(BRUSSELS));
    static final AuditFacts FLEMISH_BODY = facts(WorkingCalendar.flemishPublicBody(BRUSSELS));

    static AuditFacts facts(WorkingCalendar calendar) {
        return new AuditFacts("agr-1", "ACTIVE", "0207511803", "0428304785", calendar);
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BRUSSELS).toInstant();
    }

    static List<AuditEvent> schedule(AuditFacts facts, String notice, String start, String end, String override, Actor actor) {
        return AUDITS.decide(new AuditCommand.Schedule("a-1", facts, local(notice), local(start), local(end), "Hosting of the website",
                "Kunstlaan 47, Brussel", null, override, actor, local("2029-01-01T00:00")), Optional.empty());
    }

    static DomainRejection refused(String rule, AuditFacts facts, String notice, String start, String end, String override) {
        DomainRejection r = assertThrows(DomainRejection.class, () -> schedule(facts, notice, start, end, override, CONTROLLER));
        assertEquals(rule, r.rule(), r.detail());
        return r;
    }

    @Test
    void ten_full_days_after_the_day_of_the_notice_an_audit_may_start_at_opening_time() {
        // Notice Mon 1 March 10:00: the ten days are 2–11 March (Reg. 1182/71 art. 3(1)); Fri 12 March from 09:00.
        assertEquals(1, schedule(ESN, "2027-03-01T10:00", "2027-03-12T09:00", "2027-03-12T16:00", null, CONTROLLER).size());
    }

    @Test
    void an_audit_on_the_tenth_day_is_refused_even_at_the_notices_time_of_day_with_the_first_allowed_start() {
        var r = refused(AuditSchedulePolicy.NOTICE_TOO_SHORT, ESN, "2027-03-01T10:00", "2027-03-11T10:00", "2027-03-11T16:00", null);
        assertEquals(local("2027-03-12T09:00").toString(), r.details().get("firstAllowedStart"));
        assertEquals(local("2027-03-12T00:00").toString(), r.details().get("earliestByNotice"));
    }

    @Test
    void the_override_lifts_working_days_and_hours_but_never_the_notice() {
        assertEquals(1, schedule(ESN, "2027-03-01T10:00", "2027-03-13T07:00", "2027-03-13T20:00",
                "Mandatory requirements: the authority's inspection is on Saturday", CONTROLLER).size());
        refused(AuditSchedulePolicy.NOTICE_TOO_SHORT, ESN, "2027-03-01T10:00", "2027-03-05T10:00", "2027-03-05T16:00",
                "Mandatory requirements");
    }

    @Test
    void public_holidays_are_refused_with_their_name() {
        assertHoliday("2027-03-29", "Easter Monday", "2027-03-30");
        assertHoliday("2027-05-06", "Ascension Day", "2027-05-07");
        assertHoliday("2027-05-17", "Whit Monday", "2027-05-18");
        assertHoliday("2027-07-21", "National Day", "2027-07-22");
    }

    private void assertHoliday(String date, String name, String nextWorkingDay) {
        var r = refused(AuditSchedulePolicy.NON_WORKING_DAY, ESN, "2027-01-04T10:00", date + "T10:00", date + "T15:00", null);
        assertEquals(name, r.details().get("holiday"));
        assertEquals(local(nextWorkingDay + "T09:00").toString(), r.details().get("firstAllowedStart"));
    }

    @Test
    void a_saturday_is_refused() {
        var r = refused(AuditSchedulePolicy.NON_WORKING_DAY, ESN, "2027-01-04T10:00", "2027-03-13T10:00", "2027-03-13T15:00", null);
        assertEquals("Saturday", r.details().get("reason"));
        assertEquals(local("2027-03-15T09:00").toString(), r.details().get("firstAllowedStart"));
    }

    @Test
    void eleven_july_is_refused_only_for_an_organisation_that_closes_then() {
        // 11 July 2028 is a Tuesday.
        var r = refused(AuditSchedulePolicy.NON_WORKING_DAY, FLEMISH_BODY, "2028-06-01T10:00", "2028-07-11T10:00", "2028-07-11T15:00", null);
        assertEquals("Day of the Flemish Community", r.details().get("holiday"));
        assertEquals(1, schedule(ESN, "2028-06-01T10:00", "2028-07-11T10:00", "2028-07-11T15:00", null, CONTROLLER).size());
    }

    @Test
    void a_start_at_08_59_or_an_end_at_17_01_is_refused_at_default_office_hours() {
        var early = refused(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS, ESN, "2027-01-04T10:00", "2027-03-15T08:59", "2027-03-15T12:00", null);
        assertEquals(local("2027-03-15T09:00").toString(), early.details().get("firstAllowedStart"));
        refused(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS, ESN, "2027-01-04T10:00", "2027-03-15T09:00", "2027-03-15T17:01", null);
        assertEquals(1, schedule(ESN, "2027-01-04T10:00", "2027-03-15T09:00", "2027-03-15T17:00", null, CONTROLLER).size());
    }

    @Test
    void the_processor_cannot_schedule() {
        DomainRejection r = assertThrows(DomainRejection.class,
                () -> schedule(ESN, "2027-03-01T10:00", "2027-03-11T10:00", "2027-03-11T16:00", null, PROCESSOR));
        assertEquals(AuditAggregate.ONLY_CONTROLLER, r.rule());
        assertEquals(DomainRejection.Kind.FORBIDDEN, r.kind());
    }
}
