package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Parties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything known about one audit: its agreement's parties, its schedule, findings, completion, costs and corrective
 * action plans. {@code scheduleRecordedAt} is when the current schedule (the first or the last move) was recorded.
 */
public record AuditRecord(
        String auditId,
        String agreementId,
        Parties parties,
        ZoneId zone,
        Instant noticeGivenAt,
        Instant start,
        Instant end,
        String scope,
        String location,
        String auditorOrg,
        String overrideJustification,
        String scheduledBy,
        Instant scheduleRecordedAt,
        String cancellationReason,
        List<Finding> findings,
        Instant completedAt,
        boolean nonCompliance,
        LocalDate planDueOn,
        Instant planDueAt,
        String costBorneBy,
        String costBasis,
        List<Plan> plans,
        boolean planOverdueMarked) {

    public AuditRecord {
        findings = List.copyOf(findings);
        plans = List.copyOf(plans);
    }

    public record Finding(String findingId, String title, FindingSeverity severity, String articleRef, String description,
                          String recordedBy, Instant at) {
    }

    public record Measure(String measureId, List<String> findingIds, String description, LocalDate dueDate,
                          Instant implementedAt, String implementationNote, Boolean verified, String verificationComments,
                          Instant verifiedAt, boolean overdueMarked) {

        Measure implemented(String note, Instant at) {
            return new Measure(measureId, findingIds, description, dueDate, at, note, verified, verificationComments, verifiedAt,
                    overdueMarked);
        }

        Measure verification(boolean ok, String comments, Instant at) {
            return new Measure(measureId, findingIds, description, dueDate, implementedAt, implementationNote, ok, comments, at,
                    overdueMarked);
        }

        Measure overdue() {
            return new Measure(measureId, findingIds, description, dueDate, implementedAt, implementationNote, verified,
                    verificationComments, verifiedAt, true);
        }
    }

    /**
     * A plan and the controller's decision on it (null while pending); a rejected plan names when its successor is
     * due ({@code resubmissionDueOn}, before {@code resubmissionDueAt}; null on plans rejected before that rule).
     */
    public record Plan(String planId, List<Measure> measures, String submittedBy, Instant submittedAt, Boolean approved,
                       String comments, String decidedBy, Instant decidedAt, LocalDate resubmissionDueOn, Instant resubmissionDueAt) {

        Plan decided(boolean ok, String decisionComments, String by, Instant at) {
            return new Plan(planId, measures, submittedBy, submittedAt, ok, decisionComments, by, at, resubmissionDueOn, resubmissionDueAt);
        }

        Plan withMeasures(List<Measure> newMeasures) {
            return new Plan(planId, newMeasures, submittedBy, submittedAt, approved, comments, decidedBy, decidedAt, resubmissionDueOn,
                    resubmissionDueAt);
        }

        Plan resubmissionDue(LocalDate dueOn, Instant dueAt) {
            return new Plan(planId, measures, submittedBy, submittedAt, approved, comments, decidedBy, decidedAt, dueOn, dueAt);
        }

        public boolean pending() {
            return approved == null;
        }
    }

    public String status() {
        if (cancellationReason != null) {
            return "CANCELLED";
        }
        if (completedAt == null) {
            return "SCHEDULED";
        }
        if (!nonCompliance) {
            return "COMPLETED";
        }
        if (approvedPlan().isPresent()) {
            return approvedPlan().get().measures().stream().allMatch(m -> Boolean.TRUE.equals(m.verified()))
                    ? "CLOSED" : "PLAN_APPROVED";
        }
        return pendingPlan().isPresent() ? "PLAN_SUBMITTED" : "PLAN_DUE";
    }

    public Optional<Plan> pendingPlan() {
        return plans.stream().filter(Plan::pending).findFirst();
    }

    public Optional<Plan> approvedPlan() {
        return plans.stream().filter(p -> Boolean.TRUE.equals(p.approved())).findFirst();
    }

    public Optional<Plan> plan(String planId) {
        return plans.stream().filter(p -> p.planId().equals(planId)).findFirst();
    }

    /** A plan is owed: deficiencies established and no plan approved or awaiting a decision. */
    public boolean planOwed() {
        return nonCompliance && approvedPlan().isEmpty() && pendingPlan().isEmpty();
    }

    /**
     * When a plan is owed now (DPA art. 9.2): the month after completion; once a plan was rejected, the resubmission
     * period the controller stated, but never before that month has run.
     */
    public Instant currentPlanDueAt() {
        return resubmissionInForce().map(Plan::resubmissionDueAt).orElse(planDueAt);
    }

    /** The day {@link #currentPlanDueAt()} ends. */
    public LocalDate currentPlanDueOn() {
        return resubmissionInForce().map(Plan::resubmissionDueOn).orElse(planDueOn);
    }

    /** The last plan submitted, if it was rejected with a period for its successor that ends after the month. */
    private Optional<Plan> resubmissionInForce() {
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1))
                .filter(p -> Boolean.FALSE.equals(p.approved()) && p.resubmissionDueAt() != null)
                .filter(p -> planDueAt == null || p.resubmissionDueAt().isAfter(planDueAt));
    }

    /** A plan is owed and its current due moment has passed; a plan awaiting a decision is never overdue. */
    public boolean planOverdue(Instant now) {
        Instant due = currentPlanDueAt();
        return planOwed() && due != null && !now.isBefore(due);
    }

    /** Measures of the approved plan past their date and not implemented. */
    public List<Measure> overdueMeasures(LocalDate today) {
        return approvedPlan().map(p -> p.measures().stream()
                .filter(m -> m.implementedAt() == null && m.dueDate() != null && m.dueDate().isBefore(today)).toList())
                .orElse(List.of());
    }

    /** An auditor (role) of the audit firm the controller appointed for this audit (organisation); art. 9.1. */
    public boolean appointedAuditor(Actor actor) {
        return actor.acts(Actor.AUDITOR, auditorOrg);
    }

    AuditRecord rescheduled(Instant notice, Instant newStart, Instant newEnd, String override, Instant recordedAt) {
        return new AuditRecord(auditId, agreementId, parties, zone, notice, newStart, newEnd, scope, location,
                auditorOrg, override, scheduledBy, recordedAt, cancellationReason, findings, completedAt, nonCompliance, planDueOn,
                planDueAt, costBorneBy, costBasis, plans, planOverdueMarked);
    }

    AuditRecord cancelled(String reason) {
        return new AuditRecord(auditId, agreementId, parties, zone, noticeGivenAt, start, end, scope, location,
                auditorOrg, overrideJustification, scheduledBy, scheduleRecordedAt, reason, findings, completedAt, nonCompliance, planDueOn,
                planDueAt, costBorneBy, costBasis, plans, planOverdueMarked);
    }

    AuditRecord withFinding(Finding finding) {
        List<Finding> all = new ArrayList<>(findings);
        all.add(finding);
        return new AuditRecord(auditId, agreementId, parties, zone, noticeGivenAt, start, end, scope, location,
                auditorOrg, overrideJustification, scheduledBy, scheduleRecordedAt, cancellationReason, all, completedAt, nonCompliance, planDueOn,
                planDueAt, costBorneBy, costBasis, plans, planOverdueMarked);
    }

    AuditRecord completed(Instant at, boolean deficient, LocalDate dueOn, Instant dueAt, String bearer, String basis) {
        return new AuditRecord(auditId, agreementId, parties, zone, noticeGivenAt, start, end, scope, location,
                auditorOrg, overrideJustification, scheduledBy, scheduleRecordedAt, cancellationReason, findings, at, deficient, dueOn, dueAt, bearer,
                basis, plans, planOverdueMarked);
    }

    AuditRecord planOverdueMarkedNow() {
        return new AuditRecord(auditId, agreementId, parties, zone, noticeGivenAt, start, end, scope, location,
                auditorOrg, overrideJustification, scheduledBy, scheduleRecordedAt, cancellationReason, findings, completedAt, nonCompliance,
                planDueOn, planDueAt, costBorneBy, costBasis, plans, true);
    }

    /** A new due moment (a resubmission period) can be missed again. */
    AuditRecord planOverdueUnmarked() {
        return new AuditRecord(auditId, agreementId, parties, zone, noticeGivenAt, start, end, scope, location,
                auditorOrg, overrideJustification, scheduledBy, scheduleRecordedAt, cancellationReason, findings, completedAt, nonCompliance,
                planDueOn, planDueAt, costBorneBy, costBasis, plans, false);
    }

    AuditRecord withPlans(List<Plan> newPlans) {
        return new AuditRecord(auditId, agreementId, parties, zone, noticeGivenAt, start, end, scope, location,
                auditorOrg, overrideJustification, scheduledBy, scheduleRecordedAt, cancellationReason, findings, completedAt, nonCompliance,
                planDueOn, planDueAt, costBorneBy, costBasis, newPlans, planOverdueMarked);
    }

    AuditRecord replacePlan(Plan plan) {
        List<Plan> all = new ArrayList<>();
        for (Plan p : plans) {
            all.add(p.planId().equals(plan.planId()) ? plan : p);
        }
        return withPlans(all);
    }
}
