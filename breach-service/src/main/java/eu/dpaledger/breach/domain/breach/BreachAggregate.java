package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.BreachClocks;
import eu.dpaledger.breach.domain.EnisaSeverity;
import eu.dpaledger.breach.domain.ReportRules;
import eu.dpaledger.breach.domain.breach.BreachCommand.Assess;
import eu.dpaledger.breach.domain.breach.BreachCommand.CommunicateToDataSubjects;
import eu.dpaledger.breach.domain.breach.BreachCommand.NotifyAuthority;
import eu.dpaledger.breach.domain.breach.BreachCommand.Phase;
import eu.dpaledger.breach.domain.breach.BreachCommand.Report;
import eu.dpaledger.breach.domain.breach.BreachCommand.SetControllerAwareness;
import eu.dpaledger.breach.domain.breach.BreachCommand.Supplement;
import eu.dpaledger.breach.domain.breach.BreachCommand.Tick;
import eu.dpaledger.breach.domain.breach.BreachEvent.AuthorityNotified;
import eu.dpaledger.breach.domain.breach.BreachEvent.BreachReported;
import eu.dpaledger.breach.domain.breach.BreachEvent.BreachSupplemented;
import eu.dpaledger.breach.domain.breach.BreachEvent.ControllerAwarenessSet;
import eu.dpaledger.breach.domain.breach.BreachEvent.DataSubjectCommunicationExempted;
import eu.dpaledger.breach.domain.breach.BreachEvent.DataSubjectsInformed;
import eu.dpaledger.breach.domain.breach.BreachEvent.NotificationDeadlineApproaching;
import eu.dpaledger.breach.domain.breach.BreachEvent.NotificationDeadlineMissed;
import eu.dpaledger.breach.domain.breach.BreachEvent.RiskAssessed;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A personal data breach (art. 7.3, GDPR 33–34) as decide/evolve: reported by the processor on annex 2
 * within 24 hours of becoming aware, supplemented in phases, assessed by the controller, notified by the
 * controller to its authority within 72 hours and, for a high risk, communicated to the data subjects.
 */
public final class BreachAggregate implements Aggregate<Optional<BreachRecord>, BreachCommand, BreachEvent> {

    public static final String ONLY_PROCESSOR_REPORTS = "only-processor-reports";
    public static final String ONLY_CONTROLLER_DECIDES = "only-controller-assesses-and-notifies";
    public static final String NO_REPORTS_ON_DRAFTS = "agreement-not-in-force";
    public static final String JUSTIFICATION_REQUIRED = "justification-required";
    public static final String DELAY_REASONS_REQUIRED = "delay-reasons-required";
    public static final String NOTIFICATION_ORDER = "notification-phase-out-of-order";
    public static final String NOTIFICATION_CLOSED = "notification-already-final";
    public static final String ALREADY_DECIDED = "data-subjects-already-decided";
    public static final String NOTHING_TO_SUPPLEMENT = "nothing-to-supplement";

    @Override
    public Optional<BreachRecord> initial() {
        return Optional.empty();
    }

    @Override
    public Class<BreachEvent> eventType() {
        return BreachEvent.class;
    }

    // ------------------------------------------------------------------ decide

    @Override
    public List<BreachEvent> decide(BreachCommand command, Optional<BreachRecord> state) {
        if (command instanceof Report c) {
            if (state.isPresent()) {
                throw DomainRejection.stateConflict("breach-already-exists", "Already exists", "A breach with this id exists");
            }
            return report(c);
        }
        BreachRecord breach = state.orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found",
                "Not found", "The breach does not exist"));
        if (command instanceof Supplement c) {
            return supplement(c, breach);
        }
        if (command instanceof Tick c) {
            return tick(c, breach);
        }
        requireController(actorOf(command), breach);
        if (command instanceof SetControllerAwareness c) {
            return awareness(c, breach);
        }
        if (command instanceof Assess c) {
            return assess(c, breach);
        }
        if (command instanceof NotifyAuthority c) {
            return notify(c, breach);
        }
        if (command instanceof CommunicateToDataSubjects c) {
            return communicate(c, breach);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static List<BreachEvent> report(Report c) {
        AgreementFacts agreement = c.agreement();
        // Art. 7.3: the processor reports to the controller.
        if (!agreement.parties().processedBy(c.actor())) {
            throw forbidden(ONLY_PROCESSOR_REPORTS, "Only the agreement's processor reports a breach on annex 2 (art. 7.3)");
        }
        // DPA art. 7 survives termination (DPA art. 3.2), but a draft binds nobody yet.
        if (!agreement.wasSigned()) {
            throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, NO_REPORTS_ON_DRAFTS, "The agreement is not in force",
                    "Breaches are reported on active, terminated or closed agreements; this one is " + agreement.status(),
                    Map.of("agreementStatus", agreement.status()));
        }
        if (c.report() == null) {
            throw ReportRules.required("processorAwareAt");
        }
        ReportRules.check(c.report(), c.at());
        Instant due = BreachClocks.reportDueAt(c.report().processorAwareAt(), agreement.zone());
        return List.of(new BreachReported(c.breachId(), agreement.agreementId(), agreement.controllerOrg(),
                agreement.processorOrg(), agreement.supervisoryAuthority(), agreement.zone().getId(), c.report(), c.actor().subject(),
                c.at(), due, BreachClocks.lateBySeconds(c.at(), due), BreachClocks.notificationDueAt(c.at(), agreement.zone())));
    }

    private static List<BreachEvent> supplement(Supplement c, BreachRecord breach) {
        // GDPR 33(4) through art. 7.3: the processor supplements its report as it learns more.
        if (!breach.parties().processedBy(c.actor())) {
            throw forbidden(ONLY_PROCESSOR_REPORTS, "Only the agreement's processor supplements its report");
        }
        Annex2 changes = c.changes();
        List<String> fields = new ArrayList<>();
        if (changes != null) {
            Map<String, Object> before = breach.report().values();
            changes.values().forEach((field, value) -> {
                if (!value.equals(before.get(field))) {
                    fields.add(field);
                }
            });
        }
        if (fields.isEmpty()) {
            throw DomainRejection.invalid(NOTHING_TO_SUPPLEMENT, "Nothing to supplement",
                    "The supplement changes no field of the report");
        }
        Annex2 after = breach.report().merged(changes);
        ReportRules.check(after, c.at());
        // A corrected awareness moves the 24-hour clock; the report's receipt stays what it was.
        Instant due = BreachClocks.reportDueAt(after.processorAwareAt(), breach.zone());
        return List.of(new BreachSupplemented(changes, List.copyOf(fields), c.actor().subject(), c.at(), due,
                BreachClocks.lateBySeconds(breach.receivedAt(), due)));
    }

    private static List<BreachEvent> awareness(SetControllerAwareness c, BreachRecord breach) {
        if (c.controllerAwareAt() == null) {
            throw ReportRules.required("controllerAwareAt");
        }
        // EDPB 9/2022: in principle aware once the processor informed it; another instant needs a reason.
        if (c.justification() == null || c.justification().isBlank()) {
            throw DomainRejection.invalidField(JUSTIFICATION_REQUIRED, "Justification required", "justification",
                    "the controller's awareness differs from the report's receipt only with a justification");
        }
        if (c.controllerAwareAt().isAfter(c.at())) {
            throw CommonRejections.instantInTheFuture("controllerAwareAt");
        }
        return List.of(new ControllerAwarenessSet(c.controllerAwareAt(), c.justification().trim(), c.actor().subject(),
                c.at(), BreachClocks.notificationDueAt(c.controllerAwareAt(), breach.zone())));
    }

    private static List<BreachEvent> assess(Assess c, BreachRecord breach) {
        if (c.risk() == null) {
            throw ReportRules.required("risk");
        }
        if (c.justification() == null || c.justification().isBlank()) {
            throw DomainRejection.invalidField(JUSTIFICATION_REQUIRED, "Justification required", "justification",
                    "state why the breach is " + c.risk());
        }
        EnisaSeverity.Assessment proposal = EnisaSeverity.assess(breach.report());
        return List.of(new RiskAssessed(c.risk(), c.justification().trim(), proposal.level().name(), proposal.score(),
                proposal.proposedRisk(), c.actor().subject(), c.at()));
    }

    private static List<BreachEvent> notify(NotifyAuthority c, BreachRecord breach) {
        if (c.notifiedAt() == null) {
            throw ReportRules.required("notifiedAt");
        }
        if (c.notifiedAt().isAfter(c.at())) {
            throw CommonRejections.instantInTheFuture("notifiedAt");
        }
        if (c.reference() == null || c.reference().isBlank()) {
            throw ReportRules.required("reference");
        }
        Phase phase = c.phase() == null ? Phase.INITIAL : c.phase();
        if (breach.finallyNotified()) {
            throw DomainRejection.stateConflict(NOTIFICATION_CLOSED, "Notification already final",
                    "A FINAL notification was recorded; nothing can follow it");
        }
        boolean first = breach.notifications().isEmpty();
        if (first && phase == Phase.PHASED) {
            throw DomainRejection.stateConflict(NOTIFICATION_ORDER, "Phased notification before the initial one",
                    "A PHASED notification follows an INITIAL one (GDPR 33(4))");
        }
        if (!first && phase == Phase.INITIAL) {
            throw DomainRejection.stateConflict(NOTIFICATION_ORDER, "Second initial notification",
                    "The initial notification was recorded; follow it with PHASED or FINAL");
        }
        // GDPR 33(1): a notification after 72 hours states the reasons for the delay.
        boolean late = first && c.notifiedAt().isAfter(breach.notificationDueAt());
        if (late && (c.delayReasons() == null || c.delayReasons().isBlank())) {
            throw new DomainRejection(DomainRejection.Kind.INVALID, DELAY_REASONS_REQUIRED, "Reasons for the delay required",
                    "The notification comes after the 72 hours that ended at " + breach.notificationDueAt()
                            + ": state the reasons for the delay (GDPR 33(1))",
                    Map.of("notificationDueAt", breach.notificationDueAt().toString(),
                            "violations", List.of(Map.of("field", "delayReasons", "message", "required after the 72 hours"))));
        }
        String authority = c.authority() == null || c.authority().isBlank() ? breach.authority() : c.authority().trim();
        return List.of(new AuthorityNotified(authority, c.notifiedAt(), c.reference().trim(), phase,
                c.delayReasons() == null || c.delayReasons().isBlank() ? null : c.delayReasons().trim(), late,
                c.actor().subject(), c.at()));
    }

    private static List<BreachEvent> communicate(CommunicateToDataSubjects c, BreachRecord breach) {
        if (breach.dataSubjects() != null) {
            throw DomainRejection.stateConflict(ALREADY_DECIDED, "Already recorded",
                    "The communication to the data subjects (or its exemption) was already recorded");
        }
        if (c.exemption() != null) {
            if (c.exemptionReason() == null || c.exemptionReason().isBlank()) {
                throw ReportRules.required("exemptionReason");
            }
            return List.of(new DataSubjectCommunicationExempted(c.exemption(), c.exemptionReason().trim(), c.actor().subject(), c.at()));
        }
        if (c.communicatedAt() == null) {
            throw ReportRules.required("at");
        }
        if (c.communicatedAt().isAfter(c.at())) {
            throw CommonRejections.instantInTheFuture("at");
        }
        if (c.channel() == null || c.channel().isBlank()) {
            throw ReportRules.required("channel");
        }
        return List.of(new DataSubjectsInformed(c.communicatedAt(), c.channel().trim(), c.actor().subject(), c.at()));
    }

    private static List<BreachEvent> tick(Tick c, BreachRecord breach) {
        if (!breach.notificationOpen()) {
            return List.of();
        }
        if (!c.at().isBefore(breach.notificationDueAt())) {
            return breach.notificationMissed() ? List.of()
                    : List.of(new NotificationDeadlineMissed(breach.notificationDueAt(), c.at()));
        }
        if (!breach.notificationWarned() && !c.at().isBefore(breach.notificationDueAt().minus(c.notificationWarning()))) {
            return List.of(new NotificationDeadlineApproaching(breach.notificationDueAt(), c.at()));
        }
        return List.of();
    }

    // ------------------------------------------------------------------ evolve

    @Override
    public Optional<BreachRecord> evolve(Optional<BreachRecord> state, BreachEvent event) {
        if (event instanceof BreachReported e) {
            List<BreachRecord.FieldChange> history = new ArrayList<>();
            e.report().values().forEach((field, value) ->
                    history.add(new BreachRecord.FieldChange(field, value, e.receivedAt(), e.reportedBy(), "REPORT")));
            return Optional.of(new BreachRecord(e.breachId(), e.agreementId(), e.controllerOrg(), e.processorOrg(),
                    e.authority(), ZoneId.of(e.timeZone()), e.report(), history, e.reportedBy(), e.receivedAt(),
                    e.reportDueAt(), e.lateBySeconds(), e.receivedAt(), null, e.notificationDueAt(), null, List.of(), null,
                    false, false));
        }
        BreachRecord b = state.orElseThrow(() -> new IllegalStateException(
                event.getClass().getSimpleName() + " on a stream without BreachReported"));
        return Optional.of(applied(b, event));
    }

    private static BreachRecord applied(BreachRecord b, BreachEvent event) {
        if (event instanceof BreachSupplemented e) {
            List<BreachRecord.FieldChange> history = new ArrayList<>(b.history());
            Map<String, Object> values = e.changes().values();
            for (String field : e.fields()) {
                history.add(new BreachRecord.FieldChange(field, values.get(field), e.at(), e.supplementedBy(), "SUPPLEMENT"));
            }
            return b.with(b.report().merged(e.changes()), history, e.reportDueAt(), e.lateBySeconds());
        }
        if (event instanceof ControllerAwarenessSet e) {
            return b.withAwareness(e.controllerAwareAt(), e.justification(), e.notificationDueAt());
        }
        if (event instanceof RiskAssessed e) {
            return b.withAssessment(new BreachRecord.Assessment(e.risk(), e.justification(), e.proposedLevel(),
                    e.proposedScore(), e.proposedRisk(), e.assessedBy(), e.at()));
        }
        if (event instanceof AuthorityNotified e) {
            List<BreachRecord.Notification> all = new ArrayList<>(b.notifications());
            all.add(new BreachRecord.Notification(e.authority(), e.notifiedAt(), e.reference(), e.phase(), e.delayReasons(),
                    e.late(), e.notifiedBy(), e.at()));
            return b.withNotifications(all);
        }
        if (event instanceof DataSubjectsInformed e) {
            return b.withDataSubjects(new BreachRecord.DataSubjects(e.communicatedAt(), e.channel(), null, null,
                    e.informedBy(), e.at()));
        }
        if (event instanceof DataSubjectCommunicationExempted e) {
            return b.withDataSubjects(new BreachRecord.DataSubjects(null, null, e.exemption(), e.reason(), e.decidedBy(), e.at()));
        }
        if (event instanceof NotificationDeadlineApproaching) {
            return b.withWarnings(true, b.notificationMissed());
        }
        if (event instanceof NotificationDeadlineMissed) {
            return b.withWarnings(true, true);
        }
        if (event instanceof BreachReported) {
            throw new IllegalStateException("BreachReported twice on one stream");
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    // ------------------------------------------------------------------ rules

    private static Actor actorOf(BreachCommand command) {
        if (command instanceof SetControllerAwareness c) {
            return c.actor();
        }
        if (command instanceof Assess c) {
            return c.actor();
        }
        if (command instanceof NotifyAuthority c) {
            return c.actor();
        }
        return ((CommunicateToDataSubjects) command).actor();
    }

    /** Art. 7.3: the processor does not notify the authority or the data subjects, nor assess in their stead. */
    private static void requireController(Actor actor, BreachRecord breach) {
        if (!breach.parties().controlledBy(actor)) {
            throw new DomainRejection(DomainRejection.Kind.FORBIDDEN, ONLY_CONTROLLER_DECIDES,
                    "Only the controller assesses and notifies",
                    "Art. 7.3: the processor reports to the controller and does not notify the supervisory authority or "
                            + "the data subjects itself; only the controller assesses, notifies and communicates",
                    Map.of("article", "7.3"));
        }
    }

    private static DomainRejection forbidden(String rule, String detail) {
        return DomainRejection.forbidden(rule, "Not allowed for your role in this agreement", detail);
    }
}
