package eu.dpaledger.audit.domain;

import eu.dpaledger.platform.domain.DomainRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static eu.dpaledger.audit.domain.AuditScheduleTest.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Findings, completion, costs (art. 9.3) and the corrective action plan within a month (art. 9.2). */
class AuditPlanTest {

    static final Actor AUDITOR = new Actor("auditor@firm", "0555555523", Set.of(Actor.AUDITOR));
    static final Actor OTHER_AUDITOR = new Actor("auditor@other", "0123456749", Set.of(Actor.AUDITOR));

    private final List<AuditEvent> history = new ArrayList<>();

    private Optional<AuditRecord> state() {
        return AUDITS.replay(history);
    }

    private List<AuditEvent> run(AuditCommand command) {
        List<AuditEvent> events = AUDITS.decide(command, state());
        history.addAll(events);
        return events;
    }

    private void scheduled(String start) {
        history.add(new AuditEvent.AuditScheduled("a-1", "agr-1", "0207511803", "0428304785", "Europe/Brussels",
                local("2026-12-01T10:00"), local(start + "T10:00"), local(start + "T16:00"), "Hosting", null, "0555555523", null,
                CONTROLLER.subject(), local("2026-12-01T10:00")));
    }

    private AuditEvent.AuditCompleted completed(String completedAt, boolean nonCompliance) {
        Instant at = local(completedAt);
        return (AuditEvent.AuditCompleted) run(new AuditCommand.Complete(at, nonCompliance, ESN, CONTROLLER, at.plusSeconds(60))).get(0);
    }

    @Test
    void completion_on_31_january_puts_the_plan_on_the_last_day_of_february_moved_off_the_weekend() {
        scheduled("2027-01-29");
        // 31 January 2027 + 1 month = 28 February 2027, a Sunday: due Monday 1 March.
        AuditEvent.AuditCompleted e = completed("2027-01-31T12:00", true);
        assertEquals(LocalDate.parse("2027-03-01"), e.planDueOn());
        assertEquals(local("2027-03-02T00:00"), e.planDueAt());
        assertEquals(AuditAggregate.PROCESSOR_COST, e.costBorneBy());
    }

    @Test
    void in_a_leap_year_the_plan_falls_due_on_29_february() {
        scheduled("2028-01-28");
        assertEquals(LocalDate.parse("2028-02-29"), completed("2028-01-31T12:00", true).planDueOn());
    }

    @Test
    void an_audit_that_finds_compliance_costs_the_controller_and_needs_no_plan() {
        scheduled("2027-01-29");
        AuditEvent.AuditCompleted e = completed("2027-01-29T15:00", false);
        assertEquals(AuditAggregate.CONTROLLER_COST, e.costBorneBy());
        assertNull(e.planDueOn());
        DomainRejection r = assertThrows(DomainRejection.class, () -> run(new AuditCommand.SubmitPlan("p1",
                List.of(new AuditCommand.MeasureInput(List.of(), "x", LocalDate.parse("2027-03-01"))), PROCESSOR, local("2027-02-01T10:00"))));
        assertEquals(AuditAggregate.NO_PLAN_NEEDED, r.rule());
    }

    @Test
    void the_appointed_auditor_records_findings_another_auditor_firm_may_not() {
        scheduled("2027-01-29");
        assertEquals(1, run(new AuditCommand.RecordFinding("f1", "No MFA on admin accounts", FindingSeverity.MAJOR, "art. 5.1",
                "Admin panel reachable with a password only", AUDITOR, local("2027-01-29T11:00"))).size());
        DomainRejection r = assertThrows(DomainRejection.class, () -> run(new AuditCommand.RecordFinding("f2", "x",
                FindingSeverity.MINOR, null, null, OTHER_AUDITOR, local("2027-01-29T11:00"))));
        assertEquals(AuditAggregate.ONLY_AUDITORS, r.rule());
        r = assertThrows(DomainRejection.class, () -> run(new AuditCommand.RecordFinding("f3", "x", FindingSeverity.MINOR, null,
                null, AUDITOR, local("2027-01-28T11:00"))));
        assertEquals(AuditAggregate.TOO_EARLY, r.rule());
    }

    @Test
    void every_finding_needs_a_measure_and_a_rejected_plan_can_be_resubmitted_without_resetting_the_due_date() {
        scheduled("2027-01-29");
        run(new AuditCommand.RecordFinding("f1", "No MFA", FindingSeverity.MAJOR, "art. 5.1", null, AUDITOR, local("2027-01-29T11:00")));
        run(new AuditCommand.RecordFinding("f2", "Logs kept 7 days", FindingSeverity.MINOR, "art. 5.1", null, AUDITOR, local("2027-01-29T12:00")));
        completed("2027-01-29T16:00", true);
        LocalDate due = state().orElseThrow().planDueOn();
        DomainRejection r = assertThrows(DomainRejection.class, () -> run(new AuditCommand.SubmitPlan("p1",
                List.of(new AuditCommand.MeasureInput(List.of("f1"), "Enforce MFA", LocalDate.parse("2027-02-15"))), PROCESSOR,
                local("2027-02-01T10:00"))));
        assertEquals(AuditAggregate.FINDING_UNCOVERED, r.rule());
        assertEquals(List.of("f2"), r.details().get("uncoveredFindings"));
        run(new AuditCommand.SubmitPlan("p1", List.of(
                new AuditCommand.MeasureInput(List.of("f1"), "Enforce MFA", LocalDate.parse("2027-02-15")),
                new AuditCommand.MeasureInput(List.of("f2"), "Keep logs 12 months", LocalDate.parse("2027-02-20"))), PROCESSOR,
                local("2027-02-01T10:00")));
        assertEquals("PLAN_SUBMITTED", state().orElseThrow().status());
        run(new AuditCommand.DecidePlan("p1", false, "Logs: 12 months is not enough, take 24", CONTROLLER, local("2027-02-02T10:00")));
        assertEquals("PLAN_DUE", state().orElseThrow().status());
        assertEquals(due, state().orElseThrow().planDueOn());
        run(new AuditCommand.SubmitPlan("p2", List.of(
                new AuditCommand.MeasureInput(List.of("f1", "f2"), "MFA and 24 months of logs", LocalDate.parse("2027-02-20"))),
                PROCESSOR, local("2027-02-03T10:00")));
        run(new AuditCommand.DecidePlan("p2", true, null, CONTROLLER, local("2027-02-04T10:00")));
        assertEquals("PLAN_APPROVED", state().orElseThrow().status());
        // The measure's date passes unimplemented: marked once; then implemented and verified, the audit closes.
        assertEquals(List.of(new AuditEvent.MeasureOverdue("p2", "m1", LocalDate.parse("2027-02-20"), local("2027-02-22T10:00"))),
                run(new AuditCommand.Tick(ESN, local("2027-02-22T10:00"))));
        assertEquals(List.of(), run(new AuditCommand.Tick(ESN, local("2027-02-23T10:00"))));
        DomainRejection notYet = assertThrows(DomainRejection.class,
                () -> run(new AuditCommand.VerifyMeasure("p2", "m1", true, null, CONTROLLER, local("2027-02-23T10:00"))));
        assertEquals(AuditAggregate.NOT_IMPLEMENTED, notYet.rule());
        run(new AuditCommand.ReportImplemented("p2", "m1", "Done", PROCESSOR, local("2027-02-24T10:00")));
        run(new AuditCommand.VerifyMeasure("p2", "m1", true, "Checked on site", CONTROLLER, local("2027-02-25T10:00")));
        assertEquals("CLOSED", state().orElseThrow().status());
    }

    @Test
    void a_plan_not_submitted_by_its_due_date_is_marked_overdue_once() {
        scheduled("2027-01-29");
        completed("2027-01-31T12:00", true);
        assertEquals(List.of(), run(new AuditCommand.Tick(ESN, local("2027-03-01T23:59"))));
        assertEquals(List.of(new AuditEvent.PlanOverdue(LocalDate.parse("2027-03-01"), local("2027-03-02T00:00"))),
                run(new AuditCommand.Tick(ESN, local("2027-03-02T00:00"))));
        assertEquals(List.of(), run(new AuditCommand.Tick(ESN, local("2027-03-03T00:00"))));
    }
}
