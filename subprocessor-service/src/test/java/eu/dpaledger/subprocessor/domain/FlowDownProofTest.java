package eu.dpaledger.subprocessor.domain;

import eu.dpaledger.platform.domain.DomainRejection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static eu.dpaledger.subprocessor.domain.ChangeSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Proof of flow-down (art. 6.4): the controller asks, the processor shows its contract with the sub-processor. */
class FlowDownProofTest {

    private static final FlowDownProofAggregate PROOFS = new FlowDownProofAggregate();
    private static final java.time.Instant NOW = t("2026-12-01T09:00:00Z");

    @Test
    void the_controller_requests_proof_for_an_engaged_subprocessor() {
        List<ProofEvent> events = PROOFS.decide(new ProofCommand.RequestProof("p1", active(), " Level 27 ", "Before the audit",
                CONTROLLER, NOW), Optional.empty());
        assertEquals(List.of(new ProofEvent.FlowDownProofRequested(AGREEMENT, OPWIJK, ESN, "Level 27", "Before the audit",
                CONTROLLER.subject(), NOW)), events);
    }

    @Test
    void only_the_controller_requests_and_only_for_an_engaged_subprocessor() {
        assertRule(FlowDownProofAggregate.ONLY_CONTROLLER_REQUESTS, DomainRejection.Kind.FORBIDDEN,
                new ProofCommand.RequestProof("p1", active(), "Level 27", null, PROCESSOR, NOW));
        assertRule(ChangeRejections.NOT_ENGAGED, DomainRejection.Kind.NOT_FOUND,
                new ProofCommand.RequestProof("p1", active(), "Combell", null, CONTROLLER, NOW));
    }

    @Test
    void the_processor_provides_a_reference_and_a_sha256_of_its_contract() {
        List<ProofEvent> events = PROOFS.decide(new ProofCommand.AttachProof("p2", active(), "Level 27", "ESN-L27-2026",
                "AB".repeat(32), PROCESSOR, NOW), Optional.empty());
        assertEquals("ab".repeat(32), ((ProofEvent.FlowDownProofProvided) events.get(0)).sha256());
        assertRule(FlowDownProofAggregate.ONLY_PROCESSOR_PROVIDES, DomainRejection.Kind.FORBIDDEN,
                new ProofCommand.AttachProof("p2", active(), "Level 27", "ref", "ab".repeat(32), CONTROLLER, NOW));
        assertRule(FlowDownProofAggregate.INVALID_SHA256, DomainRejection.Kind.INVALID,
                new ProofCommand.AttachProof("p2", active(), "Level 27", "ref", "abc", PROCESSOR, NOW));
        assertRule(ChangeRejections.FIELD_REQUIRED, DomainRejection.Kind.INVALID,
                new ProofCommand.AttachProof("p2", active(), "Level 27", " ", "ab".repeat(32), PROCESSOR, NOW));
    }

    private static void assertRule(String rule, DomainRejection.Kind kind, ProofCommand command) {
        DomainRejection rejection = assertThrows(DomainRejection.class, () -> PROOFS.decide(command, Optional.empty()));
        assertEquals(rule, rejection.rule());
        assertEquals(kind, rejection.kind());
    }
}
