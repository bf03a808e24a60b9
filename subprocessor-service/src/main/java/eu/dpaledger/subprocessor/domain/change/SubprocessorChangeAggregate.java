package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.Announce;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.RaiseObjection;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.Supersede;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.Tick;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.WithdrawChange;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand.WithdrawObjection;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ChangeAccepted;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ChangeAnnounced;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ChangeSuperseded;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ChangeTookEffect;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ChangeWithdrawn;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ObjectionRaised;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ObjectionWindowClosingSoon;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.ObjectionWithdrawn;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.TerminationRightApproaching;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.TerminationRightGranted;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent.TerminationRightLapsed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static eu.dpaledger.subprocessor.domain.ChangeRejections.*;

/**
 * A sub-processor change notice (art. 6.1, 6.2) as decide/evolve: announced by the processor, open to
 * the controller's objection for the agreement's window, accepted tacitly when the window closes or
 * when the objection is withdrawn, in effect from its intended date; an objection unresolved for three
 * months gives the controller the right to terminate, and that right lapses once its ground goes
 * (objection withdrawn, change withdrawn, or an alternative that avoids the sub-processor accepted).
 */
public final class SubprocessorChangeAggregate implements Aggregate<ChangeState, ChangeCommand, ChangeEvent> {

    /** The termination ground agreement-service accepts once the right is granted (art. 6.2). */
    public static final String TERMINATION_GROUND = "SUBPROCESSOR_OBJECTION";

    @Override
    public ChangeState initial() {
        return new ChangeState.NoChange();
    }

    @Override
    public Class<ChangeEvent> eventType() {
        return ChangeEvent.class;
    }

    // ------------------------------------------------------------------ decide

    @Override
    public List<ChangeEvent> decide(ChangeCommand command, ChangeState state) {
        if (command instanceof Announce c) {
            if (state.change().isPresent()) {
                throw DomainRejection.stateConflict(ALREADY_EXISTS, "Change already exists", "A change with this id exists");
            }
            return announce(c);
        }
        ChangeRecord change = state.change().orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND,
                "not-found", "Not found", "The change does not exist"));
        if (command instanceof RaiseObjection c) {
            return object(c, change);
        }
        if (command instanceof WithdrawObjection c) {
            return withdrawObjection(c, change);
        }
        if (command instanceof WithdrawChange c) {
            return withdraw(c, change);
        }
        if (command instanceof Supersede c) {
            return supersede(c, change);
        }
        if (command instanceof Tick c) {
            return tick(c, change);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private List<ChangeEvent> announce(Announce c) {
        AgreementFacts agreement = c.agreement();
        if (!agreement.isActive()) {
            throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, AGREEMENT_NOT_ACTIVE, "The agreement is not active",
                    "Sub-processor changes are announced under an ACTIVE agreement; this one is " + agreement.status(),
                    Map.of("agreementStatus", agreement.status()));
        }
        // Art. 6.1: the processor informs the controller.
        if (!agreement.parties().processedBy(c.actor())) {
            throw forbidden(ONLY_PROCESSOR_ANNOUNCES, "Only the agreement's processor announces sub-processor changes");
        }
        requireNotice(c.kind(), c.reason(), c.intendedFrom(), c.subprocessor());
        SubprocessorDetails subprocessor = c.subprocessor();
        LocalDate today = ChangeClocks.dateOf(c.at(), agreement.zone());
        List<ChangeEvent> events = new ArrayList<>();
        if (c.kind() == ChangeKind.REMOVE) {
            requireEngaged(c.engaged(), subprocessor.name(), "subprocessor.name");
            if (c.intendedFrom().isBefore(today)) {
                throw DomainRejection.invalidField(INTENDED_IN_THE_PAST, "Intended date in the past", "intendedFrom",
                        "must be today (" + today + ") or later");
            }
            events.add(announced(c, null));
            events.add(new ChangeAccepted(AcceptanceBasis.REMOVAL_NOTIFIED, c.at()));
            if (!c.intendedFrom().isAfter(today)) {
                events.add(new ChangeTookEffect(c.intendedFrom(), c.at()));
            }
            return events;
        }
        requireLocation(subprocessor);
        if (c.kind() == ChangeKind.REPLACE) {
            if (c.replaces() == null || c.replaces().isBlank()) {
                throw required("replaces");
            }
            requireEngaged(c.engaged(), c.replaces(), "replaces");
        }
        boolean replacingItself = c.kind() == ChangeKind.REPLACE
                && SubprocessorDetails.key(c.replaces()).equals(subprocessor.key());
        if (c.engaged().includes(subprocessor.name()) && !replacingItself) {
            throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, ALREADY_ENGAGED, "Sub-processor already engaged",
                    subprocessor.name() + " is already an engaged sub-processor of this agreement",
                    Map.of("subprocessor", subprocessor.name()));
        }
        // Art. 6.1: the controller must have the chance to object before the change takes effect.
        Instant windowEndsAt = ChangeClocks.objectionWindowEndsAt(c.at(), agreement.subprocessorObjectionDays(), agreement.zone());
        LocalDate earliest = ChangeClocks.dateOf(windowEndsAt, agreement.zone());
        if (c.intendedFrom().isBefore(earliest)) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, INTENDED_BEFORE_WINDOW_ENDS,
                    "Intended date before the objection window ends",
                    "The controller may object until " + windowEndsAt + " (" + agreement.subprocessorObjectionDays()
                            + " days, art. 6.1); the change can take effect on " + earliest + " at the earliest",
                    Map.of("objectionWindowEndsAt", windowEndsAt.toString(), "earliestIntendedFrom", earliest.toString()));
        }
        events.add(announced(c, windowEndsAt));
        return events;
    }

    private static ChangeAnnounced announced(Announce c, Instant windowEndsAt) {
        AgreementFacts a = c.agreement();
        return new ChangeAnnounced(c.changeId(), a.agreementId(), a.controllerOrg(), a.processorOrg(), a.zone().getId(),
                c.kind(), c.subprocessor(), c.replaces() == null ? null : c.replaces().trim(), c.intendedFrom(),
                c.reason().trim(), c.supersedes(), windowEndsAt, c.actor().subject(), c.at(), c.announcementId());
    }

    private List<ChangeEvent> object(RaiseObjection c, ChangeRecord change) {
        // Art. 6.1: the controller may object.
        if (!change.parties().controlledBy(c.actor())) {
            throw forbidden(ONLY_CONTROLLER_OBJECTS, "Only the agreement's controller may object to a sub-processor change");
        }
        if (!change.kind().objectable()) {
            throw DomainRejection.stateConflict(NOT_OBJECTABLE, "A removal cannot be objected to",
                    "Removing a sub-processor needs no acceptance; it takes effect on " + change.intendedFrom());
        }
        if (change.status() == ChangeStatus.OBJECTED) {
            throw DomainRejection.stateConflict("change-already-objected", "Already objected",
                    "The controller already objected to this change on " + change.objection().receivedAt());
        }
        if (change.status() == ChangeStatus.WITHDRAWN || change.status() == ChangeStatus.SUPERSEDED) {
            throw notOpen(change);
        }
        if (!c.at().isBefore(change.objectionWindowEndsAt()) || change.status() != ChangeStatus.ANNOUNCED) {
            throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, WINDOW_CLOSED, "The objection window has closed",
                    "Objections were possible until " + change.objectionWindowEndsAt() + "; the change is accepted",
                    Map.of("objectionWindowEndsAt", change.objectionWindowEndsAt().toString()));
        }
        requireText(c.grounds(), "grounds");
        // Art. 6.2: three months from when the processor received the objection, i.e. now.
        return List.of(new ObjectionRaised(c.grounds().trim(), c.actor().subject(), c.at(),
                ChangeClocks.negotiationEndsOn(c.at(), change.zone()), ChangeClocks.terminationRightFrom(c.at(), change.zone())));
    }

    private List<ChangeEvent> withdrawObjection(WithdrawObjection c, ChangeRecord change) {
        if (!change.parties().controlledBy(c.actor())) {
            throw forbidden(ONLY_CONTROLLER_WITHDRAWS_OBJECTION, "Only the agreement's controller may withdraw its objection");
        }
        if (change.status() != ChangeStatus.OBJECTED) {
            throw DomainRejection.stateConflict(NOT_OBJECTED, "No objection to withdraw",
                    "The change is " + change.status() + ", not OBJECTED");
        }
        requireText(c.reason(), "reason");
        List<ChangeEvent> events = new ArrayList<>();
        events.add(new ObjectionWithdrawn(c.reason().trim(), c.actor().subject(), c.at()));
        events.add(lapsed(change, LapseReason.OBJECTION_WITHDRAWN, c.at()));
        events.add(new ChangeAccepted(AcceptanceBasis.OBJECTION_RESOLVED, c.at()));
        LocalDate today = ChangeClocks.dateOf(c.at(), change.zone());
        if (!change.intendedFrom().isAfter(today)) {
            events.add(new ChangeTookEffect(today, c.at()));
        }
        return events;
    }

    private List<ChangeEvent> withdraw(WithdrawChange c, ChangeRecord change) {
        if (!change.parties().processedBy(c.actor())) {
            throw forbidden(ONLY_PROCESSOR_RESOLVES, "Only the agreement's processor may withdraw its change");
        }
        if (!change.status().open()) {
            throw notOpen(change);
        }
        requireText(c.reason(), "reason");
        List<ChangeEvent> events = new ArrayList<>();
        events.add(new ChangeWithdrawn(c.reason().trim(), c.actor().subject(), c.at()));
        if (change.status() == ChangeStatus.OBJECTED && change.objection().open()) {
            // DPA art. 6.2: the objected sub-processor is no longer proposed, so the termination right's ground is gone.
            events.add(lapsed(change, LapseReason.CHANGE_WITHDRAWN, c.at()));
        }
        return events;
    }

    private List<ChangeEvent> supersede(Supersede c, ChangeRecord change) {
        if (!change.parties().processedBy(c.actor())) {
            throw forbidden(ONLY_PROCESSOR_RESOLVES, "Only the agreement's processor may propose an alternative");
        }
        if (change.status() != ChangeStatus.ANNOUNCED && change.status() != ChangeStatus.OBJECTED) {
            throw notOpen(change);
        }
        if (!change.agreementId().equals(c.agreementId())) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, ALTERNATIVE_ELSEWHERE,
                    "Alternative under another agreement", "An alternative must be proposed under the same agreement");
        }
        requireAvoidsObjectedSubprocessor(c, change);
        return List.of(new ChangeSuperseded(c.alternativeChangeId(), c.actor().subject(), c.at()));
    }

    private List<ChangeEvent> tick(Tick c, ChangeRecord change) {
        List<ChangeEvent> events = new ArrayList<>();
        Instant at = c.at();
        LocalDate today = ChangeClocks.dateOf(at, change.zone());
        switch (change.status()) {
            case ANNOUNCED -> {
                if (!at.isBefore(change.objectionWindowEndsAt())) {
                    // Art. 6.1: no objection within the window: the change is accepted.
                    events.add(new ChangeAccepted(AcceptanceBasis.ACCEPTED_WITHOUT_OBJECTION, at));
                    if (!change.intendedFrom().isAfter(today)) {
                        events.add(new ChangeTookEffect(change.intendedFrom(), at));
                    }
                } else if (!change.windowWarned() && !at.isBefore(change.objectionWindowEndsAt().minus(c.windowWarning()))) {
                    events.add(new ObjectionWindowClosingSoon(change.objectionWindowEndsAt(), at));
                }
            }
            case ACCEPTED -> {
                if (!change.intendedFrom().isAfter(today)) {
                    events.add(new ChangeTookEffect(change.intendedFrom(), at));
                }
            }
            case OBJECTED -> negotiationClock(c, change, events);
            case SUPERSEDED -> {
                if (change.objection() == null || !change.objection().open() || c.alternative() == null) {
                    break;
                }
                ChangeCommand.AlternativeOutcome alternative = c.alternative();
                if (alternative.accepted() && !alternative.engages(change.subprocessor().key())) {
                    // DPA art. 6.2: a change that avoids the objected sub-processor is agreed; the right's ground is gone.
                    events.add(lapsed(change, LapseReason.ALTERNATIVE_ACCEPTED, at));
                } else if (alternative.status() == ChangeStatus.WITHDRAWN) {
                    // DPA art. 6.2: the processor gave up the alternative too; the objected sub-processor is not taken on.
                    events.add(lapsed(change, LapseReason.CHANGE_WITHDRAWN, at));
                } else {
                    // DPA art. 6.2: a proposed alternative is not yet a change "doorgevoerd" (nor is one that engages
                    // the objected sub-processor again); the 3 months run on.
                    negotiationClock(c, change, events);
                }
            }
            default -> {
                // closed changes have no clocks
            }
        }
        return events;
    }

    /** Art. 6.2: three months after the objection reached the processor, unresolved, the controller may terminate. */
    private static void negotiationClock(Tick c, ChangeRecord change, List<ChangeEvent> events) {
        Objection objection = change.objection();
        if (objection.terminationRightGrantedAt() != null) {
            return;
        }
        Instant at = c.at();
        if (!at.isBefore(objection.terminationRightFrom())) {
            // Art. 6.2: three months without a change that avoids the sub-processor.
            events.add(new TerminationRightGranted(change.agreementId(), TERMINATION_GROUND, objection.receivedAt(),
                    objection.terminationRightFrom(), at));
        } else if (!objection.warned() && !at.isBefore(objection.terminationRightFrom().minus(c.terminationWarning()))) {
            events.add(new TerminationRightApproaching(objection.terminationRightFrom(), at));
        }
    }

    private static TerminationRightLapsed lapsed(ChangeRecord change, LapseReason reason, Instant at) {
        Objection objection = change.objection();
        return new TerminationRightLapsed(change.agreementId(), TERMINATION_GROUND, objection.receivedAt(), reason,
                objection.terminationRightGrantedAt() != null, at);
    }

    // ------------------------------------------------------------------ evolve

    @Override
    public ChangeState evolve(ChangeState state, ChangeEvent event) {
        if (event instanceof ChangeAnnounced e) {
            ChangeStatus status = e.kind().objectable() ? ChangeStatus.ANNOUNCED : ChangeStatus.ACCEPTED;
            return ChangeState.of(new ChangeRecord(e.changeId(), e.agreementId(), new Parties(e.controllerOrg(), e.processorOrg()),
                    ZoneId.of(e.timeZone()), e.kind(), e.subprocessor(), e.replaces(), e.intendedFrom(), e.reason(),
                    e.supersedes(), e.announcedBy(), e.at(), e.objectionWindowEndsAt(), false, status, null, null, null,
                    null, null, e.announcementId()));
        }
        ChangeRecord change = state.change().orElseThrow(() -> new IllegalStateException(
                event.getClass().getSimpleName() + " on a stream without ChangeAnnounced"));
        return ChangeState.of(applied(change, event));
    }

    private static ChangeRecord applied(ChangeRecord change, ChangeEvent event) {
        if (event instanceof ObjectionRaised e) {
            return change.withObjection(ChangeStatus.OBJECTED, new Objection(e.grounds(), e.objectedBy(), e.at(),
                    e.negotiationEndsOn(), e.terminationRightFrom(), null, null, null, null, false, null, null));
        }
        if (event instanceof ObjectionWithdrawn e) {
            return change.withObjection(change.status(), change.objection().withdrawn(e.reason(), e.withdrawnBy(), e.at()));
        }
        if (event instanceof ChangeAccepted e) {
            return change.accepted(e.basis(), e.at());
        }
        if (event instanceof ChangeTookEffect e) {
            return change.inEffect(e.at());
        }
        if (event instanceof ChangeWithdrawn e) {
            return change.closed(ChangeStatus.WITHDRAWN, new ChangeRecord.Closure(e.reason(), e.withdrawnBy(), null, e.at()));
        }
        if (event instanceof ChangeSuperseded e) {
            return change.closed(ChangeStatus.SUPERSEDED,
                    new ChangeRecord.Closure(null, e.supersededBy(), e.alternativeChangeId(), e.at()));
        }
        if (event instanceof ObjectionWindowClosingSoon) {
            return change.windowWarnedNow();
        }
        if (event instanceof TerminationRightApproaching) {
            return change.withObjection(change.status(), change.objection().asWarned());
        }
        if (event instanceof TerminationRightGranted e) {
            return change.withObjection(change.status(), change.objection().granted(e.at()));
        }
        if (event instanceof TerminationRightLapsed e) {
            return change.withObjection(change.status(), change.objection().lapsed(e.reason(), e.at()));
        }
        if (event instanceof ChangeAnnounced) {
            throw new IllegalStateException("ChangeAnnounced twice on one stream");
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    // ------------------------------------------------------------------ rules

    private static DomainRejection notOpen(ChangeRecord change) {
        return new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, CHANGE_NOT_OPEN, "The change is no longer open",
                "The change is " + change.status() + "; nothing can be done to it any more",
                Map.of("status", change.status().name()));
    }

    /**
     * DPA art. 6.2: after an objection the parties look for a change "waardoor beroep op de voorgestelde
     * subverwerker vermeden wordt"; an alternative that engages the same sub-processor (same name key, as the
     * registry compares them) avoids nothing and would only restart the window.
     */
    private static void requireAvoidsObjectedSubprocessor(Supersede c, ChangeRecord change) {
        if (change.status() != ChangeStatus.OBJECTED || c.alternativeKind() == null || !c.alternativeKind().objectable()
                || c.alternative() == null) {
            return;
        }
        if (c.alternative().key().equals(change.subprocessor().key())) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, ALTERNATIVE_MUST_AVOID_OBJECTED,
                    "The alternative does not avoid the objected sub-processor",
                    "The controller objected to " + change.subprocessor().name() + "; an alternative must avoid that "
                            + "sub-processor (DPA art. 6.2), so it cannot engage " + c.alternative().name() + " again",
                    Map.of("objectedSubprocessor", change.subprocessor().name()));
        }
    }

    private static void requireEngaged(EngagedSubprocessors engaged, String name, String field) {
        if (!engaged.includes(name)) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, NOT_ENGAGED, "Not an engaged sub-processor",
                    name + " is not an engaged sub-processor of this agreement",
                    Map.of("violations", List.of(Map.of("field", field, "message", "not an engaged sub-processor"))));
        }
    }
}
