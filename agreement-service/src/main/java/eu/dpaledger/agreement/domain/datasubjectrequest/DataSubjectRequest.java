package eu.dpaledger.agreement.domain.datasubjectrequest;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.time.LegalClock;
import eu.dpaledger.platform.time.PeriodRule;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static eu.dpaledger.agreement.domain.AssistanceRejections.*;

/**
 * A data subject's request that reached the processor (art. 7.2): registered under a pseudonymous
 * reference, forwarded to the controller without delay, acted on only after the controller's written
 * approval. The controller's own answer is due one month after receipt (GDPR 12(3), month rule),
 * extendable once, within that month and with reasons, to three months after receipt.
 */
public final class DataSubjectRequest implements Aggregate<Optional<DataSubjectRequest.Record>, DataSubjectRequest.Command,
        DataSubjectRequest.Event> {

    public static final String ONLY_PROCESSOR = "only-processor-registers-forwards-and-acts";
    public static final String ONLY_CONTROLLER = "only-controller-decides";
    public static final String IDENTITY_IN_CLEAR = "identity-in-clear";
    public static final String NOT_FORWARDED = "request-not-forwarded";
    public static final String ALREADY_FORWARDED = "request-already-forwarded";
    public static final String NOT_APPROVED = "action-before-approval";
    public static final String ALREADY_DECIDED = "request-already-decided";
    public static final String ALREADY_EXTENDED = "deadline-already-extended";
    public static final String EXTENSION_AFTER_FIRST_MONTH = "extension-after-first-month";
    /** Shared with breaches and audits: nothing under a draft, which binds nobody yet. */
    public static final String NOT_IN_FORCE = CommonRejections.AGREEMENT_NOT_IN_FORCE;
    /** GDPR art. 12(3): one month, extendable by two further months: three months from receipt in all. */
    static final PeriodRule EXTENDED_ANSWER = PeriodRule.months(3);

    /** GDPR 15–21. */
    public enum Type { ACCESS, RECTIFICATION, ERASURE, RESTRICTION, PORTABILITY, OBJECTION }

    // An e-mail address, or 11 digits in a row (a Belgian national register number), is an identity in clear.
    private static final Pattern IDENTITY = Pattern.compile(".*(@|\\d{2}[.\\s-]?\\d{2}[.\\s-]?\\d{2}[.\\s-]?\\d{3}[.\\s-]?\\d{2}).*");

    public sealed interface Command {
    }

    public record Register(String requestId, AgreementFacts agreement, Type type, Instant receivedAt, String reference,
                           Duration forwardWithin, Actor actor, Instant at) implements Command {
    }

    public record Forward(Actor actor, Instant at) implements Command {
    }

    public record Decide(Boolean approved, String instructions, Actor actor, Instant at) implements Command {
    }

    public record ExtendDeadline(String reasons, Actor actor, Instant at) implements Command {
    }

    public record Act(String description, Actor actor, Instant at) implements Command {
    }

    public sealed interface Event {
    }

    public record DataSubjectRequestRegistered(String requestId, String agreementId, String controllerOrg, String processorOrg,
                                               String timeZone, Type type, Instant receivedAt, String reference,
                                               Instant forwardDueAt, LocalDate answerDueOn, String registeredBy, Instant at)
            implements Event {
    }

    public record RequestForwarded(String forwardedBy, Instant at) implements Event {
    }

    public record RequestDecided(boolean approved, String instructions, String decidedBy, Instant at) implements Event {
    }

    /** GDPR 12(3): two further months, with the reasons (once). */
    public record AnswerDeadlineExtended(String reasons, LocalDate answerDueOn, String extendedBy, Instant at) implements Event {
    }

    public record RequestActedOn(String description, String actedBy, Instant at) implements Event {
    }

    public record Record(String requestId, String agreementId, String controllerOrg, String processorOrg, String timeZone,
                         Type type, Instant receivedAt, String reference, Instant forwardDueAt, Instant forwardedAt,
                         LocalDate answerDueOn, String extensionReasons, Boolean approved, String instructions,
                         Instant decidedAt, String actionDescription, Instant actedAt) {

        public Parties parties() {
            return new Parties(controllerOrg, processorOrg);
        }

        public boolean forwardingOverdue(Instant now) {
            return forwardedAt == null && !now.isBefore(forwardDueAt);
        }

        public String status() {
            if (actedAt != null) {
                return "ACTED_ON";
            }
            if (approved != null) {
                return approved ? "APPROVED" : "REJECTED";
            }
            return forwardedAt == null ? "REGISTERED" : "AWAITING_APPROVAL";
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
                throw forbidden(ONLY_PROCESSOR, "Only the agreement's processor registers a request that reached it (art. 7.2)");
            }
            // DPA art. 7.2 binds once signed and survives termination (DPA art. 3.2); a draft binds nobody yet.
            if (!c.agreement().wasSigned()) {
                throw CommonRejections.agreementNotInForce(
                        "Data subject requests are registered under active, terminated or closed agreements (DPA art. 7.2, 3.2)",
                        c.agreement().status());
            }
            if (c.type() == null) {
                throw required("type");
            }
            String reference = text(c.reference(), "reference");
            if (IDENTITY.matcher(reference).matches()) {
                throw DomainRejection.invalidField(IDENTITY_IN_CLEAR, "Identity in clear", "reference",
                        "use a pseudonymous reference, never an e-mail address or national register number");
            }
            Instant received = notInFuture(c.receivedAt(), "receivedAt", c.at());
            WorkingCalendar calendar = WorkingCalendar.belgium(c.agreement().zone());
            LocalDate due = Periods.lastDay(LegalClock.DATA_SUBJECT_ANSWER.rule(), calendar.dateOf(received), calendar);
            return List.of(new DataSubjectRequestRegistered(c.requestId(), c.agreement().agreementId(), c.agreement().controllerOrg(),
                    c.agreement().processorOrg(), c.agreement().zone().getId(), c.type(), received, reference,
                    received.plus(c.forwardWithin()), due, c.actor().subject(), c.at()));
        }
        Record r = state.orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found", "Not found",
                "The request does not exist"));
        if (command instanceof Forward c) {
            requireProcessor(c.actor(), r);
            if (r.forwardedAt() != null) {
                throw state(ALREADY_FORWARDED, "Already forwarded", "Forwarded on " + r.forwardedAt());
            }
            return List.of(new RequestForwarded(c.actor().subject(), c.at()));
        }
        if (command instanceof Decide c) {
            requireController(c.actor(), r);
            requireForwarded(r);
            if (r.approved() != null) {
                throw state(ALREADY_DECIDED, "Already decided", "The controller decided on " + r.decidedAt());
            }
            if (c.approved() == null) {
                throw required("approved");
            }
            return List.of(new RequestDecided(c.approved(), text(c.instructions(), "instructions"), c.actor().subject(), c.at()));
        }
        if (command instanceof ExtendDeadline c) {
            requireController(c.actor(), r);
            requireForwarded(r);
            if (r.extensionReasons() != null) {
                throw state(ALREADY_EXTENDED, "Already extended", "The deadline was extended once already");
            }
            WorkingCalendar calendar = WorkingCalendar.belgium(ZoneId.of(r.timeZone()));
            LocalDate received = calendar.dateOf(r.receivedAt());
            LocalDate firstMonthDue = Periods.lastDay(LegalClock.DATA_SUBJECT_ANSWER.rule(), received, calendar);
            // GDPR art. 12(3): the data subject is told of an extension "within one month of receipt of the request".
            if (!c.at().isBefore(calendar.endOfDay(firstMonthDue))) {
                throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, EXTENSION_AFTER_FIRST_MONTH,
                        "The first month has run out",
                        "The answer deadline is extended only within one month of receipt (GDPR art. 12(3)); that month ended with "
                                + firstMonthDue, Map.of("firstMonthDueOn", firstMonthDue.toString()));
            }
            // GDPR art. 12(3): "two further months" counted from receipt (3 months, moved once), not from the moved first end.
            LocalDate extended = Periods.lastDay(EXTENDED_ANSWER, received, calendar);
            return List.of(new AnswerDeadlineExtended(text(c.reasons(), "reasons"), extended, c.actor().subject(), c.at()));
        }
        Act c = (Act) command;
        requireProcessor(c.actor(), r);
        // Art. 7.2: the processor acts only after the controller's written approval.
        if (!Boolean.TRUE.equals(r.approved())) {
            throw state(NOT_APPROVED, "Not approved", "The processor acts on a data subject request only after the controller's written approval (art. 7.2)");
        }
        if (r.actedAt() != null) {
            throw state("request-already-acted-on", "Already acted on", "Recorded on " + r.actedAt());
        }
        return List.of(new RequestActedOn(text(c.description(), "description"), c.actor().subject(), c.at()));
    }

    @Override
    public Optional<Record> evolve(Optional<Record> state, Event event) {
        if (event instanceof DataSubjectRequestRegistered e) {
            return Optional.of(new Record(e.requestId(), e.agreementId(), e.controllerOrg(), e.processorOrg(), e.timeZone(), e.type(),
                    e.receivedAt(), e.reference(), e.forwardDueAt(), null, e.answerDueOn(), null, null, null, null, null, null));
        }
        Record r = state.orElseThrow();
        if (event instanceof RequestForwarded e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.timeZone(), r.type(),
                    r.receivedAt(), r.reference(), r.forwardDueAt(), e.at(), r.answerDueOn(), r.extensionReasons(), r.approved(),
                    r.instructions(), r.decidedAt(), r.actionDescription(), r.actedAt()));
        }
        if (event instanceof RequestDecided e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.timeZone(), r.type(),
                    r.receivedAt(), r.reference(), r.forwardDueAt(), r.forwardedAt(), r.answerDueOn(), r.extensionReasons(),
                    e.approved(), e.instructions(), e.at(), r.actionDescription(), r.actedAt()));
        }
        if (event instanceof AnswerDeadlineExtended e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.timeZone(), r.type(),
                    r.receivedAt(), r.reference(), r.forwardDueAt(), r.forwardedAt(), e.answerDueOn(), e.reasons(), r.approved(),
                    r.instructions(), r.decidedAt(), r.actionDescription(), r.actedAt()));
        }
        RequestActedOn e = (RequestActedOn) event;
        return Optional.of(new Record(r.requestId(), r.agreementId(), r.controllerOrg(), r.processorOrg(), r.timeZone(), r.type(),
                r.receivedAt(), r.reference(), r.forwardDueAt(), r.forwardedAt(), r.answerDueOn(), r.extensionReasons(), r.approved(),
                r.instructions(), r.decidedAt(), e.description(), e.at()));
    }

    private static void requireProcessor(Actor actor, Record r) {
        if (!r.parties().processedBy(actor)) {
            throw forbidden(ONLY_PROCESSOR, "Only the agreement's processor forwards or acts on the request");
        }
    }

    private static void requireController(Actor actor, Record r) {
        if (!r.parties().controlledBy(actor)) {
            throw forbidden(ONLY_CONTROLLER, "Only the agreement's controller decides on a data subject request");
        }
    }

    private static void requireForwarded(Record r) {
        if (r.forwardedAt() == null) {
            throw state(NOT_FORWARDED, "Not forwarded", "The processor has not forwarded the request yet");
        }
    }
}
