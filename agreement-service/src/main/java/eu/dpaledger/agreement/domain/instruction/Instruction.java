package eu.dpaledger.agreement.domain.instruction;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.dpaledger.agreement.domain.AssistanceRejections.*;

/**
 * A written instruction of the controller (art. 2.2, 2.3), under an active agreement or during the exit
 * (art. 11.2-11.3: how data are returned and destroyed): the processor processes only on documented
 * instructions; it acknowledges one, or flags it as infringing the GDPR with its reasoning (GDPR 28(3)),
 * after which the controller confirms, amends (a new text to acknowledge) or withdraws it.
 */
public final class Instruction implements Aggregate<Optional<Instruction.Record>, Instruction.Command, Instruction.Event> {

    public static final String ONLY_CONTROLLER = "only-controller-instructs";
    public static final String ONLY_PROCESSOR = "only-processor-responds";
    public static final String NOT_ACTIVE = "agreement-not-active";
    public static final String NOT_AWAITING = "instruction-not-awaiting-response";
    public static final String NOT_FLAGGED = "instruction-not-flagged";

    public enum Status { ISSUED, ACKNOWLEDGED, FLAGGED, CONFIRMED, WITHDRAWN }

    public sealed interface Command {
    }

    public record Issue(String instructionId, AgreementFacts agreement, String text, LocalDate effectiveFrom, Actor actor,
                        Instant at) implements Command {
    }

    public record Acknowledge(Actor actor, Instant at) implements Command {
    }

    public record Flag(String reasoning, Actor actor, Instant at) implements Command {
    }

    public record Confirm(String reasoning, Actor actor, Instant at) implements Command {
    }

    public record Amend(String text, LocalDate effectiveFrom, String reason, Actor actor, Instant at) implements Command {
    }

    public record Withdraw(String reason, Actor actor, Instant at) implements Command {
    }

    public sealed interface Event {
    }

    public record InstructionIssued(String instructionId, String agreementId, String controllerOrg, String processorOrg,
                                    String text, LocalDate effectiveFrom, String issuedBy, Instant at) implements Event {
    }

    public record InstructionAcknowledged(String acknowledgedBy, Instant at) implements Event {
    }

    /** GDPR 28(3): the processor immediately informs the controller that, in its opinion, an instruction infringes. */
    public record InstructionFlagged(String reasoning, String flaggedBy, Instant at) implements Event {
    }

    public record InstructionConfirmed(String reasoning, String confirmedBy, Instant at) implements Event {
    }

    public record InstructionAmended(String text, LocalDate effectiveFrom, String reason, String amendedBy, Instant at)
            implements Event {
    }

    public record InstructionWithdrawn(String reason, String withdrawnBy, Instant at) implements Event {
    }

    public record Record(String instructionId, String agreementId, String controllerOrg, String processorOrg, String text,
                         LocalDate effectiveFrom, Status status, String flagReasoning, String decision, String issuedBy,
                         Instant issuedAt, Instant updatedAt) {

        public Parties parties() {
            return new Parties(controllerOrg, processorOrg);
        }

        Record with(Status newStatus, String reasoning, String newDecision, Instant at) {
            return new Record(instructionId, agreementId, controllerOrg, processorOrg, text, effectiveFrom, newStatus, reasoning,
                    newDecision, issuedBy, issuedAt, at);
        }

        /** Processing under it is lawful once acknowledged (or confirmed by the controller over a flag). */
        public boolean lawfulBasis() {
            return status == Status.ACKNOWLEDGED || status == Status.CONFIRMED;
        }
    }

    @Override
    public Optional<Record> initial() {
        return Optional.empty();
    }

    @Override
    public Class<Event> eventType() {
        return Event.class;
    }

    @Override
    public List<Event> decide(Command command, Optional<Record> state) {
        if (command instanceof Issue c) {
            if (!c.agreement().parties().controlledBy(c.actor())) {
                throw forbidden(ONLY_CONTROLLER, "Only the agreement's controller gives instructions (art. 2.2)");
            }
            // DPA art. 2.2 from signature; during the exit the controller decides how data are returned and destroyed
            // (DPA art. 11.2-11.3), so TERMINATED still takes instructions; CLOSED and drafts do not.
            if (!acceptsInstructions(c.agreement())) {
                throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, NOT_ACTIVE, "The agreement takes no instructions",
                        "Instructions are given under an active agreement, or a terminated one during its exit (DPA art. 2.2, 11.2-11.3); this one is "
                                + c.agreement().status(), Map.of("agreementStatus", c.agreement().status()));
            }
            if (c.effectiveFrom() == null) {
                throw required("effectiveFrom");
            }
            return List.of(new InstructionIssued(c.instructionId(), c.agreement().agreementId(), c.agreement().controllerOrg(),
                    c.agreement().processorOrg(), text(c.text(), "text"), c.effectiveFrom(), c.actor().subject(), c.at()));
        }
        Record r = state.orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found", "Not found",
                "The instruction does not exist"));
        if (command instanceof Acknowledge c) {
            requireProcessor(c.actor(), r);
            requireStatus(r, Status.ISSUED, NOT_AWAITING);
            return List.of(new InstructionAcknowledged(c.actor().subject(), c.at()));
        }
        if (command instanceof Flag c) {
            requireProcessor(c.actor(), r);
            requireStatus(r, Status.ISSUED, NOT_AWAITING);
            return List.of(new InstructionFlagged(text(c.reasoning(), "reasoning"), c.actor().subject(), c.at()));
        }
        if (command instanceof Confirm c) {
            requireController(c.actor(), r);
            requireStatus(r, Status.FLAGGED, NOT_FLAGGED);
            return List.of(new InstructionConfirmed(text(c.reasoning(), "reasoning"), c.actor().subject(), c.at()));
        }
        if (command instanceof Amend c) {
            requireController(c.actor(), r);
            requireStatus(r, Status.FLAGGED, NOT_FLAGGED);
            if (c.effectiveFrom() == null) {
                throw required("effectiveFrom");
            }
            return List.of(new InstructionAmended(text(c.text(), "text"), c.effectiveFrom(), optional(c.reason()),
                    c.actor().subject(), c.at()));
        }
        Withdraw c = (Withdraw) command;
        requireController(c.actor(), r);
        if (r.status() == Status.WITHDRAWN) {
            throw state("instruction-withdrawn", "Already withdrawn", "The instruction was withdrawn");
        }
        return List.of(new InstructionWithdrawn(text(c.reason(), "reason"), c.actor().subject(), c.at()));
    }

    @Override
    public Optional<Record> evolve(Optional<Record> state, Event event) {
        if (event instanceof InstructionIssued e) {
            return Optional.of(new Record(e.instructionId(), e.agreementId(), e.controllerOrg(), e.processorOrg(), e.text(),
                    e.effectiveFrom(), Status.ISSUED, null, null, e.issuedBy(), e.at(), e.at()));
        }
        Record r = state.orElseThrow();
        if (event instanceof InstructionAcknowledged e) {
            return Optional.of(r.with(Status.ACKNOWLEDGED, r.flagReasoning(), r.decision(), e.at()));
        }
        if (event instanceof InstructionFlagged e) {
            return Optional.of(r.with(Status.FLAGGED, e.reasoning(), null, e.at()));
        }
        if (event instanceof InstructionConfirmed e) {
            return Optional.of(r.with(Status.CONFIRMED, r.flagReasoning(), e.reasoning(), e.at()));
        }
        if (event instanceof InstructionAmended e) {
            return Optional.of(new Record(r.instructionId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), e.text(),
                    e.effectiveFrom(), Status.ISSUED, r.flagReasoning(), e.reason(), r.issuedBy(), r.issuedAt(), e.at()));
        }
        InstructionWithdrawn e = (InstructionWithdrawn) event;
        return Optional.of(r.with(Status.WITHDRAWN, r.flagReasoning(), e.reason(), e.at()));
    }

    /** Active, or terminated with the exit still running: not a draft, not closed. */
    static boolean acceptsInstructions(AgreementFacts agreement) {
        return agreement.isActive() || AgreementFacts.TERMINATED.equals(agreement.status());
    }

    private static void requireProcessor(Actor actor, Record r) {
        if (!r.parties().processedBy(actor)) {
            throw forbidden(ONLY_PROCESSOR, "Only the agreement's processor acknowledges or flags an instruction");
        }
    }

    private static void requireController(Actor actor, Record r) {
        if (!r.parties().controlledBy(actor)) {
            throw forbidden(ONLY_CONTROLLER, "Only the agreement's controller confirms, amends or withdraws an instruction");
        }
    }

    private static void requireStatus(Record r, Status status, String rule) {
        if (r.status() != status) {
            throw state(rule, "Not possible now", "The instruction is " + r.status() + ", not " + status);
        }
    }
}
