package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.dpaledger.audit.domain.audit.AuditSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Art. 9.1 at its edges: 10 days' notice, working days of the processor, office hours, the override. */
class AuditScheduleTest {

    static AuditCommand.Schedule schedule(WorkingCalendar processorCalendar, String notice, String start, String end, String override,
                                          Actor actor) {
        return schedule(AGREEMENT, processorCalendar, notice, start, end, override, actor);
    }

    static AuditCommand.Schedule schedule(AgreementFacts agreement, WorkingCalendar processorCalendar, String notice, String start,
                                          String end, String override, Actor actor) {
        return new AuditCommand.Schedule("a-1", agreement, processorCalendar, local(notice), local(start), local(end), "Hosting of the website",
                "Kunstlaan 47, Brussel", null, override, actor, local("2029-01-01T00:00"));
    }

    @Test
    void ten_full_days_after_the_day_of_the_notice_an_audit_may_start_at_opening_time() {
        // Notice Mon 1 March 10:00: the ten days are 2–11 March (Reg. 1182/71 art. 3(1)); Fri 12 March from 09:00.
        assertEquals(1, AUDITS.when(schedule(ESN, "2027-03-01T10:00", "2027-03-12T09:00", "2027-03-12T16:00", null, CONTROLLER))
                .thenAccepted().size());
    }

    @Test
    void an_audit_on_the_tenth_day_is_refused_even_at_the_notices_time_of_day_with_the_first_allowed_start() {
        var r = AUDITS.when(schedule(ESN, "2027-03-01T10:00", "2027-03-11T10:00", "2027-03-11T16:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NOTICE_TOO_SHORT);
        assertEquals(local("2027-03-12T09:00").toString(), r.details().get("firstAllowedStart"));
        assertEquals(local("2027-03-12T00:00").toString(), r.details().get("earliestByNotice"));
    }

    @Test
    void the_override_lifts_working_days_and_hours_but_never_the_notice() {
        assertEquals(1, AUDITS.when(schedule(ESN, "2027-03-01T10:00", "2027-03-13T07:00", "2027-03-13T20:00",
                "Mandatory requirements: the authority's inspection is on Saturday", CONTROLLER)).thenAccepted().size());
        AUDITS.when(schedule(ESN, "2027-03-01T10:00", "2027-03-05T10:00", "2027-03-05T16:00", "Mandatory requirements", CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NOTICE_TOO_SHORT);
    }

    @Test
    void public_holidays_are_refused_with_their_name() {
        assertHoliday("2027-03-29", "Easter Monday", "2027-03-30");
        assertHoliday("2027-05-06", "Ascension Day", "2027-05-07");
        assertHoliday("2027-05-17", "Whit Monday", "2027-05-18");
        assertHoliday("2027-07-21", "National Day", "2027-07-22");
    }

    private void assertHoliday(String date, String name, String nextWorkingDay) {
        var r = AUDITS.when(schedule(ESN, "2027-01-04T10:00", date + "T10:00", date + "T15:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NON_WORKING_DAY);
        assertEquals(name, r.details().get("holiday"));
        assertEquals(local(nextWorkingDay + "T09:00").toString(), r.details().get("firstAllowedStart"));
    }

    @Test
    void a_saturday_is_refused() {
        var r = AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-13T10:00", "2027-03-13T15:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NON_WORKING_DAY);
        assertEquals("Saturday", r.details().get("reason"));
        assertEquals(local("2027-03-15T09:00").toString(), r.details().get("firstAllowedStart"));
    }

    @Test
    void eleven_july_is_refused_only_for_an_organisation_that_closes_then() {
        // 11 July 2028 is a Tuesday.
        var r = AUDITS.when(schedule(FLEMISH_BODY, "2028-06-01T10:00", "2028-07-11T10:00", "2028-07-11T15:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NON_WORKING_DAY);
        assertEquals("Day of the Flemish Community", r.details().get("holiday"));
        assertEquals(1, AUDITS.when(schedule(ESN, "2028-06-01T10:00", "2028-07-11T10:00", "2028-07-11T15:00", null, CONTROLLER))
                .thenAccepted().size());
    }

    @Test
    void a_start_at_08_59_or_an_end_at_17_01_is_refused_at_default_office_hours() {
        var early = AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T08:59", "2027-03-15T12:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS);
        assertEquals(local("2027-03-15T09:00").toString(), early.details().get("firstAllowedStart"));
        AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T09:00", "2027-03-15T17:01", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS);
        assertEquals(1, AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T09:00", "2027-03-15T17:00", null, CONTROLLER))
                .thenAccepted().size());
    }

    @Test
    void a_friday_to_tuesday_audit_over_a_weekend_and_whit_monday_is_refused_naming_the_first_day_off() {
        // Review U2: Fri 14 May 2027 10:00 – Tue 18 May 16:00; Sat 15, Sun 16 and Whit Monday 17 May lie between.
        var r = AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-05-14T10:00", "2027-05-18T16:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NON_WORKING_DAY);
        assertEquals("2027-05-15", r.details().get("date"));
        assertEquals("Saturday", r.details().get("reason"));
        assertEquals(local("2027-05-18T09:00").toString(), r.details().get("firstAllowedStart"));
        assertEquals("end", ((Map<?, ?>) ((List<?>) r.details().get("violations")).get(0)).get("field"));
    }

    @Test
    void a_public_holiday_between_the_first_and_the_last_day_is_refused() {
        // Ascension Day, Thursday 6 May 2027, between Wednesday and Friday.
        var r = AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-05-05T10:00", "2027-05-07T16:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NON_WORKING_DAY);
        assertEquals("Ascension Day", r.details().get("holiday"));
        assertEquals("2027-05-06", r.details().get("date"));
    }

    @Test
    void a_closing_day_of_the_processor_between_the_first_and_the_last_day_is_refused() {
        // 11 July 2028 is a Tuesday: a Flemish public body is closed, ESN is not.
        var r = AUDITS.when(schedule(FLEMISH_BODY, "2028-06-01T10:00", "2028-07-10T10:00", "2028-07-12T12:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.NON_WORKING_DAY);
        assertEquals("Day of the Flemish Community", r.details().get("holiday"));
        assertEquals(1, AUDITS.when(schedule(ESN, "2028-06-01T10:00", "2028-07-10T10:00", "2028-07-12T12:00", null, CONTROLLER))
                .thenAccepted().size());
    }

    @Test
    void a_monday_to_wednesday_audit_within_office_hours_is_accepted_and_the_override_lifts_the_days_between() {
        // Sessions: Monday 10:00–17:00, Tuesday 09:00–17:00, Wednesday 09:00–16:00.
        assertEquals(1, AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T10:00", "2027-03-17T16:00", null, CONTROLLER))
                .thenAccepted().size());
        assertEquals(1, AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-05-14T10:00", "2027-05-18T16:00",
                "Mandatory requirements: the authority's inspection runs through the weekend", CONTROLLER)).thenAccepted().size());
    }

    @Test
    void a_multi_day_audit_starts_and_ends_within_office_hours() {
        AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T10:00", "2027-03-16T17:01", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS);
        AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T17:00", "2027-03-16T12:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS);
        // Ending at opening time leaves the last day no session.
        AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T10:00", "2027-03-16T09:00", null, CONTROLLER))
                .thenRejected(AuditSchedulePolicy.OUTSIDE_OFFICE_HOURS);
        assertEquals(1, AUDITS.when(schedule(ESN, "2027-01-04T10:00", "2027-03-15T16:59", "2027-03-16T09:01", null, CONTROLLER))
                .thenAccepted().size());
    }

    /** Noticed Mon 1 March 2027 10:00, recorded at 10:05, for Thu 25 March 10:00–16:00. */
    static final AuditEvent.AuditScheduled NOTICED_1_MARCH = new AuditEvent.AuditScheduled("a-1", "agr-1", "0207511803", "0428304785",
            "Europe/Brussels", local("2027-03-01T10:00"), local("2027-03-25T10:00"), local("2027-03-25T16:00"), "Hosting", null, null,
            null, CONTROLLER.subject(), local("2027-03-01T10:05"));

    static AuditCommand.Reschedule move(String notice, String start, String end, String at) {
        return new AuditCommand.Reschedule(ESN, local(notice), local(start), local(end), null, "Auditor ill", CONTROLLER, local(at));
    }

    @Test
    void a_move_to_an_earlier_date_cannot_reuse_the_original_notice() {
        // Review U3: on 15 March the audit moves to 16 March, still citing the notice of 1 March.
        var r = AUDITS.given(NOTICED_1_MARCH).when(move("2027-03-01T10:00", "2027-03-16T10:00", "2027-03-16T16:00", "2027-03-15T10:00"))
                .thenRejected(AuditSchedulePolicy.RESCHEDULE_WITHOUT_NEW_NOTICE);
        assertEquals(local("2027-03-01T10:00").toString(), r.details().get("previousNoticeGivenAt"));
        // With notice given on 15 March, the ten days are 16–25 March: from Friday 26 March 09:00.
        assertEquals(local("2027-03-26T09:00").toString(), r.details().get("firstAllowedStart"));
    }

    @Test
    void a_move_needs_ten_days_notice_of_the_new_start_counted_from_the_new_notice() {
        var r = AUDITS.given(NOTICED_1_MARCH).when(move("2027-03-15T09:30", "2027-03-16T10:00", "2027-03-16T16:00", "2027-03-15T10:00"))
                .thenRejected(AuditSchedulePolicy.NOTICE_TOO_SHORT);
        assertEquals(local("2027-03-26T09:00").toString(), r.details().get("firstAllowedStart"));
        var moved = AUDITS.given(NOTICED_1_MARCH).when(move("2027-03-15T09:30", "2027-03-26T09:00", "2027-03-26T16:00", "2027-03-15T10:00"))
                .thenState().orElseThrow();
        assertEquals(local("2027-03-15T09:30"), moved.noticeGivenAt());
        assertEquals(local("2027-03-26T09:00"), moved.start());
    }

    @Test
    void a_move_to_a_later_date_needs_its_own_notice_as_well() {
        AUDITS.given(NOTICED_1_MARCH).when(move("2027-03-01T10:00", "2027-03-30T10:00", "2027-03-30T16:00", "2027-03-15T10:00"))
                .thenRejected(AuditSchedulePolicy.RESCHEDULE_WITHOUT_NEW_NOTICE);
        assertEquals(1, AUDITS.given(NOTICED_1_MARCH).when(move("2027-03-15T09:30", "2027-03-30T10:00", "2027-03-30T16:00",
                "2027-03-15T10:00")).thenAccepted().size());
    }

    @Test
    void a_new_notice_cannot_be_dated_before_the_schedule_it_moves_was_recorded() {
        // Recorded 1 March 10:05: a "new" notice of 1 March 10:01 is the old one in disguise.
        AUDITS.given(NOTICED_1_MARCH).when(move("2027-03-01T10:01", "2027-03-12T10:00", "2027-03-12T16:00", "2027-03-02T10:00"))
                .thenRejected(AuditSchedulePolicy.RESCHEDULE_WITHOUT_NEW_NOTICE);
        // A second move counts from the first move's recording.
        var twice = AUDITS.given(NOTICED_1_MARCH);
        twice.when(move("2027-03-15T09:30", "2027-03-30T10:00", "2027-03-30T16:00", "2027-03-15T10:00")).thenAccepted();
        twice.when(move("2027-03-15T09:45", "2027-04-06T10:00", "2027-04-06T16:00", "2027-03-16T10:00"))
                .thenRejected(AuditSchedulePolicy.RESCHEDULE_WITHOUT_NEW_NOTICE);
        assertEquals(1, twice.when(move("2027-03-16T09:45", "2027-04-06T10:00", "2027-04-06T16:00", "2027-03-16T10:00"))
                .thenAccepted().size());
    }

    @Test
    void the_processor_cannot_schedule() {
        AUDITS.when(schedule(ESN, "2027-03-01T10:00", "2027-03-11T10:00", "2027-03-11T16:00", null, PROCESSOR))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, AuditAggregate.ONLY_CONTROLLER);
    }

    @Test
    void an_audit_is_scheduled_on_a_terminated_agreement_but_not_on_a_draft() {
        // DPA art. 9 survives termination (DPA art. 3.2); a draft binds nobody.
        AgreementFacts terminated = new AgreementFacts("agr-1", AgreementFacts.TERMINATED, AGREEMENT.parties(), "VTC", BRUSSELS, 30, 30);
        assertEquals(1, AUDITS.when(schedule(terminated, ESN, "2027-03-01T10:00", "2027-03-12T09:00", "2027-03-12T16:00", null,
                CONTROLLER)).thenAccepted().size());
        AgreementFacts draft = new AgreementFacts("agr-1", "DRAFT", AGREEMENT.parties(), "VTC", BRUSSELS, 30, 30);
        AUDITS.when(schedule(draft, ESN, "2027-03-01T10:00", "2027-03-12T09:00", "2027-03-12T16:00", null, CONTROLLER))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, AuditAggregate.NOT_IN_FORCE);
    }

    @Test
    void a_processor_employee_with_the_controller_role_cannot_schedule() {
        // Role AND organisation: the controller role in the processor's organisation is not the controller.
        Actor impostor = new Actor("staff@esn", "0428304785", java.util.Set.of(Actor.CONTROLLER));
        AUDITS.when(schedule(ESN, "2027-03-01T10:00", "2027-03-12T09:00", "2027-03-12T16:00", null, impostor))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, AuditAggregate.ONLY_CONTROLLER);
    }
}
