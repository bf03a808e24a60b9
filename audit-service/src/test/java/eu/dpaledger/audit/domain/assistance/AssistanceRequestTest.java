package eu.dpaledger.audit.domain.assistance;

import eu.dpaledger.audit.domain.assistance.AssistanceRequest.Answer;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.AssistanceOverdue;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.AssistanceProvided;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.AssistanceRequestClosed;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.AssistanceRequested;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.Attachment;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.Close;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.FollowUp;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.FollowUpAsked;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.Request;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest.Tick;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.time.WorkingCalendar;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DPA art. 7.4 and 7.1, given/when/then: requests for assistance, answers with their cost basis, follow-ups, closure, the overdue clock. */
class AssistanceRequestTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final AssistanceRequest AGGREGATE = new AssistanceRequest();
    static final AggregateSpec<Optional<AssistanceRequest.Record>, AssistanceRequest.Command, AssistanceRequest.Event, DomainRejection> SPEC =
            AggregateSpec.of(AGGREGATE::initial, AGGREGATE::evolve, AGGREGATE::decide, DomainRejection.class,
                    DomainRejection::rule, DomainRejection::kind);
    static final Actor CONTROLLER = new Actor("dpo@opwijk", "0207511803", Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", "0428304785", Set.of(Actor.PROCESSOR));
    static final Actor OTHER_CONTROLLER = new Actor("dpo@voorbeeld", "0123456749", Set.of(Actor.CONTROLLER));
    static final AgreementFacts AGREEMENT = new AgreementFacts("agr-1", AgreementFacts.ACTIVE, new Parties("0207511803", "0428304785"),
            "VTC", BRUSSELS, 30, 30);
    static final WorkingCalendar BELGIUM = WorkingCalendar.belgium(BRUSSELS);
    /** Friday 18 December 2026, 10:00 in Brussels: ten working days later is Tuesday 5 January 2027 (Christmas, New Year). */
    static final Instant ASKED = LocalDateTime.parse("2026-12-18T10:00").atZone(BRUSSELS).toInstant();
    static final LocalDate EARLIEST = LocalDate.parse("2027-01-05");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static Request request(String kind, LocalDate due) {
        return new Request("ar-1", AGREEMENT, kind, "Camera surveillance of the municipal car park",
                List.of("Which data flows leave the EEA?", "Which security measures protect the recordings?"), due, BELGIUM, 10,
                CONTROLLER, ASKED);
    }

    static final AssistanceRequested REQUESTED = new AssistanceRequested("ar-1", "agr-1", "0207511803", "0428304785",
            "Europe/Brussels", "DPIA", "Camera surveillance of the municipal car park",
            List.of("Which data flows leave the EEA?", "Which security measures protect the recordings?"), EARLIEST, "dpo@opwijk", ASKED);
    static final Instant ANSWERED_AT = ASKED.plusSeconds(86_400 * 5);
    static final AssistanceProvided ANSWERED = new AssistanceProvided("None leave the EEA; see the attached measures.",
            List.of(new Attachment("ESN security measures 2026.pdf", SHA)), "PROCESSOR_RESPONSIBILITY", null, "staff@esn", ANSWERED_AT);

    @Test
    void the_controller_asks_for_dpia_input_by_a_date_at_least_ten_working_days_away() {
        SPEC.when(request("DPIA", EARLIEST)).then(REQUESTED);
        SPEC.when(request("DPIA", EARLIEST.minusDays(1))).thenRejected(AssistanceRequest.DUE_DATE_TOO_SOON);
        DomainRejection unknown = SPEC.when(request("AUDIT", EARLIEST)).thenRejected(AssistanceRequest.INVALID_KIND);
        assertTrue(unknown.getMessage().contains("7.4") || String.valueOf(unknown.details()).contains("7.4"), unknown.toString());
        SPEC.when(new Request("ar-1", AGREEMENT, "DPIA", "x", List.of("q"), EARLIEST, BELGIUM, 10, PROCESSOR, ASKED))
                .thenRejected(AssistanceRequest.ONLY_CONTROLLER_REQUESTS);
        SPEC.when(new Request("ar-1", AGREEMENT, "DPIA", "x", List.of("q"), EARLIEST, BELGIUM, 10, OTHER_CONTROLLER, ASKED))
                .thenRejected(AssistanceRequest.ONLY_CONTROLLER_REQUESTS);
        SPEC.when(new Request("ar-1", AGREEMENT, "DPIA", "x", List.of(), EARLIEST, BELGIUM, 10, CONTROLLER, ASKED))
                .thenRejected("field-required");
        AgreementFacts draft = new AgreementFacts("agr-1", "DRAFT", AGREEMENT.parties(), "VTC", BRUSSELS, 30, 30);
        SPEC.when(new Request("ar-1", draft, "DPIA", "x", List.of("q"), EARLIEST, BELGIUM, 10, CONTROLLER, ASKED))
                .thenRejected("agreement-not-in-force");
    }

    @Test
    void every_kind_of_art_7_4_and_7_1_is_accepted() {
        for (String kind : List.of("DPIA", "PRIOR_CONSULTATION", "SECURITY_OF_PROCESSING", "OTHER")) {
            assertEquals(kind, ((AssistanceRequested) SPEC.when(request(kind, EARLIEST)).thenAccepted().get(0)).kind());
        }
    }

    @Test
    void the_processor_answers_with_attachments_and_the_cost_basis_of_art_7_1() {
        SPEC.given(REQUESTED).when(new Answer("None leave the EEA; see the attached measures.",
                List.of(new Attachment("ESN security measures 2026.pdf", SHA.toUpperCase())), "PROCESSOR_RESPONSIBILITY", null,
                PROCESSOR, ANSWERED_AT)).then(ANSWERED);
        SPEC.given(REQUESTED).when(new Answer("x", List.of(new Attachment("a.pdf", "abc")), "PROCESSOR_RESPONSIBILITY", null,
                PROCESSOR, ANSWERED_AT)).thenRejected(AssistanceRequest.INVALID_SHA256);
        SPEC.given(REQUESTED).when(new Answer("x", List.of(), "CHARGEABLE", " ", PROCESSOR, ANSWERED_AT))
                .thenRejected(AssistanceRequest.INVALID_COST_BASIS);
        SPEC.given(REQUESTED).when(new Answer("x", List.of(), "FREE", null, PROCESSOR, ANSWERED_AT))
                .thenRejected(AssistanceRequest.INVALID_COST_BASIS);
        SPEC.given(REQUESTED).when(new Answer("x", List.of(), null, null, PROCESSOR, ANSWERED_AT)).thenRejected("field-required");
        SPEC.given(REQUESTED).when(new Answer("x", List.of(), "PROCESSOR_RESPONSIBILITY", null, CONTROLLER, ANSWERED_AT))
                .thenRejected(AssistanceRequest.ONLY_PROCESSOR_ASSISTS);
        SPEC.given(REQUESTED, ANSWERED).when(new Answer("again", List.of(), "PROCESSOR_RESPONSIBILITY", null, PROCESSOR, ANSWERED_AT))
                .thenRejected(AssistanceRequest.NOT_AWAITING_ANSWER);
        AssistanceProvided charged = (AssistanceProvided) SPEC.given(REQUESTED)
                .when(new Answer("A full DPIA draft", List.of(), "CHARGEABLE", "Drafting the DPIA itself is the controller's task",
                        PROCESSOR, ANSWERED_AT)).thenAccepted().get(0);
        assertEquals("Drafting the DPIA itself is the controller's task", charged.costReason());
    }

    @Test
    void a_follow_up_question_reopens_the_request_with_a_new_due_date_and_the_controller_closes_it() {
        Instant later = ANSWERED_AT.plusSeconds(3600);
        LocalDate due = LocalDate.parse("2027-01-14");
        FollowUpAsked followUp = new FollowUpAsked("And the retention of the recordings?", due, "dpo@opwijk", later);
        AssistanceRequest.Record reopened = SPEC.given(REQUESTED, ANSWERED)
                .when(new FollowUp("And the retention of the recordings?", due, BELGIUM, 10, CONTROLLER, later)).then(followUp)
                .orElseThrow();
        assertEquals(AssistanceRequest.Status.OPEN, reopened.status());
        assertEquals(due, reopened.dueDate());
        assertEquals(List.of("QUESTION", "QUESTION", "ANSWER", "FOLLOW_UP"), reopened.turns().stream().map(AssistanceRequest.Turn::type).toList());
        SPEC.given(REQUESTED).when(new FollowUp("q", due, BELGIUM, 10, CONTROLLER, later)).thenRejected(AssistanceRequest.NOT_ANSWERED);
        SPEC.given(REQUESTED, ANSWERED).when(new FollowUp("q", LocalDate.parse("2027-01-05"), BELGIUM, 10, CONTROLLER, later))
                .thenRejected(AssistanceRequest.DUE_DATE_TOO_SOON);
        SPEC.given(REQUESTED, ANSWERED).when(new FollowUp("q", due, BELGIUM, 10, PROCESSOR, later))
                .thenRejected(AssistanceRequest.ONLY_CONTROLLER_REQUESTS);

        AssistanceRequestClosed closed = new AssistanceRequestClosed("Input taken into the DPIA", "dpo@opwijk", later);
        assertEquals(AssistanceRequest.Status.CLOSED, SPEC.given(REQUESTED, ANSWERED)
                .when(new Close("Input taken into the DPIA", CONTROLLER, later)).then(closed).orElseThrow().status());
        SPEC.given(REQUESTED, ANSWERED).when(new Close(null, PROCESSOR, later)).thenRejected(AssistanceRequest.ONLY_CONTROLLER_REQUESTS);
        SPEC.given(REQUESTED, ANSWERED, closed).when(new Answer("late", List.of(), "PROCESSOR_RESPONSIBILITY", null, PROCESSOR, later))
                .thenRejected(AssistanceRequest.REQUEST_CLOSED);
    }

    @Test
    void an_answer_still_awaited_after_the_due_dates_day_is_overdue_once_per_due_date() {
        Instant lastMinute = LocalDateTime.parse("2027-01-05T23:59").atZone(BRUSSELS).toInstant();
        Instant nextDay = LocalDateTime.parse("2027-01-06T00:01").atZone(BRUSSELS).toInstant();
        SPEC.given(REQUESTED).when(new Tick(lastMinute)).then();
        AssistanceOverdue overdue = new AssistanceOverdue(EARLIEST, nextDay);
        SPEC.given(REQUESTED).when(new Tick(nextDay)).then(overdue);
        SPEC.given(REQUESTED, overdue).when(new Tick(nextDay.plusSeconds(3600))).then();
        SPEC.given(REQUESTED, ANSWERED).when(new Tick(nextDay)).then();

        // A follow-up's own due date can be missed again.
        LocalDate due = LocalDate.parse("2027-01-20");
        FollowUpAsked followUp = new FollowUpAsked("q", due, "dpo@opwijk", nextDay);
        Instant afterFollowUpDue = LocalDateTime.parse("2027-01-21T08:00").atZone(BRUSSELS).toInstant();
        SPEC.given(REQUESTED, overdue, ANSWERED, followUp).when(new Tick(afterFollowUpDue))
                .then(new AssistanceOverdue(due, afterFollowUpDue));
    }
}
