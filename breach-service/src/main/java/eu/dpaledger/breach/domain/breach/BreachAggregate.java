package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.BreachClocks;
import eu.dpaledger.breach.domain.EnisaSeverity;
import eu.dpaledger.breach.domain.ReportKind;
import eu.dpaledger.breach.domain.ReportRules;
import eu.dpaledger.breach.domain.breach.BreachCommand.Assess;
import eu.dpaledger.breach.domain.breach.BreachCommand.AssessAttempt;
import eu.dpaledger.breach.domain.breach.BreachCommand.CommunicateToDataSubjects;
import eu.dpaledger.breach.domain.breach.BreachCommand.NotifyAuthority;
import eu.dpaledger.breach.domain.breach.BreachCommand.Phase;
import eu.dpaledger.breach.domain.breach.BreachCommand.Report;
import eu.dpaledger.breach.domain.breach.BreachCommand.SetControllerAwareness;
import eu.dpaledger.breach.domain.breach.BreachCommand.Supplement;
import eu.dpaledger.breach.domain.breach.BreachCommand.Tick;
import eu.dpaledger.breach.domain.breach.BreachEvent.AttemptAssessed;
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
 * A serious attempt (art. 7.3) is reported the same way but owes nothing under GDPR 33–34 until the
 * controller assesses it as a breach.
 */
public final class BreachAggregate implements Aggregate<Optional<BreachRecord>, BreachCommand, BreachEvent> {

    public static final String ONLY_PROCESSOR_REPORTS = "only-processor-reports";
    public static final String ONLY_CONTROLLER_DECIDES = "only-controller-assesses-and-notifies";
    public static final String NO_REPORTS_ON_DRAFTS = CommonRejections.AGREEMENT_NOT_IN_FORCE;
    public static final String JUSTIFICATION_REQUIRED = "justification-required";
    public static final String DELAY_REASONS_REQUIRED = "delay-reasons-required";
    public static final String NOTIFICATION_ORDER = "notification-phase-out-of-order";
    public static final String NOTIFICATION_CLOSED = "notification-already-final";
    public static final String ALREADY_DECIDED = "data-subjects-already-decided";
    public static final String NOTHING_TO_SUPPLEMENT = "nothing-to-supplement";
    public static final String ATTEMPT_NOT_ASSESSED_AS_BREACH = "attempt-not-assessed-as-breach";
    public static final String NOT_A_SERIOUS_ATTEMPT = "not-a-serious-attempt";
    public static final String EXEMPTION_CONDITIONS_NOT_MET = "exemption-conditions-not-met";

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
        if (command instanceof AssessAttempt c) {
            return assessAttempt(c, breach);
        }
        requireBreach(breach);
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
            throw CommonRejections.wrongParty(ONLY_PROCESSOR_REPORTS, "Only the agreement's processor reports a breach on annex 2 (art. 7.3)");
        }
        // DPA art. 7 survives termination (DPA art. 3.2), but a draft binds nobody yet.
        if (!agreement.wasSigned()) {
            throw CommonRejections.agreementNotInForce("Breaches are reported on active, terminated or closed agreements",
                    agreement.status());
        }
        if (c.report() == null) {
            throw ReportRules.required("processorAwareAt");
        }
        ReportRules.check(c.report(), c.at(), c.at());
        Instant due = BreachClocks.reportDueAt(c.report().processorAwareAt(), agreement.zone());
        return List.of(new BreachReported(c.breachId(), agreement.agreementId(), agreement.controllerOrg(),
                agreement.processorOrg(), agreement.supervisoryAuthority(), agreement.zone().getId(), c.report(), c.actor().subject(),
                c.at(), due, BreachClocks.lateBySeconds(c.at(), due), BreachClocks.notificationDueAt(c.at(), agreement.zone())));
    }

    private static List<BreachEvent> supplement(Supplement c, BreachRecord breach) {
        // GDPR 33(4) through art. 7.3: the processor supplements its report as it learns more.
        if (!breach.parties().processedBy(c.actor())) {
            throw CommonRejections.wrongParty(ONLY_PROCESSOR_REPORTS, "Only the agreement's processor supplements its report");
        }
        Annex2 changes = c.changes();
        ReportKind reported = breach.report().reportKind();
        // DPA art. 7.3: the processor reports a breach or a serious attempt; only the controller's assessment turns
        // an attempt into a breach, so a supplement cannot change what was reported.
        if (changes != null && changes.kind() != null && changes.kind() != reported) {
            throw ReportRules.inconsistent("kind", "the report stays a " + reported + " as reported; the controller "
                    + "assesses a serious attempt as a breach (DPA art. 7.3), and another incident is a report of its own");
        }
        List<String> fields = new ArrayList<>();
        if (changes != null) {
            Map<String, Object> before = breach.report().values();
            changes.values().forEach((field, value) -> {
                if (!value.equals(before.get(field)) && !"kind".equals(field)) {
                    fields.add(field);
                }
            });
        }
        if (fields.isEmpty()) {
            throw DomainRejection.invalid(NOTHING_TO_SUPPLEMENT, "Nothing to supplement",
                    "The supplement changes no field of the report");
        }
        Annex2 after = breach.report().merged(changes);
        ReportRules.check(after, breach.receivedAt(), c.at());
        // A corrected awareness (at or before receipt) moves the 24-hour clock; the receipt and the lateness
        // measured on it stay what they were (BreachRecord.lateBySecondsOnReceipt).
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
                proposal.proposedRisk(), c.actor().subject(), c.at(), proposal.provisional()));
    }

    private static List<BreachEvent> assessAttempt(AssessAttempt c, BreachRecord breach) {
        if (!breach.attemptOnly()) {
            throw DomainRejection.stateConflict(NOT_A_SERIOUS_ATTEMPT, "Not a serious attempt",
                    breach.attemptAssessment() != null
                            ? "The controller assessed this serious attempt as a breach already (DPA art. 7.3, GDPR art. 33(1))"
                            : "This report is a breach, not a serious attempt (DPA art. 7.3): assess its risk instead");
        }
        if (c.breach() == null) {
            throw ReportRules.required("breach");
        }
        if (c.justification() == null || c.justification().isBlank()) {
            throw DomainRejection.invalidField(JUSTIFICATION_REQUIRED, "Justification required", "justification",
                    "state why the serious attempt is " + (c.breach() ? "" : "not ") + "a personal data breach");
        }
        if (!c.breach()) {
            return List.of(new AttemptAssessed(false, c.justification().trim(), null, null, c.actor().subject(), c.at()));
        }
        Instant aware = c.controllerAwareAt() == null ? c.at() : c.controllerAwareAt();
        if (aware.isAfter(c.at())) {
            throw CommonRejections.instantInTheFuture("controllerAwareAt");
        }
        // EDPB Guidelines 9/2022: aware once reasonably certain that a breach occurred; GDPR art. 33(1)'s 72 hours run from then.
        return List.of(new AttemptAssessed(true, c.justification().trim(), aware,
                BreachClocks.notificationDueAt(aware, breach.zone()), c.actor().subject(), c.at()));
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
        BreachRecord.DataSubjects before = breach.dataSubjects();
        if (before != null && before.informed()) {
            throw DomainRejection.stateConflict(ALREADY_DECIDED, "Already recorded",
                    "The communication to the data subjects was already recorded");
        }
        // GDPR art. 34(4): an exemption does not stand in the way of a communication required later, only of another exemption.
        if (before != null && c.exemption() != null) {
            throw DomainRejection.stateConflict(ALREADY_DECIDED, "Already recorded",
                    "An exemption (" + before.exemption() + ") was already recorded; a communication to the data subjects "
                            + "required later (GDPR art. 34(4)) is still accepted");
        }
        if (c.exemption() != null) {
            if (c.exemptionReason() == null || c.exemptionReason().isBlank()) {
                throw ReportRules.required("exemptionReason");
            }
            return List.of(exempted(c, breach.report()));
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

    /** GDPR art. 34(3): each exemption with what it rests on. */
    private static DataSubjectCommunicationExempted exempted(CommunicateToDataSubjects c, Annex2 report) {
        String reason = c.exemptionReason().trim();
        String by = c.actor().subject();
        switch (c.exemption()) {
            case UNINTELLIGIBLE -> {
                Annex2.Unintelligible u = report.unintelligible();
                // GDPR art. 34(3)(a): the data were unintelligible to anyone not authorised (encrypted, the key safe).
                if (u == null || u.answer() != Annex2.Unintelligible.Answer.YES) {
                    throw exemptionRefused("exemption", "GDPR art. 34(3)(a) needs personal data made unintelligible to "
                            + "anyone not authorised to access it (e.g. encrypted, the key not compromised); annex 2 says "
                            + (u == null ? "not yet known" : u.answer()) + " for unintelligible: the processor supplements "
                            + "annex 2 first");
                }
                return new DataSubjectCommunicationExempted(c.exemption(), reason, by, c.at(), null, null, null);
            }
            case RISK_NO_LONGER_LIKELY -> {
                String measures = c.measures() != null && !c.measures().isBlank() ? c.measures().trim()
                        : report.measures() != null && !report.measures().isBlank() ? report.measures().trim() : null;
                // GDPR art. 34(3)(b): the subsequent measures that ensure the high risk is no longer likely to materialise.
                if (measures == null) {
                    throw exemptionRefused("measures", "GDPR art. 34(3)(b) needs the subsequent measures that ensure "
                            + "the high risk is no longer likely to materialise: name them, or have the processor add "
                            + "them to annex 2");
                }
                return new DataSubjectCommunicationExempted(c.exemption(), reason, by, c.at(), measures, null, null);
            }
            case DISPROPORTIONATE_EFFORT -> {
                // GDPR art. 34(3)(c): a public communication or similar measure informs the data subjects instead.
                if (c.communicatedAt() == null) {
                    throw exemptionRefused("at", "GDPR art. 34(3)(c) needs a public communication or similar measure "
                            + "informing the data subjects in an equally effective manner: give when it was made");
                }
                if (c.communicatedAt().isAfter(c.at())) {
                    throw CommonRejections.instantInTheFuture("at");
                }
                if (c.channel() == null || c.channel().isBlank()) {
                    throw exemptionRefused("channel", "GDPR art. 34(3)(c) needs a public communication or similar "
                            + "measure informing the data subjects in an equally effective manner: say how it was made");
                }
                return new DataSubjectCommunicationExempted(c.exemption(), reason, by, c.at(), null, c.communicatedAt(),
                        c.channel().trim());
            }
            default -> throw new IllegalArgumentException("unknown exemption " + c.exemption());
        }
    }

    private static DomainRejection exemptionRefused(String field, String message) {
        return new DomainRejection(DomainRejection.Kind.INVALID, EXEMPTION_CONDITIONS_NOT_MET,
                "The exemption's conditions are not met", message,
                Map.of("violations", List.of(Map.of("field", field, "message", message))));
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
                    false, false, e.report().reportKind(), e.lateBySeconds(), null));
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
        if (event instanceof AttemptAssessed e) {
            BreachRecord.AttemptAssessment assessed = new BreachRecord.AttemptAssessment(e.breach(), e.justification(),
                    e.assessedBy(), e.at());
            return e.breach()
                    ? b.withAttemptAssessed(assessed, ReportKind.BREACH)
                            .withAwareness(e.controllerAwareAt(), e.justification(), e.notificationDueAt())
                    : b.withAttemptAssessed(assessed, b.kind());
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
            BreachRecord.DataSubjects exempted = b.dataSubjects();
            return b.withDataSubjects(exempted == null
                    ? new BreachRecord.DataSubjects(e.communicatedAt(), e.channel(), null, null, e.informedBy(), e.at(),
                            null, null, null)
                    : new BreachRecord.DataSubjects(e.communicatedAt(), e.channel(), exempted.exemption(), exempted.reason(),
                            e.informedBy(), e.at(), exempted.measures(), exempted.publicCommunicatedAt(),
                            exempted.publicChannel()));
        }
        if (event instanceof DataSubjectCommunicationExempted e) {
            return b.withDataSubjects(new BreachRecord.DataSubjects(null, null, e.exemption(), e.reason(), e.decidedBy(),
                    e.at(), e.measures(), e.publicCommunicatedAt(), e.publicChannel()));
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
        if (command instanceof AssessAttempt c) {
            return c.actor();
        }
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
            throw CommonRejections.wrongParty(ONLY_CONTROLLER_DECIDES,
                    "Art. 7.3: the processor reports to the controller and does not notify the supervisory authority or "
                            + "the data subjects itself; only the controller assesses, notifies and communicates");
        }
    }

    /** DPA art. 7.3, GDPR art. 33–34: the controller's duties concern breaches, not a serious attempt it has not assessed as one. */
    private static void requireBreach(BreachRecord breach) {
        if (breach.attemptOnly()) {
            throw DomainRejection.stateConflict(ATTEMPT_NOT_ASSESSED_AS_BREACH, "A serious attempt, not a breach",
                    "This report is a serious attempt (DPA art. 7.3): the awareness, risk assessment, notification and "
                            + "communication of GDPR art. 33 and 34 concern breaches; assess the attempt as a breach first");
        }
    }
}
