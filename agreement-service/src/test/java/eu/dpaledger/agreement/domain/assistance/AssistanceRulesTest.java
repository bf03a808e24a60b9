package eu.dpaledger.agreement.domain.assistance;

import eu.dpaledger.agreement.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.DomainRejection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given/when/then for instructions (art. 2.2, 2.3), disclosure requests (art. 2.2) and data subject requests (art. 7.2). */
class AssistanceRulesTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final Actor CONTROLLER = new Actor("dpo@opwijk", "0207511803", Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", "0428304785", Set.of(Actor.PROCESSOR));
    static final AssistanceFacts ACTIVE = new AssistanceFacts("agr-1", "ACTIVE", "0207511803", "0428304785", BRUSSELS);
    static final Instant NOW = Instant.parse("2027-01-31T10:00:00Z");

    /** Decides and folds, keeping the history, like the executor does. */
    static final class Stream<S, C, E> {
        final Aggregate<S, C, E> aggregate;
        final List<E> history = new ArrayList<>();

        Stream(Aggregate<S, C, E> aggregate) {
            this.aggregate = aggregate;
        }

        List<E> when(C command) {
            List<E> events = aggregate.decide(command, aggregate.replay(history));
            history.addAll(events);
            return events;
        }

        String rejected(C command) {
            return assertThrows(DomainRejection.class, () -> aggregate.decide(command, aggregate.replay(history))).rule();
        }

        S state() {
            return aggregate.replay(history);
        }
    }

    @Test
    void an_instruction_flagged_as_infringing_is_confirmed_amended_or_withdrawn_by_the_controller() {
        var s = new Stream<>(new Instruction());
        assertEquals(Instruction.ONLY_CONTROLLER, s.rejected(new Instruction.Issue("i", ACTIVE, "x", LocalDate.now(), PROCESSOR, NOW)));
        assertEquals(Instruction.NOT_ACTIVE, s.rejected(new Instruction.Issue("i", new AssistanceFacts("agr-1", "DRAFT", "0207511803",
                "0428304785", BRUSSELS), "x", LocalDate.now(), CONTROLLER, NOW)));
        s.when(new Instruction.Issue("i", ACTIVE, "Share visitor IPs with our agency", LocalDate.of(2027, 2, 1), CONTROLLER, NOW));
        assertEquals(Instruction.ONLY_PROCESSOR, s.rejected(new Instruction.Flag("no", CONTROLLER, NOW)));
        s.when(new Instruction.Flag("No legal basis for sharing (GDPR 6)", PROCESSOR, NOW));
        assertEquals(Instruction.NOT_AWAITING, s.rejected(new Instruction.Acknowledge(PROCESSOR, NOW)));
        assertFalse(s.state().orElseThrow().lawfulBasis());
        s.when(new Instruction.Confirm("Our legal service confirms the basis", CONTROLLER, NOW));
        assertTrue(s.state().orElseThrow().lawfulBasis(), "confirmed over the flag: processing rests on the instruction");
        s.when(new Instruction.Withdraw("Replaced", CONTROLLER, NOW));
        assertEquals(Instruction.Status.WITHDRAWN, s.state().orElseThrow().status());
        assertFalse(s.state().orElseThrow().lawfulBasis());
    }

    @Test
    void an_amended_instruction_awaits_a_new_acknowledgement() {
        var s = new Stream<>(new Instruction());
        s.when(new Instruction.Issue("i", ACTIVE, "Share IPs", LocalDate.of(2027, 2, 1), CONTROLLER, NOW));
        s.when(new Instruction.Flag("Infringes GDPR 6", PROCESSOR, NOW));
        s.when(new Instruction.Amend("Share aggregated counts", LocalDate.of(2027, 2, 1), "Agreed", CONTROLLER, NOW));
        assertEquals(Instruction.Status.ISSUED, s.state().orElseThrow().status());
        s.when(new Instruction.Acknowledge(PROCESSOR, NOW));
        assertTrue(s.state().orElseThrow().lawfulBasis());
    }

    @Test
    void a_gagged_disclosure_request_is_informed_only_when_the_gag_is_lifted_and_disclosed_once() {
        var s = new Stream<>(new DisclosureRequest());
        assertEquals(DisclosureRequest.ONLY_PROCESSOR, s.rejected(new DisclosureRequest.Register("d", ACTIVE, "Police", NOW, "x", "y",
                NOW.plusSeconds(3600), null, CONTROLLER, NOW)));
        var events = s.when(new DisclosureRequest.Register("d", ACTIVE, "Federal prosecutor", NOW, "Art. 46bis", "Logs",
                NOW.plus(Duration.ofDays(5)), "Secrecy of the investigation", PROCESSOR, NOW));
        assertTrue(events.get(1) instanceof DisclosureRequest.InformingForbidden);
        assertTrue(s.state().orElseThrow().gagged());
        s.when(new DisclosureRequest.LiftGag("Investigation closed", PROCESSOR, NOW.plusSeconds(60)));
        assertFalse(s.state().orElseThrow().gagged());
        assertEquals(DisclosureRequest.NOT_GAGGED, s.rejected(new DisclosureRequest.LiftGag("again", PROCESSOR, NOW)));
        s.when(new DisclosureRequest.RecordDisclosure(NOW.plusSeconds(120), "Logs of March", PROCESSOR, NOW.plusSeconds(120)));
        assertEquals(DisclosureRequest.ALREADY_DISCLOSED, s.rejected(new DisclosureRequest.RecordDisclosure(NOW, "again", PROCESSOR, NOW.plusSeconds(180))));
        var informed = new Stream<>(new DisclosureRequest()).when(new DisclosureRequest.Register("e", ACTIVE, "Police", NOW, "Art. 88bis",
                "Logs", NOW.plusSeconds(3600), " ", PROCESSOR, NOW));
        assertTrue(informed.get(1) instanceof DisclosureRequest.ControllerInformed, "no gag basis: the controller is informed at once");
    }

    @Test
    void a_data_subject_request_never_names_the_person_and_is_acted_on_only_after_approval() {
        var s = new Stream<>(new DataSubjectRequest());
        for (String identity : List.of("jan@example.org", "85.07.30-033.61", "85073003361")) {
            assertEquals(DataSubjectRequest.IDENTITY_IN_CLEAR, s.rejected(new DataSubjectRequest.Register("r", ACTIVE,
                    DataSubjectRequest.Type.ACCESS, NOW, identity, Duration.ofHours(24), PROCESSOR, NOW)));
        }
        s.when(new DataSubjectRequest.Register("r", ACTIVE, DataSubjectRequest.Type.ERASURE, NOW, "DSR-017", Duration.ofHours(24), PROCESSOR, NOW));
        // Received 31 January 2027: one month = 28 February, a Sunday, so Monday 1 March (GDPR 12(3), Reg. 1182/71).
        assertEquals(LocalDate.of(2027, 3, 1), s.state().orElseThrow().answerDueOn());
        assertTrue(s.state().orElseThrow().forwardingOverdue(NOW.plus(Duration.ofHours(24))));
        assertFalse(s.state().orElseThrow().forwardingOverdue(NOW.plus(Duration.ofHours(23))));
        assertEquals(DataSubjectRequest.NOT_FORWARDED, s.rejected(new DataSubjectRequest.Decide(true, "go", CONTROLLER, NOW)));
        assertEquals(DataSubjectRequest.NOT_APPROVED, s.rejected(new DataSubjectRequest.Act("erased", PROCESSOR, NOW)));
        s.when(new DataSubjectRequest.Forward(PROCESSOR, NOW.plusSeconds(600)));
        // Two further months from 1 March: 1 May 2027 is a Saturday and Labour Day, so Monday 3 May.
        s.when(new DataSubjectRequest.ExtendDeadline("Complex: several systems", CONTROLLER, NOW.plusSeconds(900)));
        assertEquals(LocalDate.of(2027, 5, 3), s.state().orElseThrow().answerDueOn());
        assertEquals(DataSubjectRequest.ALREADY_EXTENDED, s.rejected(new DataSubjectRequest.ExtendDeadline("again", CONTROLLER, NOW)));
        assertEquals(DataSubjectRequest.ONLY_CONTROLLER, s.rejected(new DataSubjectRequest.Decide(true, "go", PROCESSOR, NOW)));
        s.when(new DataSubjectRequest.Decide(false, "Keep: legal retention obligation", CONTROLLER, NOW.plusSeconds(1200)));
        assertEquals(DataSubjectRequest.NOT_APPROVED, s.rejected(new DataSubjectRequest.Act("erased", PROCESSOR, NOW)));
        assertEquals("REJECTED", s.state().orElseThrow().status());
    }

    @Test
    void an_approved_request_is_acted_on_once() {
        var s = new Stream<>(new DataSubjectRequest());
        s.when(new DataSubjectRequest.Register("r", ACTIVE, DataSubjectRequest.Type.ACCESS, NOW, "DSR-018", Duration.ofHours(24), PROCESSOR, NOW));
        s.when(new DataSubjectRequest.Forward(PROCESSOR, NOW));
        s.when(new DataSubjectRequest.Decide(true, "Send the export", CONTROLLER, NOW));
        s.when(new DataSubjectRequest.Act("Export sent to the controller", PROCESSOR, NOW));
        assertEquals("ACTED_ON", s.state().orElseThrow().status());
        assertEquals("request-already-acted-on", s.rejected(new DataSubjectRequest.Act("again", PROCESSOR, NOW)));
        assertEquals(Optional.empty(), new DataSubjectRequest().initial());
    }
}
