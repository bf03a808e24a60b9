package eu.dpaledger.agreement.domain.disclosure;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static eu.dpaledger.agreement.domain.AssistanceRejections.*;

/**
 * A binding request of an authority to disclose personal data (art. 2.2): the processor records it and
 * informs the controller before disclosing — unless the law forbids that on important grounds of public
 * interest, which it records with the legal basis; the controller then sees nothing until the gag is
 * lifted. The disclosure itself is a separate, recorded step.
 */
public final class DisclosureRequest implements Aggregate<Optional<DisclosureRequest.Record>, DisclosureRequest.Command,
        DisclosureRequest.Event> {

    public static final String ONLY_PROCESSOR = "only-processor-records-disclosure-requests";
    public static final String NOT_GAGGED = "controller-already-informed";
    public static final String ALREADY_DISCLOSED = "already-disclosed";
    public static final String DISCLOSURE_DATED_BEFORE_RECEIPT = "disclosure-dated-before-receipt";
    /** Shared with breaches and audits: nothing under a draft, which binds nobody yet. */
    public static final String NOT_IN_FORCE = CommonRejections.AGREEMENT_NOT_IN_FORCE;

    public sealed interface Command {
    }

    /** {@code gagLegalBasis} null: the controller is informed at once. */
    public record Register(String requestId, AgreementFacts agreement, String authority, Instant receivedAt, String legalBasis,
                           String scope, Instant dueAt, String gagLegalBasis, Actor actor, Instant at) implements Command {
    }

    public record LiftGag(String reason, Actor actor, Instant at) implements Command {
    }

    public record RecordDisclosure(Instant disclosedAt, String disclosed, Actor actor, Instant at) implements Command {
    }

    public sealed interface Event {
    }

    public record DisclosureRequestReceived(String requestId, String agreementId, String controllerOrg, String processorOrg,
                                            String authority, Instant receivedAt, String legalBasis, String scope, Instant dueAt,
                                            String recordedBy, Instant at) implements Event {
    }

    public record ControllerInformed(String reason, String informedBy, Instant at) implements Event {
    }

    /** The law forbids informing the controller (art. 2.2, GDPR 28(3)(a)); the controller sees nothing meanwhile. */
    public record InformingForbidden(String legalBasis, String recordedBy, Instant at) implements Event {
    }

    public record DataDisclosed(Instant disclosedAt, String disclosed, String recordedBy, Instant at) implements Event {
    }

    public record Record(String requestId, String agreementId, String controllerOrg, String processorOrg, String authority,
                         Instant receivedAt, String legalBasis, String scope, Instant dueAt, String gagLegalBasis,
                         Instant controllerInformedAt, Instant disclosedAt, String disclosed, Instant recordedAt) {

        public Parties parties() {
            return new Parties(controllerOrg, processorOrg);
        }

        public boolean gagged() {
            return controllerInformedAt == null;
        }

        public String status() {
            if (disclosedAt != null) {
                return "DISCLOSED";
            }
            return gagged() ? "GAGGED" : "CONTROLLER_INFORMED";
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
        if (command instanceof Register c) {
            if (!c.agreement().parties().processedBy(c.actor())) {
                throw forbidden(ONLY_PROCESSOR, "Only the agreement's processor records a disclosure request it received (art. 2.2)");
            }
            // DPA art. 2.2 binds the processor once signed, and while it still holds data after termination (DPA art. 11.3);
            // a draft binds nobody yet.
            if (!c.agreement().wasSigned()) {
                throw CommonRejections.agreementNotInForce(
                        "Disclosure requests are recorded under active, terminated or closed agreements (DPA art. 2.2)",
                        c.agreement().status());
            }
            if (c.dueAt() == null) {
                throw required("dueAt");
            }
            DisclosureRequestReceived received = new DisclosureRequestReceived(c.requestId(), c.agreement().agreementId(),
                    c.agreement().controllerOrg(), c.agreement().processorOrg(), text(c.authority(), "authority"),
                    notInFuture(c.receivedAt(), "receivedAt", c.at()), text(c.legalBasis(), "legalBasis"), text(c.scope(), "scope"),
                    c.dueAt(), c.actor().subject(), c.at());
            String gag = optional(c.gagLegalBasis());
            return List.of(received, gag == null ? new ControllerInformed(null, c.actor().subject(), c.at())
                    : new InformingForbidden(gag, c.actor().subject(), c.at()));
        }
        Record r = state.orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found", "Not found",
                "The disclosure request does not exist"));
        Actor actor = command instanceof LiftGag l ? l.actor() : ((RecordDisclosure) command).actor();
        if (!r.parties().processedBy(actor)) {
            throw forbidden(ONLY_PROCESSOR, "Only the agreement's processor acts on a disclosure request");
        }
        if (command instanceof LiftGag c) {
            if (!r.gagged()) {
                throw state(NOT_GAGGED, "Controller already informed", "The controller was informed on " + r.controllerInformedAt());
            }
            // DPA art. 2.2: the lifting is recorded first and is what tells the controller; the time it has to seek legal
            // remedies counts from this recorded instant, never from an earlier, unrecorded one.
            return List.of(new ControllerInformed(text(c.reason(), "reason"), c.actor().subject(), c.at()));
        }
        RecordDisclosure c = (RecordDisclosure) command;
        if (r.disclosedAt() != null) {
            throw state(ALREADY_DISCLOSED, "Already disclosed", "The disclosure was recorded on " + r.disclosedAt());
        }
        Instant disclosedAt = notInFuture(c.disclosedAt(), "disclosedAt", c.at());
        // DPA art. 2.2: the processor discloses in answer to the authority's request, so not before it received it.
        if (disclosedAt.isBefore(r.receivedAt())) {
            throw DomainRejection.invalidField(DISCLOSURE_DATED_BEFORE_RECEIPT, "Disclosure dated before the request",
                    "disclosedAt", "must not be before the request was received (" + r.receivedAt() + "; DPA art. 2.2)");
        }
        return List.of(new DataDisclosed(disclosedAt, text(c.disclosed(), "disclosed"), c.actor().subject(), c.at()));
    }

    @Override
    public Optional<Record> evolve(Optional<Record> state, Event event) {
        if (event instanceof DisclosureRequestReceived e) {
            return Optional.of(new Record(e.requestId(), e.agreementId(), e.controllerOrg(), e.processorOrg(), e.authority(),
                    e.receivedAt(), e.legalBasis(), e.scope(), e.dueAt(), null, null, null, null, e.at()));
        }
        Record r = state.orElseThrow();
        if (event instanceof ControllerInformed e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.authority(),
                    r.receivedAt(), r.legalBasis(), r.scope(), r.dueAt(), r.gagLegalBasis(), e.at(), r.disclosedAt(), r.disclosed(),
                    r.recordedAt()));
        }
        if (event instanceof InformingForbidden e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.authority(),
                    r.receivedAt(), r.legalBasis(), r.scope(), r.dueAt(), e.legalBasis(), null, r.disclosedAt(), r.disclosed(),
                    r.recordedAt()));
        }
        DataDisclosed e = (DataDisclosed) event;
        return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.authority(),
                r.receivedAt(), r.legalBasis(), r.scope(), r.dueAt(), r.gagLegalBasis(), r.controllerInformedAt(), e.disclosedAt(),
                e.disclosed(), r.recordedAt()));
    }
}
