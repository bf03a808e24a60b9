package eu.dpaledger.audit.domain.audit;

import eu.dpaledger.audit.domain.audit.AuditCommand.Cancel;
import eu.dpaledger.audit.domain.audit.AuditCommand.Complete;
import eu.dpaledger.audit.domain.audit.AuditCommand.DecidePlan;
import eu.dpaledger.audit.domain.audit.AuditCommand.RecordFinding;
import eu.dpaledger.audit.domain.audit.AuditCommand.ReportImplemented;
import eu.dpaledger.audit.domain.audit.AuditCommand.Reschedule;
import eu.dpaledger.audit.domain.audit.AuditCommand.Schedule;
import eu.dpaledger.audit.domain.audit.AuditCommand.SubmitPlan;
import eu.dpaledger.audit.domain.audit.AuditCommand.Tick;
import eu.dpaledger.audit.domain.audit.AuditCommand.VerifyMeasure;
import eu.dpaledger.audit.domain.audit.AuditEvent.AuditCancelled;
import eu.dpaledger.audit.domain.audit.AuditEvent.AuditCompleted;
import eu.dpaledger.audit.domain.audit.AuditEvent.AuditRescheduled;
import eu.dpaledger.audit.domain.audit.AuditEvent.AuditScheduled;
import eu.dpaledger.audit.domain.audit.AuditEvent.FindingRecorded;
import eu.dpaledger.audit.domain.audit.AuditEvent.MeasureImplemented;
import eu.dpaledger.audit.domain.audit.AuditEvent.MeasureOverdue;
import eu.dpaledger.audit.domain.audit.AuditEvent.MeasureVerified;
import eu.dpaledger.audit.domain.audit.AuditEvent.PlanDecided;
import eu.dpaledger.audit.domain.audit.AuditEvent.PlanOverdue;
import eu.dpaledger.audit.domain.audit.AuditEvent.PlanResubmissionRequested;
import eu.dpaledger.audit.domain.audit.AuditEvent.PlanSubmitted;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An audit (art. 9) as decide/evolve: scheduled by the controller with 10 days' notice on the
 * processor's working days, findings by the controller or its appointed auditor, completion (which
 * establishes deficiencies and who bears the cost), the processor's corrective action plan within a
 * month, the controller's decision, implementation and verification of each measure.
 */
public final class AuditAggregate implements Aggregate<Optional<AuditRecord>, AuditCommand, AuditEvent> {

    public static final String ONLY_CONTROLLER = "only-controller-schedules-and-decides";
    public static final String ONLY_AUDITORS = "only-controller-or-appointed-auditor";
    public static final String ONLY_PROCESSOR = "only-processor-submits-plans";
    public static final String NOT_IN_FORCE = CommonRejections.AGREEMENT_NOT_IN_FORCE;
    public static final String AUDIT_CLOSED = "audit-not-open";
    public static final String TOO_EARLY = "audit-not-started";
    public static final String NO_PLAN_NEEDED = "no-plan-needed";
    public static final String PLAN_PENDING = "plan-awaiting-decision";
    public static final String FINDING_UNCOVERED = "finding-not-covered";
    public static final String UNKNOWN_FINDING = "unknown-finding";
    public static final String UNKNOWN_PLAN = "unknown-plan-or-measure";
    public static final String PLAN_NOT_APPROVED = "plan-not-approved";
    public static final String NOT_IMPLEMENTED = "measure-not-implemented";
    public static final String SERIOUS_FINDING = "serious-finding-requires-plan";
    public static final String INVALID_RESUBMISSION_PERIOD = "invalid-resubmission-period";
    /** The longest period for resubmitting a rejected plan the controller may state (a year). */
    static final int MAX_RESUBMISSION_DAYS = 365;
    public static final String CONTROLLER_COST = "CONTROLLER";
    public static final String PROCESSOR_COST = "PROCESSOR";

    @Override
    public Optional<AuditRecord> initial() {
        return Optional.empty();
    }

    @Override
    public Class<AuditEvent> eventType() {
        return AuditEvent.class;
    }

    @Override
    public List<AuditEvent> decide(AuditCommand command, Optional<AuditRecord> state) {
        if (command instanceof Schedule c) {
            if (state.isPresent()) {
                throw DomainRejection.stateConflict("audit-already-exists", "Already exists", "An audit with this id exists");
            }
            return schedule(c);
        }
        AuditRecord audit = state.orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found",
                "Not found", "The audit does not exist"));
        if (command instanceof Reschedule c) {
            requireController(c.actor(), audit);
            requireScheduled(audit);
            boolean override = hasText(c.overrideJustification());
            AuditSchedulePolicy.checkNewNotice(c.noticeGivenAt(), audit.noticeGivenAt(), audit.scheduleRecordedAt(), c.processorCalendar(), c.at());
            AuditSchedulePolicy.check(c.noticeGivenAt(), c.start(), c.end(), override, c.processorCalendar(), c.at());
            return List.of(new AuditRescheduled(c.noticeGivenAt(), c.start(), c.end(), override ? c.overrideJustification().trim() : null,
                    text(c.reason()), c.actor().subject(), c.at()));
        }
        if (command instanceof Cancel c) {
            requireController(c.actor(), audit);
            requireScheduled(audit);
            requireText(c.reason(), "reason");
            return List.of(new AuditCancelled(c.reason().trim(), c.actor().subject(), c.at()));
        }
        if (command instanceof RecordFinding c) {
            return finding(c, audit);
        }
        if (command instanceof Complete c) {
            return complete(c, audit);
        }
        if (command instanceof SubmitPlan c) {
            return submit(c, audit);
        }
        if (command instanceof DecidePlan c) {
            requireController(c.actor(), audit);
            AuditRecord.Plan plan = audit.plan(c.planId()).filter(AuditRecord.Plan::pending).orElseThrow(() ->
                    DomainRejection.stateConflict(UNKNOWN_PLAN, "No such pending plan", "Plan " + c.planId() + " is not awaiting a decision"));
            if (c.approved() == null) {
                throw AuditSchedulePolicy.required("approved");
            }
            if (!c.approved() && !hasText(c.comments())) {
                throw AuditSchedulePolicy.required("comments");
            }
            PlanDecided decided = new PlanDecided(plan.planId(), c.approved(), text(c.comments()), c.actor().subject(), c.at());
            if (c.approved()) {
                if (c.resubmissionDays() != null) {
                    throw DomainRejection.invalidField(INVALID_RESUBMISSION_PERIOD, "No resubmission after an approval", "resubmissionDays",
                            "only a rejection states a period for resubmitting the plan");
                }
                return List.of(decided);
            }
            return List.of(decided, resubmission(c, audit));
        }
        if (command instanceof ReportImplemented c) {
            if (!audit.parties().processedBy(c.actor())) {
                throw CommonRejections.wrongParty(ONLY_PROCESSOR, "Only the agreement's processor reports its measures implemented");
            }
            AuditRecord.Measure m = approvedMeasure(audit, c.planId(), c.measureId());
            if (m.implementedAt() != null) {
                throw DomainRejection.stateConflict("measure-already-implemented", "Already reported", "The measure was reported implemented");
            }
            return List.of(new MeasureImplemented(c.planId(), c.measureId(), text(c.note()), c.actor().subject(), c.at()));
        }
        if (command instanceof VerifyMeasure c) {
            requireController(c.actor(), audit);
            AuditRecord.Measure m = approvedMeasure(audit, c.planId(), c.measureId());
            if (m.implementedAt() == null) {
                throw DomainRejection.stateConflict(NOT_IMPLEMENTED, "Not implemented yet", "The processor has not reported the measure implemented");
            }
            if (c.verified() == null) {
                throw AuditSchedulePolicy.required("verified");
            }
            return List.of(new MeasureVerified(c.planId(), c.measureId(), c.verified(), text(c.comments()), c.actor().subject(), c.at()));
        }
        if (command instanceof Tick c) {
            return tick(c, audit);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static List<AuditEvent> schedule(Schedule c) {
        AgreementFacts agreement = c.agreement();
        // Art. 9.1: the controller (or an auditor it appoints) audits; the controller schedules.
        if (!agreement.parties().controlledBy(c.actor())) {
            throw CommonRejections.wrongParty(ONLY_CONTROLLER, "Only the agreement's controller schedules an audit");
        }
        // DPA art. 9 survives termination (DPA art. 3.2); a draft binds nobody.
        if (!agreement.wasSigned()) {
            throw CommonRejections.agreementNotInForce("Audits are possible on active, terminated or closed agreements",
                    agreement.status());
        }
        requireText(c.scope(), "scope");
        boolean override = hasText(c.overrideJustification());
        AuditSchedulePolicy.check(c.noticeGivenAt(), c.start(), c.end(), override, c.processorCalendar(), c.at());
        String auditor = hasText(c.auditorOrg()) ? c.auditorOrg().trim() : null;
        return List.of(new AuditScheduled(c.auditId(), agreement.agreementId(), agreement.controllerOrg(), agreement.processorOrg(),
                c.processorCalendar().zone().getId(), c.noticeGivenAt(), c.start(), c.end(), c.scope().trim(),
                text(c.location()), auditor, override ? c.overrideJustification().trim() : null, c.actor().subject(), c.at()));
    }

    private static List<AuditEvent> finding(RecordFinding c, AuditRecord audit) {
        requireAuditor(c.actor(), audit);
        if (audit.cancellationReason() != null) {
            throw DomainRejection.stateConflict(AUDIT_CLOSED, "Audit cancelled", "A cancelled audit takes no findings");
        }
        if (c.at().isBefore(audit.start())) {
            throw DomainRejection.stateConflict(TOO_EARLY, "The audit has not started",
                    "Findings are recorded during or after the audit, which starts at " + audit.start());
        }
        requireText(c.title(), "title");
        if (c.severity() == null) {
            throw AuditSchedulePolicy.required("severity");
        }
        // DPA art. 9.2, 9.3: an audit completed as compliant cannot take a deficiency afterwards (it would owe no plan).
        if (audit.completedAt() != null && !audit.nonCompliance() && c.severity().serious()) {
            String detail = "DPA art. 9.2, 9.3: the audit was completed as compliant; a " + c.severity()
                    + " finding establishes deficiencies, which need a corrective action plan: record it under a new audit";
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, SERIOUS_FINDING, "Serious findings establish non-compliance",
                    detail, Map.of("violations", List.of(Map.of("field", "severity", "message", detail))));
        }
        return List.of(new FindingRecorded(c.findingId(), c.title().trim(), c.severity(), text(c.articleRef()), text(c.description()),
                c.actor().subject(), c.at()));
    }

    private static List<AuditEvent> complete(Complete c, AuditRecord audit) {
        requireAuditor(c.actor(), audit);
        requireScheduled(audit);
        if (c.completedAt() == null) {
            throw AuditSchedulePolicy.required("completedAt");
        }
        if (c.nonCompliance() == null) {
            throw AuditSchedulePolicy.required("nonCompliance");
        }
        if (c.completedAt().isAfter(c.at()) || c.completedAt().isBefore(audit.start())) {
            throw DomainRejection.invalidField("invalid-completion", "Completion outside the audit", "completedAt",
                    "must lie between the audit's start and now");
        }
        // DPA art. 9.2, 9.3: a MAJOR or CRITICAL finding is a deficiency: a plan is owed and the processor pays.
        List<String> serious = audit.findings().stream().filter(f -> f.severity().serious()).map(AuditRecord.Finding::findingId).toList();
        if (!c.nonCompliance() && !serious.isEmpty()) {
            String detail = "DPA art. 9.2, 9.3: an audit with a MAJOR or CRITICAL finding establishes deficiencies; it cannot be completed "
                    + "as compliant (nonCompliance must be true: a corrective action plan is owed and the processor bears the cost); "
                    + "serious findings: " + serious;
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, SERIOUS_FINDING, "Serious findings establish non-compliance",
                    detail, Map.of("seriousFindings", serious,
                            "violations", List.of(Map.of("field", "nonCompliance", "message", detail))));
        }
        if (c.nonCompliance()) {
            // DPA art. 9.2: a plan within one month after the deficiencies were established; Reg. 1182/71 art. 3(4) moves
            // its end only off Saturdays, Sundays and public holidays, never off the processor's own closing days.
            WorkingCalendar calendar = c.processorCalendar();
            LocalDate dueOn = Periods.lastDay(LegalClock.CORRECTIVE_ACTION_PLAN.rule(), calendar.dateOf(c.completedAt()), calendar);
            return List.of(new AuditCompleted(c.completedAt(), true, dueOn, calendar.endOfDay(dueOn), PROCESSOR_COST,
                    "Art. 9.3: the audit established that the processor does not comply", c.actor().subject(), c.at()));
        }
        return List.of(new AuditCompleted(c.completedAt(), false, null, null, CONTROLLER_COST,
                "Art. 9.3: the controller bears the cost of an audit that establishes compliance", c.actor().subject(), c.at()));
    }

    private static List<AuditEvent> submit(SubmitPlan c, AuditRecord audit) {
        if (!audit.parties().processedBy(c.actor())) {
            throw CommonRejections.wrongParty(ONLY_PROCESSOR, "Only the agreement's processor submits a corrective action plan");
        }
        if (audit.completedAt() == null || !audit.nonCompliance()) {
            throw DomainRejection.stateConflict(NO_PLAN_NEEDED, "No plan needed", "No deficiencies were established for this audit");
        }
        if (audit.pendingPlan().isPresent()) {
            throw DomainRejection.stateConflict(PLAN_PENDING, "A plan awaits a decision", "Wait for the controller's decision on the plan submitted");
        }
        if (audit.approvedPlan().isPresent()) {
            throw DomainRejection.stateConflict("plan-already-approved", "A plan was approved", "The corrective action plan was already approved");
        }
        if (c.measures() == null || c.measures().isEmpty()) {
            throw AuditSchedulePolicy.required("measures");
        }
        Set<String> known = new HashSet<>();
        audit.findings().forEach(f -> known.add(f.findingId()));
        Set<String> covered = new HashSet<>();
        List<AuditEvent.Measure> measures = new ArrayList<>();
        for (int i = 0; i < c.measures().size(); i++) {
            AuditCommand.MeasureInput m = c.measures().get(i);
            if (m == null || !hasText(m.description())) {
                throw AuditSchedulePolicy.required("measures[" + i + "].description");
            }
            if (m.dueDate() == null) {
                throw AuditSchedulePolicy.required("measures[" + i + "].dueDate");
            }
            List<String> ids = m.findingIds() == null ? List.of() : List.copyOf(m.findingIds());
            for (String id : ids) {
                if (!known.contains(id)) {
                    throw DomainRejection.invalidField(UNKNOWN_FINDING, "Unknown finding", "measures[" + i + "].findingIds",
                            id + " is not a finding of this audit");
                }
            }
            covered.addAll(ids);
            measures.add(new AuditEvent.Measure("m" + (i + 1), ids, m.description().trim(), m.dueDate()));
        }
        List<String> uncovered = audit.findings().stream().map(AuditRecord.Finding::findingId).filter(id -> !covered.contains(id)).toList();
        if (!uncovered.isEmpty()) {
            throw new DomainRejection(DomainRejection.Kind.INVALID, FINDING_UNCOVERED, "A finding has no measure",
                    "Every finding must be covered by a measure; not covered: " + uncovered,
                    Map.of("uncoveredFindings", uncovered, "violations", List.of(Map.of("field", "measures", "message", "findings not covered: " + uncovered))));
        }
        return List.of(new PlanSubmitted(c.planId(), measures, c.actor().subject(), c.at()));
    }

    /**
     * DPA art. 9.2: the controller who rejects a plan states a reasonable period for a new one, counted in days on the
     * Belgian calendar in the agreement's zone (Reg. 1182/71 art. 3; the processor's closing days do not count).
     */
    private static PlanResubmissionRequested resubmission(DecidePlan c, AuditRecord audit) {
        if (c.resubmissionDays() == null) {
            throw AuditSchedulePolicy.required("resubmissionDays");
        }
        if (c.resubmissionDays() < 1 || c.resubmissionDays() > MAX_RESUBMISSION_DAYS) {
            throw DomainRejection.invalidField(INVALID_RESUBMISSION_PERIOD, "Invalid resubmission period", "resubmissionDays",
                    "DPA art. 9.2: a rejection states a reasonable period for the new plan, from 1 to " + MAX_RESUBMISSION_DAYS + " days");
        }
        WorkingCalendar calendar = WorkingCalendar.belgium(audit.zone());
        LocalDate dueOn = Periods.lastDay(LegalClock.agreementDays(c.resubmissionDays()), calendar.dateOf(c.at()), calendar);
        return new PlanResubmissionRequested(c.planId(), c.resubmissionDays(), dueOn, calendar.endOfDay(dueOn), c.actor().subject(), c.at());
    }

    private static List<AuditEvent> tick(Tick c, AuditRecord audit) {
        List<AuditEvent> events = new ArrayList<>();
        if (!audit.planOverdueMarked() && audit.planOverdue(c.at())) {
            events.add(new PlanOverdue(audit.currentPlanDueOn(), c.at()));
        }
        LocalDate today = c.at().atZone(audit.zone()).toLocalDate();
        audit.approvedPlan().ifPresent(plan -> audit.overdueMeasures(today).stream().filter(m -> !m.overdueMarked())
                .forEach(m -> events.add(new MeasureOverdue(plan.planId(), m.measureId(), m.dueDate(), c.at()))));
        return events;
    }

    // ------------------------------------------------------------------ evolve

    @Override
    public Optional<AuditRecord> evolve(Optional<AuditRecord> state, AuditEvent event) {
        if (event instanceof AuditScheduled e) {
            return Optional.of(new AuditRecord(e.auditId(), e.agreementId(), new Parties(e.controllerOrg(), e.processorOrg()),
                    ZoneId.of(e.timeZone()), e.noticeGivenAt(), e.start(), e.end(), e.scope(), e.location(), e.auditorOrg(), e.overrideJustification(),
                    e.scheduledBy(), e.at(), null, List.of(), null, false, null, null, null, null, List.of(), false));
        }
        AuditRecord a = state.orElseThrow(() -> new IllegalStateException(event.getClass().getSimpleName() + " before AuditScheduled"));
        return Optional.of(applied(a, event));
    }

    private static AuditRecord applied(AuditRecord a, AuditEvent event) {
        if (event instanceof AuditRescheduled e) {
            return a.rescheduled(e.noticeGivenAt(), e.start(), e.end(), e.overrideJustification(), e.at());
        }
        if (event instanceof AuditCancelled e) {
            return a.cancelled(e.reason());
        }
        if (event instanceof FindingRecorded e) {
            return a.withFinding(new AuditRecord.Finding(e.findingId(), e.title(), e.severity(), e.articleRef(), e.description(),
                    e.recordedBy(), e.at()));
        }
        if (event instanceof AuditCompleted e) {
            return a.completed(e.completedAt(), e.nonCompliance(), e.planDueOn(), e.planDueAt(), e.costBorneBy(), e.costBasis());
        }
        if (event instanceof PlanSubmitted e) {
            List<AuditRecord.Plan> plans = new ArrayList<>(a.plans());
            plans.add(new AuditRecord.Plan(e.planId(), e.measures().stream().map(m -> new AuditRecord.Measure(m.measureId(),
                    m.findingIds(), m.description(), m.dueDate(), null, null, null, null, null, false)).toList(),
                    e.submittedBy(), e.at(), null, null, null, null, null, null));
            return a.withPlans(plans);
        }
        if (event instanceof PlanDecided e) {
            return a.replacePlan(a.plan(e.planId()).orElseThrow().decided(e.approved(), e.comments(), e.decidedBy(), e.at()));
        }
        if (event instanceof PlanResubmissionRequested e) {
            return a.replacePlan(a.plan(e.planId()).orElseThrow().resubmissionDue(e.dueOn(), e.dueAt())).planOverdueUnmarked();
        }
        if (event instanceof MeasureImplemented e) {
            return withMeasure(a, e.planId(), e.measureId(), m -> m.implemented(e.note(), e.at()));
        }
        if (event instanceof MeasureVerified e) {
            return withMeasure(a, e.planId(), e.measureId(), m -> m.verification(e.verified(), e.comments(), e.at()));
        }
        if (event instanceof PlanOverdue) {
            return a.planOverdueMarkedNow();
        }
        if (event instanceof MeasureOverdue e) {
            return withMeasure(a, e.planId(), e.measureId(), AuditRecord.Measure::overdue);
        }
        throw new IllegalArgumentException("unexpected event " + event);
    }

    private static AuditRecord withMeasure(AuditRecord a, String planId, String measureId,
                                           java.util.function.UnaryOperator<AuditRecord.Measure> change) {
        AuditRecord.Plan plan = a.plan(planId).orElseThrow();
        return a.replacePlan(plan.withMeasures(plan.measures().stream()
                .map(m -> m.measureId().equals(measureId) ? change.apply(m) : m).toList()));
    }

    // ------------------------------------------------------------------ rules

    private static AuditRecord.Measure approvedMeasure(AuditRecord audit, String planId, String measureId) {
        AuditRecord.Plan plan = audit.plan(planId).orElseThrow(() -> DomainRejection.stateConflict(UNKNOWN_PLAN,
                "Unknown plan", "No plan " + planId));
        if (!Boolean.TRUE.equals(plan.approved())) {
            throw DomainRejection.stateConflict(PLAN_NOT_APPROVED, "Plan not approved", "Measures are implemented under an approved plan");
        }
        return plan.measures().stream().filter(m -> m.measureId().equals(measureId)).findFirst().orElseThrow(() ->
                DomainRejection.stateConflict(UNKNOWN_PLAN, "Unknown measure", "No measure " + measureId + " in plan " + planId));
    }

    private static void requireController(Actor actor, AuditRecord audit) {
        if (!audit.parties().controlledBy(actor)) {
            throw CommonRejections.wrongParty(ONLY_CONTROLLER, "Only the agreement's controller does this");
        }
    }

    private static void requireAuditor(Actor actor, AuditRecord audit) {
        if (!audit.parties().controlledBy(actor) && !audit.appointedAuditor(actor)) {
            throw CommonRejections.wrongParty(ONLY_AUDITORS, "Only the controller or the auditor it appointed for this audit does this");
        }
    }

    private static void requireScheduled(AuditRecord audit) {
        if (audit.cancellationReason() != null || audit.completedAt() != null) {
            throw DomainRejection.stateConflict(AUDIT_CLOSED, "The audit is " + audit.status(), "This audit can no longer be changed");
        }
    }

    private static void requireText(String value, String field) {
        if (!hasText(value)) {
            throw AuditSchedulePolicy.required(field);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String text(String value) {
        return hasText(value) ? value.trim() : null;
    }
}
