package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.audit.AuditRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An audit as the parties (and its appointed auditor) see it: schedule, findings, completion, costs, plans, what is overdue. */
@Schema(name = "AuditView")
record AuditView(@Schema(required = true, format = "uuid") String id,
                 @Schema(required = true, format = "uuid") String agreementId,
                 @Schema(required = true, description = "The stream version, also the ETag") long version,
                 @Schema(required = true, enumeration = {"SCHEDULED", "CANCELLED", "COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED",
                         "PLAN_APPROVED", "CLOSED"}) String status,
                 @Schema(required = true) Schedule schedule,
                 @Schema(required = true) List<AuditRecord.Finding> findings,
                 @Schema(nullable = true, description = "Null until the audit is completed") Completion completion,
                 @Schema(required = true) Cost cost,
                 @Schema(required = true) List<AuditRecord.Plan> plans,
                 @Schema(required = true) Overdue overdue) {

    /** When and where, with the written notice it was scheduled on (DPA art. 9.1), in the agreement's time zone. */
    record Schedule(@Schema(required = true) Instant noticeGivenAt,
                    @Schema(required = true) Instant start,
                    @Schema(required = true) Instant end,
                    @Schema(required = true, example = "Europe/Brussels") String timeZone,
                    @Schema(nullable = true) String scope,
                    @Schema(nullable = true) String location,
                    @Schema(nullable = true, description = "Enterprise number of the appointed audit firm") String auditorOrg,
                    @Schema(nullable = true, description = "Why office hours or working days were not kept (mandatory requirements)")
                    String overrideJustification,
                    @Schema(nullable = true) String cancellationReason) {
    }

    /**
     * The completion: non-compliance makes a corrective action plan due in one month (DPA art. 9.2); after a rejection
     * the current due date is the period the controller stated for the new plan, else the month's.
     */
    record Completion(@Schema(required = true) Instant completedAt,
                      @Schema(required = true) boolean nonCompliance,
                      @Schema(nullable = true) LocalDate planDueOn,
                      @Schema(nullable = true) Instant planDueAt,
                      @Schema(nullable = true) LocalDate currentPlanDueOn,
                      @Schema(nullable = true) Instant currentPlanDueAt) {
    }

    /** Who bears the audit's cost and why (DPA art. 9.3). */
    record Cost(@Schema(required = true, enumeration = {"CONTROLLER", "PROCESSOR"}) String borneBy,
                @Schema(required = true) String basis) {
    }

    /** What is overdue: the plan, and the measures by id. */
    record Overdue(@Schema(required = true) boolean plan, @Schema(required = true) List<String> measures) {
    }

    static AuditView of(AuditRecord a, long version, Instant now) {
        Schedule schedule = new Schedule(a.noticeGivenAt(), a.start(), a.end(), a.zone().getId(), a.scope(), a.location(),
                a.auditorOrg(), a.overrideJustification(), a.cancellationReason());
        Completion completion = a.completedAt() == null ? null : new Completion(a.completedAt(), a.nonCompliance(), a.planDueOn(),
                a.planDueAt(), a.currentPlanDueOn(), a.currentPlanDueAt());
        Cost cost = new Cost(a.costBorneBy() == null ? "CONTROLLER" : a.costBorneBy(), a.costBasis() == null
                ? "Art. 9.3: the controller bears the cost unless the audit establishes non-compliance (not completed yet)"
                : a.costBasis());
        LocalDate today = now.atZone(a.zone()).toLocalDate();
        Overdue overdue = new Overdue(a.planOverdue(now), a.overdueMeasures(today).stream().map(AuditRecord.Measure::measureId).toList());
        return new AuditView(a.auditId(), a.agreementId(), version, a.status(), schedule, a.findings(), completion, cost, a.plans(),
                overdue);
    }
}
