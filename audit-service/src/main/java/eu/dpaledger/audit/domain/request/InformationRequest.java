package eu.dpaledger.audit.domain.request;

import eu.dpaledger.audit.domain.audit.AuditAggregate;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Art. 9.2: on simple request the processor provides all relevant information. The controller asks
 * (optionally by a date), the processor answers with text and attachment references (name + SHA-256).
 */
public final class InformationRequest implements Aggregate<Optional<InformationRequest.Record>, InformationRequest.Command,
        InformationRequest.Event> {

    public static final String ONLY_CONTROLLER_ASKS = "only-controller-asks";
    public static final String ONLY_PROCESSOR_ANSWERS = "only-processor-answers";
    public static final String ALREADY_ANSWERED = "already-answered";
    public static final String INVALID_SHA256 = "invalid-sha256";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** An attachment by reference: its name and the SHA-256 of its content. */
    public record Attachment(String name, String sha256) {
    }

    public sealed interface Command {
    }

    public record Ask(String requestId, AgreementFacts agreement, String question, LocalDate dueDate, Actor actor, Instant at)
            implements Command {
    }

    public record Answer(String text, List<Attachment> attachments, Actor actor, Instant at) implements Command {
    }

    public sealed interface Event {
    }

    public record InformationRequested(String requestId, String agreementId, String controllerOrg, String processorOrg,
                                       String timeZone, String question, LocalDate dueDate, String askedBy, Instant at)
            implements Event {
    }

    public record InformationProvided(String text, List<Attachment> attachments, String answeredBy, Instant at) implements Event {
    }

    /** A request as known: its agreement's parties, the agreement's zone (in which the due date is a day), the answer if any. */
    public record Record(String requestId, String agreementId, Parties parties, ZoneId zone, String question, LocalDate dueDate,
                         String askedBy, Instant askedAt, InformationProvided answer) {

        public boolean overdue(Instant now) {
            return answer == null && dueDate != null && now.atZone(zone).toLocalDate().isAfter(dueDate);
        }

        public String status() {
            return answer == null ? "OPEN" : "ANSWERED";
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
        if (command instanceof Ask c) {
            if (!c.agreement().parties().controlledBy(c.actor())) {
                throw CommonRejections.wrongParty(ONLY_CONTROLLER_ASKS,
                        "Only the agreement's controller asks for information (art. 9.2)");
            }
            // DPA art. 9 survives termination (DPA art. 3.2); a draft binds nobody.
            if (!c.agreement().wasSigned()) {
                throw CommonRejections.agreementNotInForce(
                        "Information requests are possible on active, terminated or closed agreements", c.agreement().status());
            }
            if (c.question() == null || c.question().isBlank()) {
                throw CommonRejections.required("question");
            }
            if (c.dueDate() != null && c.dueDate().isBefore(c.at().atZone(c.agreement().zone()).toLocalDate())) {
                throw DomainRejection.invalidField("due-date-in-the-past", "Due date in the past", "dueDate", "must be today or later");
            }
            return List.of(new InformationRequested(c.requestId(), c.agreement().agreementId(), c.agreement().controllerOrg(),
                    c.agreement().processorOrg(), c.agreement().zone().getId(), c.question().trim(),
                    c.dueDate(), c.actor().subject(), c.at()));
        }
        Answer c = (Answer) command;
        Record r = state.orElseThrow(() -> CommonRejections.notFound("The information request"));
        if (!r.parties().processedBy(c.actor())) {
            throw CommonRejections.wrongParty(ONLY_PROCESSOR_ANSWERS,
                    "Only the agreement's processor answers an information request (art. 9.2)");
        }
        if (r.answer() != null) {
            throw DomainRejection.stateConflict(ALREADY_ANSWERED, "Already answered", "The request was answered on " + r.answer().at());
        }
        if (c.text() == null || c.text().isBlank()) {
            throw CommonRejections.required("text");
        }
        List<Attachment> attachments = c.attachments() == null ? List.of() : List.copyOf(c.attachments());
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (a == null || a.name() == null || a.name().isBlank()) {
                throw CommonRejections.required("attachments[" + i + "].name");
            }
            if (a.sha256() == null || !SHA256.matcher(a.sha256()).matches()) {
                throw DomainRejection.invalidField(INVALID_SHA256, "Digest is not a SHA-256", "attachments[" + i + "].sha256",
                        "must be 64 hexadecimal characters");
            }
        }
        return List.of(new InformationProvided(c.text().trim(), attachments.stream()
                .map(a -> new Attachment(a.name().trim(), a.sha256().toLowerCase(java.util.Locale.ROOT))).toList(),
                c.actor().subject(), c.at()));
    }

    @Override
    public Optional<Record> evolve(Optional<Record> state, Event event) {
        if (event instanceof InformationRequested e) {
            return Optional.of(new Record(e.requestId(), e.agreementId(), new Parties(e.controllerOrg(), e.processorOrg()),
                    ZoneId.of(e.timeZone()), e.question(), e.dueDate(), e.askedBy(), e.at(), null));
        }
        InformationProvided e = (InformationProvided) event;
        Record r = state.orElseThrow();
        return Optional.of(new Record(r.requestId(), r.agreementId(), r.parties(), r.zone(), r.question(),
                r.dueDate(), r.askedBy(), r.askedAt(), e));
    }
}
