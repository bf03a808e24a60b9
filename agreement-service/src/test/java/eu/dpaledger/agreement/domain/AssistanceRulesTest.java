package eu.dpaledger.agreement.domain;

import eu.dpaledger.agreement.domain.datasubjectrequest.DataSubjectRequest;
import eu.dpaledger.agreement.domain.disclosure.DisclosureRequest;
import eu.dpaledger.agreement.domain.instruction.Instruction;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given/when/then for instructions (art. 2.2, 2.3), disclosure requests (art. 2.2) and data subject requests (art. 7.2). */
class AssistanceRulesTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final Actor CONTROLLER = new Actor("dpo@opwijk", "0207511803", Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", "0428304785", Set.of(Actor.PROCESSOR));
    static final AgreementFacts ACTIVE = agreement("ACTIVE");
    static final Instant NOW = Instant.parse("2027-01-31T10:00:00Z");

    static AgreementFacts agreement(String status) {
        return new AgreementFacts("agr-1", status, new Parties("0207511803", "0428304785"), "GBA", BRUSSELS, 30, 30);
    }

    /** A new stream of an assistance aggregate under the shared given/when/then fixture; accepted events join it. */
    static <S, C, E> AggregateSpec<S, C, E, DomainRejection>.Scenario given(Aggregate<S, C, E> aggregate) {
        return AggregateSpec.of(aggregate::initial, aggregate::evolve, aggregate::decide,
                DomainRejection.class, DomainRejection::rule, DomainRejection::kind).given();
    }

    @Test
    void an_instruction_flagged_as_infringing_is_confirmed_amended_or_withdrawn_by_the_controller() {
        var instruction = given(new Instruction());
        instruction.when(new Instruction.Issue("i", ACTIVE, "x", LocalDate.now(), PROCESSOR, NOW))
                .thenRejected(Instruction.ONLY_CONTROLLER);
        instruction.when(new Instruction.Issue("i", agreement("DRAFT"), "x", LocalDate.now(), CONTROLLER, NOW)).thenRejected(Instruction.NOT_ACTIVE);
        instruction.when(new Instruction.Issue("i", ACTIVE, "Share visitor IPs with our agency", LocalDate.of(2027, 2, 1), CONTROLLER, NOW))
                .thenAccepted();
        instruction.when(new Instruction.Flag("no", CONTROLLER, NOW)).thenRejected(Instruction.ONLY_PROCESSOR);
        instruction.when(new Instruction.Flag("No legal basis for sharing (GDPR 6)", PROCESSOR, NOW)).thenAccepted();
        instruction.when(new Instruction.Acknowledge(PROCESSOR, NOW)).thenRejected(Instruction.NOT_AWAITING);
        assertFalse(instruction.state().orElseThrow().lawfulBasis());
        assertTrue(instruction.when(new Instruction.Confirm("Our legal service confirms the basis", CONTROLLER, NOW))
                .thenState().orElseThrow().lawfulBasis(), "confirmed over the flag: processing rests on the instruction");
        var withdrawn = instruction.when(new Instruction.Withdraw("Replaced", CONTROLLER, NOW)).thenState().orElseThrow();
        assertEquals(Instruction.Status.WITHDRAWN, withdrawn.status());
        assertFalse(withdrawn.lawfulBasis());
    }

    @Test
    void an_amended_instruction_awaits_a_new_acknowledgement() {
        var instruction = given(new Instruction());
        instruction.when(new Instruction.Issue("i", ACTIVE, "Share IPs", LocalDate.of(2027, 2, 1), CONTROLLER, NOW)).thenAccepted();
        instruction.when(new Instruction.Flag("Infringes GDPR 6", PROCESSOR, NOW)).thenAccepted();
        assertEquals(Instruction.Status.ISSUED, instruction.when(new Instruction.Amend("Share aggregated counts", LocalDate.of(2027, 2, 1),
                "Agreed", CONTROLLER, NOW)).thenState().orElseThrow().status());
        assertTrue(instruction.when(new Instruction.Acknowledge(PROCESSOR, NOW)).thenState().orElseThrow().lawfulBasis());
    }

    @Test
    void a_gagged_disclosure_request_is_informed_only_when_the_gag_is_lifted_and_disclosed_once() {
        var request = given(new DisclosureRequest());
        request.when(new DisclosureRequest.Register("d", ACTIVE, "Police", NOW, "x", "y", NOW.plusSeconds(3600), null, CONTROLLER, NOW))
                .thenRejected(DisclosureRequest.ONLY_PROCESSOR);
        var events = request.when(new DisclosureRequest.Register("d", ACTIVE, "Federal prosecutor", NOW, "Art. 46bis", "Logs",
                NOW.plus(Duration.ofDays(5)), "Secrecy of the investigation", PROCESSOR, NOW)).thenAccepted();
        assertTrue(events.get(1) instanceof DisclosureRequest.InformingForbidden);
        assertTrue(request.state().orElseThrow().gagged());
        assertFalse(request.when(new DisclosureRequest.LiftGag("Investigation closed", PROCESSOR, NOW.plusSeconds(60)))
                .thenState().orElseThrow().gagged());
        request.when(new DisclosureRequest.LiftGag("again", PROCESSOR, NOW)).thenRejected(DisclosureRequest.NOT_GAGGED);
        request.when(new DisclosureRequest.RecordDisclosure(NOW.plusSeconds(120), "Logs of March", PROCESSOR, NOW.plusSeconds(120)))
                .thenAccepted();
        request.when(new DisclosureRequest.RecordDisclosure(NOW, "again", PROCESSOR, NOW.plusSeconds(180)))
                .thenRejected(DisclosureRequest.ALREADY_DISCLOSED);
        var informed = given(new DisclosureRequest()).when(new DisclosureRequest.Register("e", ACTIVE, "Police", NOW, "Art. 88bis",
                "Logs", NOW.plusSeconds(3600), " ", PROCESSOR, NOW)).thenAccepted();
        assertTrue(informed.get(1) instanceof DisclosureRequest.ControllerInformed, "no gag basis: the controller is informed at once");
    }

    @Test
    void a_data_subject_request_never_names_the_person_and_is_acted_on_only_after_approval() {
        var request = given(new DataSubjectRequest());
        for (String identity : List.of("jan@example.org", "85.07.30-033.61", "85073003361")) {
            request.when(new DataSubjectRequest.Register("r", ACTIVE, DataSubjectRequest.Type.ACCESS, NOW, identity, Duration.ofHours(24),
                    PROCESSOR, NOW)).thenRejected(DataSubjectRequest.IDENTITY_IN_CLEAR);
        }
        var registered = request.when(new DataSubjectRequest.Register("r", ACTIVE, DataSubjectRequest.Type.ERASURE, NOW, "DSR-017",
                Duration.ofHours(24), PROCESSOR, NOW)).thenState().orElseThrow();
        // Received 31 January 2027: one month = 28 February, a Sunday, so Monday 1 March (GDPR 12(3), Reg. 1182/71).
        assertEquals(LocalDate.of(2027, 3, 1), registered.answerDueOn());
        assertTrue(registered.forwardingOverdue(NOW.plus(Duration.ofHours(24))));
        assertFalse(registered.forwardingOverdue(NOW.plus(Duration.ofHours(23))));
        request.when(new DataSubjectRequest.Decide(true, "go", CONTROLLER, NOW)).thenRejected(DataSubjectRequest.NOT_FORWARDED);
        request.when(new DataSubjectRequest.Act("erased", PROCESSOR, NOW)).thenRejected(DataSubjectRequest.NOT_APPROVED);
        request.when(new DataSubjectRequest.Forward(PROCESSOR, NOW.plusSeconds(600))).thenAccepted();
        // GDPR art. 12(3): three months from receipt (31 January -> 30 April 2027, a Friday), not two more from the moved 1 March.
        assertEquals(LocalDate.of(2027, 4, 30), request.when(new DataSubjectRequest.ExtendDeadline("Complex: several systems", CONTROLLER,
                NOW.plusSeconds(900))).thenState().orElseThrow().answerDueOn());
        request.when(new DataSubjectRequest.ExtendDeadline("again", CONTROLLER, NOW)).thenRejected(DataSubjectRequest.ALREADY_EXTENDED);
        request.when(new DataSubjectRequest.Decide(true, "go", PROCESSOR, NOW)).thenRejected(DataSubjectRequest.ONLY_CONTROLLER);
        request.when(new DataSubjectRequest.Decide(false, "Keep: legal retention obligation", CONTROLLER, NOW.plusSeconds(1200)))
                .thenAccepted();
        request.when(new DataSubjectRequest.Act("erased", PROCESSOR, NOW)).thenRejected(DataSubjectRequest.NOT_APPROVED);
        assertEquals("REJECTED", request.state().orElseThrow().status());
    }

    @Test
    void an_approved_request_is_acted_on_once() {
        var request = given(new DataSubjectRequest());
        request.when(new DataSubjectRequest.Register("r", ACTIVE, DataSubjectRequest.Type.ACCESS, NOW, "DSR-018", Duration.ofHours(24),
                PROCESSOR, NOW)).thenAccepted();
        request.when(new DataSubjectRequest.Forward(PROCESSOR, NOW)).thenAccepted();
        request.when(new DataSubjectRequest.Decide(true, "Send the export", CONTROLLER, NOW)).thenAccepted();
        assertEquals("ACTED_ON", request.when(new DataSubjectRequest.Act("Export sent to the controller", PROCESSOR, NOW))
                .thenState().orElseThrow().status());
        request.when(new DataSubjectRequest.Act("again", PROCESSOR, NOW)).thenRejected("request-already-acted-on");
        assertEquals(Optional.empty(), new DataSubjectRequest().initial());
    }

    // --- GDPR art. 12(3): the extension, within the first month, to three months from receipt ---

    static final Instant RECEIVED_3_MARCH_2025 = Instant.parse("2025-03-03T09:00:00Z");

    /** A request received at {@code received}, forwarded at once. */
    static AggregateSpec<Optional<DataSubjectRequest.Record>, DataSubjectRequest.Command, DataSubjectRequest.Event, DomainRejection>.Scenario
            forwardedRequest(Instant received) {
        var request = given(new DataSubjectRequest());
        request.when(new DataSubjectRequest.Register("r", ACTIVE, DataSubjectRequest.Type.ACCESS, received, "DSR-019",
                Duration.ofHours(24), PROCESSOR, received)).thenAccepted();
        request.when(new DataSubjectRequest.Forward(PROCESSOR, received)).thenAccepted();
        return request;
    }

    @Test
    void an_extension_after_the_first_month_is_refused() {
        // Received Monday 3 March 2025: the first month ends with Thursday 3 April; 10 April is too late.
        forwardedRequest(RECEIVED_3_MARCH_2025)
                .when(new DataSubjectRequest.ExtendDeadline("Complex", CONTROLLER, Instant.parse("2025-04-10T08:00:00Z")))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, DataSubjectRequest.EXTENSION_AFTER_FIRST_MONTH);
    }

    @Test
    void an_extension_on_the_last_day_of_the_first_month_is_accepted_and_midnight_is_too_late() {
        // Thursday 3 April 2025, 23:59 in Brussels (CEST) is still in the first month; 00:00 on 4 April is not.
        assertEquals(LocalDate.of(2025, 6, 3), forwardedRequest(RECEIVED_3_MARCH_2025)
                .when(new DataSubjectRequest.ExtendDeadline("Complex", CONTROLLER, Instant.parse("2025-04-03T21:59:59Z")))
                .thenState().orElseThrow().answerDueOn());
        forwardedRequest(RECEIVED_3_MARCH_2025)
                .when(new DataSubjectRequest.ExtendDeadline("Complex", CONTROLLER, Instant.parse("2025-04-03T22:00:00Z")))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, DataSubjectRequest.EXTENSION_AFTER_FIRST_MONTH);
    }

    @Test
    void the_extended_deadline_is_three_months_from_receipt_not_two_more_from_the_moved_first_deadline() {
        // Received Thursday 10 April 2025: the first month ends on Saturday 10 May, moved to Monday 12 May; the extended
        // deadline is 10 July 2025 (a Thursday), not 14 July (two months on from 12 May, moved off the Saturday).
        var request = forwardedRequest(Instant.parse("2025-04-10T09:00:00Z"));
        assertEquals(LocalDate.of(2025, 5, 12), request.state().orElseThrow().answerDueOn());
        assertEquals(LocalDate.of(2025, 7, 10), request.when(new DataSubjectRequest.ExtendDeadline("Complex", CONTROLLER,
                Instant.parse("2025-05-12T10:00:00Z"))).thenState().orElseThrow().answerDueOn());
    }

    @Test
    void the_extended_deadline_moves_once_off_a_non_working_day() {
        // Received Saturday 1 February 2025: three months end on Thursday 1 May (Labour Day), moved to Friday 2 May.
        assertEquals(LocalDate.of(2025, 5, 2), forwardedRequest(Instant.parse("2025-02-01T09:00:00Z"))
                .when(new DataSubjectRequest.ExtendDeadline("Complex", CONTROLLER, Instant.parse("2025-02-20T09:00:00Z")))
                .thenState().orElseThrow().answerDueOn());
    }

    // --- DRAFT, TERMINATED, CLOSED: requests as breaches and audits; instructions during the exit ---

    @Test
    void a_data_subject_request_under_a_draft_is_refused_and_accepted_once_signed_even_after_termination() {
        given(new DataSubjectRequest()).when(new DataSubjectRequest.Register("r", agreement("DRAFT"), DataSubjectRequest.Type.ACCESS,
                NOW, "DSR-020", Duration.ofHours(24), PROCESSOR, NOW))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, DataSubjectRequest.NOT_IN_FORCE);
        for (String status : List.of("ACTIVE", "TERMINATED", "CLOSED")) {
            given(new DataSubjectRequest()).when(new DataSubjectRequest.Register("r", agreement(status), DataSubjectRequest.Type.ACCESS,
                    NOW, "DSR-020", Duration.ofHours(24), PROCESSOR, NOW)).thenAccepted();
        }
    }

    @Test
    void a_disclosure_request_under_a_draft_is_refused_and_accepted_once_signed_even_after_termination() {
        given(new DisclosureRequest()).when(new DisclosureRequest.Register("d", agreement("DRAFT"), "Police", NOW, "Art. 88bis",
                "Logs", NOW.plusSeconds(3600), null, PROCESSOR, NOW))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, DisclosureRequest.NOT_IN_FORCE);
        for (String status : List.of("ACTIVE", "TERMINATED", "CLOSED")) {
            given(new DisclosureRequest()).when(new DisclosureRequest.Register("d", agreement(status), "Police", NOW, "Art. 88bis",
                    "Logs", NOW.plusSeconds(3600), null, PROCESSOR, NOW)).thenAccepted();
        }
    }

    @Test
    void instructions_on_return_and_destruction_are_given_during_the_exit_but_not_once_closed() {
        given(new Instruction()).when(new Instruction.Issue("i", agreement("TERMINATED"),
                "Return the Matomo database as CSV over SFTP, then wipe the backups", LocalDate.of(2027, 2, 1), CONTROLLER, NOW))
                .thenAccepted();
        for (String status : List.of("DRAFT", "CLOSED")) {
            given(new Instruction()).when(new Instruction.Issue("i", agreement(status), "x", LocalDate.of(2027, 2, 1), CONTROLLER, NOW))
                    .thenRejected(DomainRejection.Kind.STATE_CONFLICT, Instruction.NOT_ACTIVE);
        }
    }

    // --- DPA art. 2.2: the disclosure and the gag ---

    @Test
    void a_disclosure_dated_before_the_request_was_received_is_refused_and_at_receipt_accepted() {
        var request = given(new DisclosureRequest());
        request.when(new DisclosureRequest.Register("d", ACTIVE, "Police", NOW, "Art. 88bis", "Logs", NOW.plusSeconds(3600), null,
                PROCESSOR, NOW.plusSeconds(60))).thenAccepted();
        request.when(new DisclosureRequest.RecordDisclosure(NOW.minusSeconds(1), "Logs", PROCESSOR, NOW.plusSeconds(120)))
                .thenRejected(DomainRejection.Kind.INVALID, DisclosureRequest.DISCLOSURE_DATED_BEFORE_RECEIPT);
        request.when(new DisclosureRequest.RecordDisclosure(NOW, "Logs", PROCESSOR, NOW.plusSeconds(120))).thenAccepted();
    }

    @Test
    void the_controller_is_told_when_the_gag_lifting_is_recorded_and_a_disclosure_under_the_gag_stays_possible() {
        var request = given(new DisclosureRequest());
        request.when(new DisclosureRequest.Register("d", ACTIVE, "Federal prosecutor", NOW, "Art. 46bis", "Logs",
                NOW.plus(Duration.ofDays(5)), "Secrecy of the investigation", PROCESSOR, NOW)).thenAccepted();
        request.when(new DisclosureRequest.RecordDisclosure(NOW.plusSeconds(3600), "Logs", PROCESSOR, NOW.plusSeconds(3600)))
                .thenAccepted();
        Instant lifted = NOW.plus(Duration.ofDays(20));
        var informed = request.when(new DisclosureRequest.LiftGag("Investigation closed", PROCESSOR, lifted)).thenState().orElseThrow();
        assertEquals(lifted, informed.controllerInformedAt(), "told by the recorded lifting, at its instant");
        assertEquals("DISCLOSED", informed.status());
    }
}
