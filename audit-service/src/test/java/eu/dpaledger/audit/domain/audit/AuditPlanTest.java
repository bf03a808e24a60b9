package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static eu.dpaledger.audit.domain.audit.AuditSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Findings, completion, costs (art. 9.3) and the corrective action plan within a month (art. 9.2). */
class AuditPlanTest {

    static final Actor AUDITOR = new Actor("auditor@firm", "0555555523", Set.of(Actor.AUDITOR));
    static final Actor OTHER_AUDITOR = new Actor("auditor@other", "0123456749", Set.of(Actor.AUDITOR));

    /** An audit of the hosting, noticed on 1 December 2026, on {@code start} from 10:00 to 16:00. */
    private static AuditEvent.AuditScheduled scheduled(String start) {
        return new AuditEvent.AuditScheduled("a-1", "agr-1", "0207511803", "0428304785", "Europe/Brussels",
                local("2026-12-01T10:00"), local(start + "T10:00"), local(start + "T16:00"), "Hosting", null, "0555555523", null,
                CONTROLLER.subject(), local("2026-12-01T10:00"));
    }

    /** The controller records the audit as completed at {@code completedAt}, a minute later. */
    private static AuditCommand.Complete complete(String completedAt, boolean nonCompliance) {
        Instant at = local(completedAt);
        return new AuditCommand.Complete(at, nonCompliance, ESN, CONTROLLER, at.plusSeconds(60));
    }

    @Test
    void completion_on_31_january_puts_the_plan_on_the_last_day_of_february_moved_off_the_weekend() {
        var audit = AUDITS.given(scheduled("2027-01-29"));
        // 31 January 2027 + 1 month = 28 February 2027, a Sunday: due Monday 1 March.
        var e = (AuditEvent.AuditCompleted) audit.when(complete("2027-01-31T12:00", true)).thenAccepted().get(0);
        assertEquals(LocalDate.parse("2027-03-01"), e.planDueOn());
        assertEquals(local("2027-03-02T00:00"), e.planDueAt());
        assertEquals(AuditAggregate.PROCESSOR_COST, e.costBorneBy());
    }

    @Test
    void the_processors_closing_day_does_not_move_the_plans_month() {
        // Completed Wed 11 June 2025: the month ends Fri 11 July, the Flemish Community's day. A processor that closes
        // then is still a working day of Reg. 1182/71 art. 2(2), so the plan is due that day (review T4).
        var e = (AuditEvent.AuditCompleted) AUDITS.given(scheduled("2025-06-11"))
                .when(new AuditCommand.Complete(local("2025-06-11T15:00"), true, FLEMISH_BODY, CONTROLLER, local("2025-06-11T15:01")))
                .thenAccepted().get(0);
        assertEquals(LocalDate.parse("2025-07-11"), e.planDueOn());
        assertEquals(local("2025-07-12T00:00"), e.planDueAt());
    }

    @Test
    void a_plan_month_ending_on_a_public_holiday_still_moves_to_the_next_working_day() {
        // Completed Fri 21 March 2025: 21 April is Easter Monday, so the plan is due Tue 22 April (Reg. 1182/71 art. 3(4)).
        var e = (AuditEvent.AuditCompleted) AUDITS.given(scheduled("2025-03-21"))
                .when(new AuditCommand.Complete(local("2025-03-21T15:00"), true, FLEMISH_BODY, CONTROLLER, local("2025-03-21T15:01")))
                .thenAccepted().get(0);
        assertEquals(LocalDate.parse("2025-04-22"), e.planDueOn());
    }

    @Test
    void in_a_leap_year_the_plan_falls_due_on_29_february() {
        var e = (AuditEvent.AuditCompleted) AUDITS.given(scheduled("2028-01-28")).when(complete("2028-01-31T12:00", true))
                .thenAccepted().get(0);
        assertEquals(LocalDate.parse("2028-02-29"), e.planDueOn());
    }

    @Test
    void an_audit_that_finds_compliance_costs_the_controller_and_needs_no_plan() {
        var audit = AUDITS.given(scheduled("2027-01-29"));
        var e = (AuditEvent.AuditCompleted) audit.when(complete("2027-01-29T15:00", false)).thenAccepted().get(0);
        assertEquals(AuditAggregate.CONTROLLER_COST, e.costBorneBy());
        assertNull(e.planDueOn());
        audit.when(new AuditCommand.SubmitPlan("p1", List.of(new AuditCommand.MeasureInput(List.of(), "x", LocalDate.parse("2027-03-01"))),
                PROCESSOR, local("2027-02-01T10:00"))).thenRejected(AuditAggregate.NO_PLAN_NEEDED);
    }

    @Test
    void the_appointed_auditor_records_findings_another_auditor_firm_may_not() {
        var audit = AUDITS.given(scheduled("2027-01-29"));
        assertEquals(1, audit.when(new AuditCommand.RecordFinding("f1", "No MFA on admin accounts", FindingSeverity.MAJOR, "art. 5.1",
                "Admin panel reachable with a password only", AUDITOR, local("2027-01-29T11:00"))).thenAccepted().size());
        audit.when(new AuditCommand.RecordFinding("f2", "x", FindingSeverity.MINOR, null, null, OTHER_AUDITOR, local("2027-01-29T11:00")))
                .thenRejected(AuditAggregate.ONLY_AUDITORS);
        audit.when(new AuditCommand.RecordFinding("f3", "x", FindingSeverity.MINOR, null, null, AUDITOR, local("2027-01-28T11:00")))
                .thenRejected(AuditAggregate.TOO_EARLY);
    }

    @Test
    void every_finding_needs_a_measure_and_a_rejected_plan_is_resubmitted_within_the_month_or_the_period_stated() {
        var audit = AUDITS.given(scheduled("2027-01-29"));
        audit.when(new AuditCommand.RecordFinding("f1", "No MFA", FindingSeverity.MAJOR, "art. 5.1", null, AUDITOR,
                local("2027-01-29T11:00"))).thenAccepted();
        audit.when(new AuditCommand.RecordFinding("f2", "Logs kept 7 days", FindingSeverity.MINOR, "art. 5.1", null, AUDITOR,
                local("2027-01-29T12:00"))).thenAccepted();
        LocalDate due = audit.when(complete("2027-01-29T16:00", true)).thenState().orElseThrow().planDueOn();
        DomainRejection r = audit.when(new AuditCommand.SubmitPlan("p1",
                List.of(new AuditCommand.MeasureInput(List.of("f1"), "Enforce MFA", LocalDate.parse("2027-02-15"))), PROCESSOR,
                local("2027-02-01T10:00"))).thenRejected(AuditAggregate.FINDING_UNCOVERED);
        assertEquals(List.of("f2"), r.details().get("uncoveredFindings"));
        assertEquals("PLAN_SUBMITTED", audit.when(new AuditCommand.SubmitPlan("p1", List.of(
                new AuditCommand.MeasureInput(List.of("f1"), "Enforce MFA", LocalDate.parse("2027-02-15")),
                new AuditCommand.MeasureInput(List.of("f2"), "Keep logs 12 months", LocalDate.parse("2027-02-20"))), PROCESSOR,
                local("2027-02-01T10:00"))).thenState().orElseThrow().status());
        var rejected = audit.when(new AuditCommand.DecidePlan("p1", false, "Logs: 12 months is not enough, take 24", 14, CONTROLLER,
                local("2027-02-02T10:00"))).thenState().orElseThrow();
        assertEquals("PLAN_DUE", rejected.status());
        assertEquals(due, rejected.planDueOn());
        // 14 days from 2 February end on 16 February, inside the month of art. 9.2: the month still holds.
        assertEquals(due, rejected.currentPlanDueOn());
        audit.when(new AuditCommand.SubmitPlan("p2", List.of(
                new AuditCommand.MeasureInput(List.of("f1", "f2"), "MFA and 24 months of logs", LocalDate.parse("2027-02-20"))),
                PROCESSOR, local("2027-02-03T10:00"))).thenAccepted();
        assertEquals("PLAN_APPROVED", audit.when(new AuditCommand.DecidePlan("p2", true, null, null, CONTROLLER, local("2027-02-04T10:00")))
                .thenState().orElseThrow().status());
        // The measure's date passes unimplemented: marked once; then implemented and verified, the audit closes.
        audit.when(new AuditCommand.Tick(local("2027-02-22T10:00")))
                .then(new AuditEvent.MeasureOverdue("p2", "m1", LocalDate.parse("2027-02-20"), local("2027-02-22T10:00")));
        audit.when(new AuditCommand.Tick(local("2027-02-23T10:00"))).then();
        audit.when(new AuditCommand.VerifyMeasure("p2", "m1", true, null, CONTROLLER, local("2027-02-23T10:00")))
                .thenRejected(AuditAggregate.NOT_IMPLEMENTED);
        audit.when(new AuditCommand.ReportImplemented("p2", "m1", "Done", PROCESSOR, local("2027-02-24T10:00"))).thenAccepted();
        assertEquals("CLOSED", audit.when(new AuditCommand.VerifyMeasure("p2", "m1", true, "Checked on site", CONTROLLER,
                local("2027-02-25T10:00"))).thenState().orElseThrow().status());
    }

    @Test
    void a_plan_not_submitted_by_its_due_date_is_marked_overdue_once() {
        var audit = AUDITS.given(scheduled("2027-01-29"));
        audit.when(complete("2027-01-31T12:00", true)).thenAccepted();
        audit.when(new AuditCommand.Tick(local("2027-03-01T23:59"))).then();
        audit.when(new AuditCommand.Tick(local("2027-03-02T00:00")))
                .then(new AuditEvent.PlanOverdue(LocalDate.parse("2027-03-01"), local("2027-03-02T00:00")));
        audit.when(new AuditCommand.Tick(local("2027-03-03T00:00"))).then();
    }

    // ------------------------------------------------------------------ U4: serious findings establish non-compliance

    private static AuditCommand.RecordFinding finding(String id, FindingSeverity severity, String at) {
        return new AuditCommand.RecordFinding(id, "Finding " + id, severity, "DPA annex 1", null, AUDITOR, local(at));
    }

    @Test
    void an_audit_with_a_critical_finding_cannot_be_completed_as_compliant() {
        // Review U4: a CRITICAL finding and Complete(nonCompliance=false) would owe no plan and leave the controller paying.
        var audit = AUDITS.given(scheduled("2027-01-29"));
        audit.when(finding("f1", FindingSeverity.MINOR, "2027-01-29T11:00")).thenAccepted();
        audit.when(finding("f2", FindingSeverity.CRITICAL, "2027-01-29T12:00")).thenAccepted();
        DomainRejection r = audit.when(complete("2027-01-29T15:00", false)).thenRejected(DomainRejection.Kind.UNPROCESSABLE,
                AuditAggregate.SERIOUS_FINDING);
        assertEquals(List.of("f2"), r.details().get("seriousFindings"));
        var e = (AuditEvent.AuditCompleted) audit.when(complete("2027-01-29T15:00", true)).thenAccepted().get(0);
        assertEquals(AuditAggregate.PROCESSOR_COST, e.costBorneBy());
        assertEquals(LocalDate.parse("2027-03-01"), e.planDueOn());
    }

    @Test
    void a_major_finding_too_but_minor_findings_alone_may_be_completed_as_compliant_at_the_controllers_cost() {
        var major = AUDITS.given(scheduled("2027-01-29"));
        major.when(finding("f1", FindingSeverity.MAJOR, "2027-01-29T11:00")).thenAccepted();
        major.when(complete("2027-01-29T15:00", false)).thenRejected(AuditAggregate.SERIOUS_FINDING);
        var minor = AUDITS.given(scheduled("2027-01-29"));
        minor.when(finding("f1", FindingSeverity.MINOR, "2027-01-29T11:00")).thenAccepted();
        var e = (AuditEvent.AuditCompleted) minor.when(complete("2027-01-29T15:00", false)).thenAccepted().get(0);
        assertEquals(AuditAggregate.CONTROLLER_COST, e.costBorneBy());
    }

    @Test
    void an_audit_completed_as_compliant_takes_no_serious_finding_afterwards_a_minor_one_it_does() {
        var audit = AUDITS.given(scheduled("2027-01-29"));
        audit.when(complete("2027-01-29T15:00", false)).thenAccepted();
        audit.when(finding("f1", FindingSeverity.MAJOR, "2027-01-29T16:00")).thenRejected(AuditAggregate.SERIOUS_FINDING);
        audit.when(finding("f1", FindingSeverity.CRITICAL, "2027-01-29T16:00")).thenRejected(AuditAggregate.SERIOUS_FINDING);
        assertEquals(1, audit.when(finding("f1", FindingSeverity.MINOR, "2027-01-29T16:00")).thenAccepted().size());
        // Completed with non-compliance, a later serious finding is still recorded (the plan must then cover it).
        var deficient = AUDITS.given(scheduled("2027-01-29"));
        deficient.when(complete("2027-01-29T15:00", true)).thenAccepted();
        assertEquals(1, deficient.when(finding("f1", FindingSeverity.MAJOR, "2027-01-29T16:00")).thenAccepted().size());
    }

    // ------------------------------------------------------------------ U5: a rejection states the period for a new plan

    /** Completed Mon 1 March 2027 with non-compliance: the plan is due Thu 1 April 2027 (before 2 April 00:00). */
    private static AggregateSpec<Optional<AuditRecord>, AuditCommand, AuditEvent, DomainRejection>.Scenario completedOn1March() {
        var audit = AUDITS.given(scheduled("2027-03-01"));
        audit.when(finding("f1", FindingSeverity.MAJOR, "2027-03-01T11:00")).thenAccepted();
        assertEquals(LocalDate.parse("2027-04-01"), audit.when(complete("2027-03-01T15:00", true)).thenState().orElseThrow().planDueOn());
        return audit;
    }

    private static AuditCommand.SubmitPlan plan(String planId, String at) {
        return new AuditCommand.SubmitPlan(planId, List.of(new AuditCommand.MeasureInput(List.of("f1"), "Enforce MFA",
                LocalDate.parse("2027-06-30"))), PROCESSOR, local(at));
    }

    private static AuditCommand.DecidePlan reject(String planId, Integer days, String at) {
        return new AuditCommand.DecidePlan(planId, false, "MFA for the hosting panel too", days, CONTROLLER, local(at));
    }

    @Test
    void a_plan_submitted_in_time_and_rejected_after_the_month_is_not_overdue_before_the_resubmission_period_ends() {
        // Review U5: due 1 April; submitted 20 March, rejected 5 April with 10 days: due Thu 15 April, not overdue on 5 April.
        var audit = completedOn1March();
        audit.when(plan("p1", "2027-03-20T10:00")).thenAccepted();
        audit.when(new AuditCommand.Tick(local("2027-04-02T10:00"))).then();
        audit.when(reject("p1", 10, "2027-04-05T10:00")).then(
                new AuditEvent.PlanDecided("p1", false, "MFA for the hosting panel too", CONTROLLER.subject(), local("2027-04-05T10:00")),
                new AuditEvent.PlanResubmissionRequested("p1", 10, LocalDate.parse("2027-04-15"), local("2027-04-16T00:00"),
                        CONTROLLER.subject(), local("2027-04-05T10:00")));
        AuditRecord rejected = audit.state().orElseThrow();
        assertEquals(false, rejected.planOverdue(local("2027-04-05T10:01")));
        assertEquals(LocalDate.parse("2027-04-15"), rejected.currentPlanDueOn());
        audit.when(new AuditCommand.Tick(local("2027-04-15T23:59"))).then();
        audit.when(new AuditCommand.Tick(local("2027-04-16T00:00")))
                .then(new AuditEvent.PlanOverdue(LocalDate.parse("2027-04-15"), local("2027-04-16T00:00")));
    }

    @Test
    void the_resubmission_period_ends_on_a_working_day() {
        // Rejected Mon 5 April with 5 days: Saturday 10 April moves to Monday 12 April (Reg. 1182/71 art. 3(4)).
        var audit = completedOn1March();
        audit.when(plan("p1", "2027-03-20T10:00")).thenAccepted();
        assertEquals(LocalDate.parse("2027-04-12"), audit.when(reject("p1", 5, "2027-04-05T10:00")).thenState().orElseThrow()
                .currentPlanDueOn());
    }

    @Test
    void a_rejection_states_a_period_of_one_day_to_a_year_and_an_approval_states_none() {
        var audit = completedOn1March();
        audit.when(plan("p1", "2027-03-20T10:00")).thenAccepted();
        audit.when(reject("p1", null, "2027-03-22T10:00")).thenRejected(CommonRejections.FIELD_REQUIRED);
        audit.when(reject("p1", 0, "2027-03-22T10:00")).thenRejected(AuditAggregate.INVALID_RESUBMISSION_PERIOD);
        audit.when(reject("p1", 366, "2027-03-22T10:00")).thenRejected(AuditAggregate.INVALID_RESUBMISSION_PERIOD);
        audit.when(new AuditCommand.DecidePlan("p1", true, null, 10, CONTROLLER, local("2027-03-22T10:00")))
                .thenRejected(AuditAggregate.INVALID_RESUBMISSION_PERIOD);
        for (int days : new int[] {1, 365}) {
            var fresh = completedOn1March();
            fresh.when(plan("p1", "2027-03-20T10:00")).thenAccepted();
            assertEquals(2, fresh.when(reject("p1", days, "2027-03-22T10:00")).thenAccepted().size());
        }
        assertEquals(1, audit.when(new AuditCommand.DecidePlan("p1", true, null, null, CONTROLLER, local("2027-03-22T10:00")))
                .thenAccepted().size());
    }

    @Test
    void a_resubmission_period_never_shortens_the_month_of_art_9_2() {
        var audit = completedOn1March();
        audit.when(plan("p1", "2027-03-05T10:00")).thenAccepted();
        AuditRecord rejected = audit.when(reject("p1", 3, "2027-03-08T10:00")).thenState().orElseThrow();
        assertEquals(LocalDate.parse("2027-04-01"), rejected.currentPlanDueOn());
        audit.when(new AuditCommand.Tick(local("2027-03-20T10:00"))).then();
    }

    @Test
    void a_late_plan_marked_overdue_is_overdue_again_when_its_successor_misses_the_resubmission_period() {
        var audit = completedOn1March();
        audit.when(new AuditCommand.Tick(local("2027-04-02T00:00")))
                .then(new AuditEvent.PlanOverdue(LocalDate.parse("2027-04-01"), local("2027-04-02T00:00")));
        audit.when(plan("p1", "2027-04-02T10:00")).thenAccepted();
        audit.when(reject("p1", 10, "2027-04-05T10:00")).thenAccepted();
        audit.when(new AuditCommand.Tick(local("2027-04-06T10:00"))).then();
        audit.when(new AuditCommand.Tick(local("2027-04-16T00:00")))
                .then(new AuditEvent.PlanOverdue(LocalDate.parse("2027-04-15"), local("2027-04-16T00:00")));
        // A new plan in time is awaiting a decision: never overdue meanwhile.
        audit.when(plan("p2", "2027-04-16T10:00")).thenAccepted();
        audit.when(new AuditCommand.Tick(local("2027-05-20T10:00"))).then();
    }
}
