package eu.dpaledger.audit.domain.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What happened to an audit; the record's simple name is the event type. */
public sealed interface AuditEvent {

    record AuditScheduled(String auditId, String agreementId, String controllerOrg, String processorOrg, String timeZone,
                          Instant noticeGivenAt, Instant start, Instant end, String scope, String location, String auditorOrg,
                          String overrideJustification, String scheduledBy, Instant at) implements AuditEvent {
    }

    record AuditRescheduled(Instant noticeGivenAt, Instant start, Instant end, String overrideJustification, String reason,
                            String rescheduledBy, Instant at) implements AuditEvent {
    }

    record AuditCancelled(String reason, String cancelledBy, Instant at) implements AuditEvent {
    }

    record FindingRecorded(String findingId, String title, FindingSeverity severity, String articleRef, String description,
                           String recordedBy, Instant at) implements AuditEvent {
    }

    /**
     * The audit is complete. With non-compliance the deficiencies are established: the plan is due
     * {@code planDueOn} (one month, month rule, moved to a working day; art. 9.2) and the processor bears
     * the audit's cost (art. 9.3); otherwise the controller does.
     */
    record AuditCompleted(Instant completedAt, boolean nonCompliance, LocalDate planDueOn, Instant planDueAt,
                          String costBorneBy, String costBasis, String completedBy, Instant at) implements AuditEvent {
    }

    record PlanSubmitted(String planId, List<Measure> measures, String submittedBy, Instant at) implements AuditEvent {
    }

    /** One measure of a plan, as stored. */
    record Measure(String measureId, List<String> findingIds, String description, LocalDate dueDate) {
    }

    record PlanDecided(String planId, boolean approved, String comments, String decidedBy, Instant at) implements AuditEvent {
    }

    /**
     * With a rejection, the controller asks for a new plan within {@code periodDays} days (DPA art. 9.2): counted from
     * the day after the rejection and moved off Saturdays, Sundays and public holidays (Reg. 1182/71 art. 3), the
     * new plan is due on {@code dueOn}, i.e. before {@code dueAt}.
     */
    record PlanResubmissionRequested(String planId, int periodDays, LocalDate dueOn, Instant dueAt, String requestedBy, Instant at)
            implements AuditEvent {
    }

    record MeasureImplemented(String planId, String measureId, String note, String reportedBy, Instant at) implements AuditEvent {
    }

    record MeasureVerified(String planId, String measureId, boolean verified, String comments, String verifiedBy, Instant at)
            implements AuditEvent {
    }

    record PlanOverdue(LocalDate planDueOn, Instant at) implements AuditEvent {
    }

    record MeasureOverdue(String planId, String measureId, LocalDate dueDate, Instant at) implements AuditEvent {
    }
}
