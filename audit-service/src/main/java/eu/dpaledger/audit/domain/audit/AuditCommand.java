package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What can be asked of an audit. {@code at} is the server's time of the request. A command that checks dates
 * against art. 9 takes the processor's working calendar (public holidays, its closing days, office hours) in the
 * agreement's zone.
 */
public sealed interface AuditCommand {

    /** The controller schedules an audit after written notice (art. 9.1). */
    record Schedule(String auditId, AgreementFacts agreement, WorkingCalendar processorCalendar, Instant noticeGivenAt,
                    Instant start, Instant end, String scope, String location, String auditorOrg, String overrideJustification,
                    Actor actor, Instant at)
            implements AuditCommand {
    }

    /** The controller moves the audit; the same rules apply (a new notice may be given). */
    record Reschedule(WorkingCalendar processorCalendar, Instant noticeGivenAt, Instant start, Instant end,
                      String overrideJustification, String reason, Actor actor, Instant at) implements AuditCommand {
    }

    record Cancel(String reason, Actor actor, Instant at) implements AuditCommand {
    }

    /** The controller or the appointed auditor records a finding, during or after the audit. */
    record RecordFinding(String findingId, String title, FindingSeverity severity, String articleRef, String description,
                         Actor actor, Instant at) implements AuditCommand {
    }

    /** Completion establishes whether the processor complies; non-compliance sets the plan's month running (art. 9.2). */
    record Complete(Instant completedAt, Boolean nonCompliance, WorkingCalendar processorCalendar, Actor actor, Instant at)
            implements AuditCommand {
    }

    /** The processor submits a corrective action plan covering every finding (art. 9.2). */
    record SubmitPlan(String planId, List<MeasureInput> measures, Actor actor, Instant at) implements AuditCommand {
    }

    /** One measure of a plan as submitted. */
    record MeasureInput(List<String> findingIds, String description, LocalDate dueDate) {
    }

    /**
     * The controller approves or rejects a plan (art. 9.2: for its assessment and approval). A rejection states
     * {@code resubmissionDays}, the reasonable period for a new plan; an approval states none.
     */
    record DecidePlan(String planId, Boolean approved, String comments, Integer resubmissionDays, Actor actor, Instant at)
            implements AuditCommand {
    }

    /** The processor reports a measure implemented. */
    record ReportImplemented(String planId, String measureId, String note, Actor actor, Instant at) implements AuditCommand {
    }

    /** The controller verifies an implemented measure. */
    record VerifyMeasure(String planId, String measureId, Boolean verified, String comments, Actor actor, Instant at)
            implements AuditCommand {
    }

    /** The scheduler: marks an overdue plan and overdue measures, once each. */
    record Tick(Instant at) implements AuditCommand {
    }
}
