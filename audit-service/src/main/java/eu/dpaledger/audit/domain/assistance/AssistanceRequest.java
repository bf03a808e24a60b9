package eu.dpaledger.audit.domain.assistance;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.time.PeriodRule;
import eu.dpaledger.platform.time.Periods;
import eu.dpaledger.platform.time.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DPA art. 7.4 and 7.1: the controller asks the processor for assistance, with the security of processing (GDPR art.
 * 32), a data protection impact assessment (GDPR art. 35), the prior consultation of the authority after one (GDPR art.
 * 36), or anything else it needs to meet its obligations and to prove it (art. 7.1), by a due date it sets; the
 * processor answers (text and attachment references, name + SHA-256) and states the cost basis (art. 7.1: assistance
 * inherent in its own responsibilities is at its expense, anything else may be charged, with a reason); the controller
 * asks follow-up questions (each with a new due date) and closes the request. A request still awaiting an answer the
 * day after its due date is marked overdue, once per due date.
 */
public final class AssistanceRequest implements Aggregate<Optional<AssistanceRequest.Record>, AssistanceRequest.Command,
        AssistanceRequest.Event> {

    public static final String ONLY_CONTROLLER_REQUESTS = "only-controller-requests-assistance";
    public static final String ONLY_PROCESSOR_ASSISTS = "only-processor-assists";
    public static final String INVALID_KIND = "invalid-assistance-kind";
    public static final String DUE_DATE_TOO_SOON = "due-date-too-soon";
    public static final String INVALID_SHA256 = "invalid-sha256";
    public static final String INVALID_COST_BASIS = "invalid-cost-basis";
    public static final String NOT_AWAITING_ANSWER = "assistance-not-awaiting-answer";
    public static final String NOT_ANSWERED = "assistance-not-answered";
    public static final String REQUEST_CLOSED = "assistance-request-closed";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** What the controller asks assistance with (DPA art. 7.4, 7.1). */
    public enum Kind {
        /** A data protection impact assessment (GDPR art. 35). */
        DPIA,
        /** The prior consultation of the supervisory authority after a DPIA (GDPR art. 36). */
        PRIOR_CONSULTATION,
        /** The security of processing (GDPR art. 32). */
        SECURITY_OF_PROCESSING,
        /** Any other assistance the controller needs to meet its GDPR obligations and prove it (DPA art. 7.1). */
        OTHER;

        static Kind parse(String value) {
            try {
                return value == null ? null : Kind.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw DomainRejection.invalidField(INVALID_KIND, "Unknown kind of assistance", "kind",
                        "one of " + Arrays.toString(values()) + " (DPA art. 7.4, 7.1)");
            }
        }
    }

    /** Who bears the time and means of an answer (DPA art. 7.1). */
    public enum CostBasis {
        /** Inherent in the processor's own responsibilities: at its expense. */
        PROCESSOR_RESPONSIBILITY,
        /** Beyond them: chargeable, with the reason. */
        CHARGEABLE
    }

    /** Waiting for the processor (OPEN), for the controller (ANSWERED), or done (CLOSED). */
    public enum Status { OPEN, ANSWERED, CLOSED }

    /** An attachment by reference: its name and the SHA-256 of its content. */
    public record Attachment(String name, String sha256) {
    }

    public sealed interface Command {
    }

    /**
     * @param calendar           the calendar whose working days count (Reg. 1182/71 art. 2(2)), in the agreement's zone
     * @param minimumWorkingDays the least time the processor is given: the due date is at least this many working days
     *                           after the day of the request (a dpa-ledger rule, configurable, default 10)
     */
    public record Request(String requestId, AgreementFacts agreement, String kind, String processing, List<String> questions,
                          LocalDate dueDate, WorkingCalendar calendar, int minimumWorkingDays, Actor actor, Instant at)
            implements Command {
    }

    public record Answer(String text, List<Attachment> attachments, String costBasis, String costReason, Actor actor, Instant at)
            implements Command {
    }

    public record FollowUp(String question, LocalDate dueDate, WorkingCalendar calendar, int minimumWorkingDays, Actor actor,
                           Instant at) implements Command {
    }

    public record Close(String note, Actor actor, Instant at) implements Command {
    }

    /** The scheduler's look at the clock: an answer still awaited after the due date's day is overdue. */
    public record Tick(Instant now) implements Command {
    }

    public sealed interface Event {
    }

    public record AssistanceRequested(String requestId, String agreementId, String controllerOrg, String processorOrg,
                                      String timeZone, String kind, String processing, List<String> questions,
                                      LocalDate dueDate, String requestedBy, Instant at) implements Event {
    }

    public record AssistanceProvided(String text, List<Attachment> attachments, String costBasis, String costReason,
                                     String answeredBy, Instant at) implements Event {
    }

    public record FollowUpAsked(String question, LocalDate dueDate, String askedBy, Instant at) implements Event {
    }

    public record AssistanceRequestClosed(String note, String closedBy, Instant at) implements Event {
    }

    public record AssistanceOverdue(LocalDate dueDate, Instant at) implements Event {
    }

    /** One turn of the conversation: a question (the request's own, or a follow-up) or an answer. */
    public record Turn(String type, String text, List<Attachment> attachments, String by, Instant at) {
    }

    /**
     * A request as known.
     *
     * @param overdueFor the due date it was marked overdue for, if it was (a follow-up's new due date can be missed again)
     * @param costBasis  the cost basis of the latest answer
     */
    public record Record(String requestId, String agreementId, Parties parties, ZoneId zone, Kind kind, String processing,
                         Status status, LocalDate dueDate, LocalDate overdueFor, String costBasis, String costReason,
                         List<Turn> turns, String requestedBy, Instant requestedAt, Instant closedAt) {

        /** When the latest answer was given; null before the first. */
        public Instant answeredAt() {
            return turns.stream().filter(t -> t.type().equals("ANSWER")).map(Turn::at).reduce((a, b) -> b).orElse(null);
        }

        /** Marked overdue for the current question's due date, and still awaiting its answer. */
        public boolean markedOverdue() {
            return status == Status.OPEN && dueDate.equals(overdueFor);
        }

        /** Awaiting the processor's answer after the end of the due date's day, in the agreement's zone. */
        public boolean overdue(Instant now) {
            return status == Status.OPEN && now.atZone(zone).toLocalDate().isAfter(dueDate);
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
        if (command instanceof Request c) {
            return List.of(request(c));
        }
        if (command instanceof Tick t) {
            return state.filter(r -> r.overdue(t.now()) && !r.dueDate().equals(r.overdueFor()))
                    .<List<Event>>map(r -> List.of(new AssistanceOverdue(r.dueDate(), t.now()))).orElse(List.of());
        }
        Record r = state.orElseThrow(() -> CommonRejections.notFound("The assistance request"));
        if (r.status() == Status.CLOSED) {
            throw DomainRejection.stateConflict(REQUEST_CLOSED, "Request closed", "The controller closed this request on " + r.closedAt());
        }
        if (command instanceof Answer c) {
            return List.of(answer(c, r));
        }
        if (command instanceof FollowUp c) {
            controllerOnly(r.parties(), c.actor());
            if (r.status() != Status.ANSWERED) {
                throw DomainRejection.stateConflict(NOT_ANSWERED, "Not answered yet",
                        "A follow-up question comes after the processor's answer; the request still awaits it");
            }
            String question = CommonRejections.requiredText(c.question(), "question");
            checkDueDate(c.dueDate(), c.calendar(), c.minimumWorkingDays(), c.at());
            return List.of(new FollowUpAsked(question, c.dueDate(), c.actor().subject(), c.at()));
        }
        Close c = (Close) command;
        controllerOnly(r.parties(), c.actor());
        return List.of(new AssistanceRequestClosed(c.note() == null || c.note().isBlank() ? null : c.note().trim(),
                c.actor().subject(), c.at()));
    }

    private static AssistanceRequested request(Request c) {
        controllerOnly(c.agreement().parties(), c.actor());
        // Art. 7 binds from signature; assistance with a DPIA or with proving compliance is still owed after termination.
        if (!c.agreement().wasSigned()) {
            throw CommonRejections.agreementNotInForce(
                    "Assistance is requested on active, terminated or closed agreements", c.agreement().status());
        }
        Kind kind = Kind.parse(c.kind());
        if (kind == null) {
            throw CommonRejections.required("kind");
        }
        String processing = CommonRejections.requiredText(c.processing(), "processing");
        if (c.questions() == null || c.questions().isEmpty()) {
            throw CommonRejections.required("questions");
        }
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < c.questions().size(); i++) {
            questions.add(CommonRejections.requiredText(c.questions().get(i), "questions[" + i + "]"));
        }
        checkDueDate(c.dueDate(), c.calendar(), c.minimumWorkingDays(), c.at());
        return new AssistanceRequested(c.requestId(), c.agreement().agreementId(), c.agreement().controllerOrg(),
                c.agreement().processorOrg(), c.agreement().zone().getId(), kind.name(), processing, List.copyOf(questions),
                c.dueDate(), c.actor().subject(), c.at());
    }

    private static AssistanceProvided answer(Answer c, Record r) {
        if (!r.parties().processedBy(c.actor())) {
            throw CommonRejections.wrongParty(ONLY_PROCESSOR_ASSISTS, "Only the agreement's processor answers a request for assistance (DPA art. 7.4)");
        }
        if (r.status() != Status.OPEN) {
            throw DomainRejection.stateConflict(NOT_AWAITING_ANSWER, "No question awaits an answer",
                    "The last question was answered; the controller may ask a follow-up question");
        }
        String text = CommonRejections.requiredText(c.text(), "text");
        if (c.costBasis() == null) {
            throw CommonRejections.required("costBasis");
        }
        CostBasis basis;
        try {
            basis = CostBasis.valueOf(c.costBasis());
        } catch (IllegalArgumentException e) {
            throw DomainRejection.invalidField(INVALID_COST_BASIS, "Unknown cost basis", "costBasis",
                    "one of " + Arrays.toString(CostBasis.values()) + " (DPA art. 7.1)");
        }
        String reason = c.costReason() == null || c.costReason().isBlank() ? null : c.costReason().trim();
        if (basis == CostBasis.CHARGEABLE && reason == null) {
            throw DomainRejection.invalidField(INVALID_COST_BASIS, "Chargeable without a reason", "costReason",
                    "say why the assistance goes beyond the processor's own responsibilities (DPA art. 7.1)");
        }
        List<Attachment> attachments = c.attachments() == null ? List.of() : c.attachments();
        List<Attachment> checked = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (a == null || a.name() == null || a.name().isBlank()) {
                throw CommonRejections.required("attachments[" + i + "].name");
            }
            if (a.sha256() == null || !SHA256.matcher(a.sha256()).matches()) {
                throw DomainRejection.invalidField(INVALID_SHA256, "Digest is not a SHA-256", "attachments[" + i + "].sha256",
                        "must be 64 hexadecimal characters: what the controller receives must be provable (DPA art. 7.1)");
            }
            checked.add(new Attachment(a.name().trim(), a.sha256().toLowerCase(Locale.ROOT)));
        }
        return new AssistanceProvided(text, List.copyOf(checked), basis.name(), reason,
                c.actor().subject(), c.at());
    }

    private static void controllerOnly(Parties parties, Actor actor) {
        if (!parties.controlledBy(actor)) {
            throw CommonRejections.wrongParty(ONLY_CONTROLLER_REQUESTS,
                    "Only the agreement's controller requests assistance, asks follow-up questions and closes (DPA art. 7.4)");
        }
    }

    /**
     * The due date gives the processor at least {@code minimumWorkingDays} working days after the day of asking
     * (Reg. 1182/71 art. 3(1) and 3(3): the day of asking not counted, Saturdays, Sundays and public holidays left out).
     */
    static void checkDueDate(LocalDate dueDate, WorkingCalendar calendar, int minimumWorkingDays, Instant at) {
        if (dueDate == null) {
            throw CommonRejections.required("dueDate");
        }
        LocalDate earliest = Periods.lastDay(PeriodRule.workingDays(minimumWorkingDays), calendar.dateOf(at), calendar);
        if (dueDate.isBefore(earliest)) {
            throw DomainRejection.invalidField(DUE_DATE_TOO_SOON, "Due date too soon", "dueDate",
                    "must be " + earliest + " or later: at least " + minimumWorkingDays
                            + " working days after today (DPA art. 7.4; Reg. 1182/71 art. 3(3))");
        }
    }

    @Override
    public Optional<Record> evolve(Optional<Record> state, Event event) {
        if (event instanceof AssistanceRequested e) {
            List<Turn> turns = e.questions().stream().map(q -> new Turn("QUESTION", q, List.of(), e.requestedBy(), e.at())).toList();
            return Optional.of(new Record(e.requestId(), e.agreementId(), new Parties(e.controllerOrg(), e.processorOrg()),
                    ZoneId.of(e.timeZone()), Kind.valueOf(e.kind()), e.processing(), Status.OPEN, e.dueDate(), null, null, null,
                    turns, e.requestedBy(), e.at(), null));
        }
        Record r = state.orElseThrow();
        if (event instanceof AssistanceProvided e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.processing(),
                    Status.ANSWERED, r.dueDate(), r.overdueFor(), e.costBasis(), e.costReason(),
                    append(r.turns(), new Turn("ANSWER", e.text(), e.attachments(), e.answeredBy(), e.at())),
                    r.requestedBy(), r.requestedAt(), null));
        }
        if (event instanceof FollowUpAsked e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.processing(),
                    Status.OPEN, e.dueDate(), r.overdueFor(), r.costBasis(), r.costReason(),
                    append(r.turns(), new Turn("FOLLOW_UP", e.question(), List.of(), e.askedBy(), e.at())),
                    r.requestedBy(), r.requestedAt(), null));
        }
        if (event instanceof AssistanceOverdue e) {
            return Optional.of(new Record(r.requestId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.processing(),
                    r.status(), r.dueDate(), e.dueDate(), r.costBasis(), r.costReason(), r.turns(), r.requestedBy(),
                    r.requestedAt(), null));
        }
        AssistanceRequestClosed e = (AssistanceRequestClosed) event;
        return Optional.of(new Record(r.requestId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.processing(),
                Status.CLOSED, r.dueDate(), r.overdueFor(), r.costBasis(), r.costReason(), r.turns(), r.requestedBy(),
                r.requestedAt(), e.at()));
    }

    private static List<Turn> append(List<Turn> turns, Turn turn) {
        List<Turn> out = new ArrayList<>(turns);
        out.add(turn);
        return List.copyOf(out);
    }
}
