package eu.dpaledger.subprocessor.domain.proof;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.subprocessor.domain.ChangeRejections;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static eu.dpaledger.subprocessor.domain.change.ChangeSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Proof of flow-down (art. 6.4): the controller asks, the processor shows its contract with the sub-processor. */
class FlowDownProofTest {

    private static final java.time.Instant NOW = t("2026-12-01T09:00:00Z");
    private static final AggregateSpec<Optional<ProofEvent>, ProofCommand, ProofEvent, DomainRejection> PROOFS =
            specOf(new FlowDownProofAggregate());

    @Test
    void the_controller_requests_proof_for_an_engaged_subprocessor() {
        PROOFS.when(new ProofCommand.RequestProof("p1", active(), engaged(), " Level 27 ", "Before the audit", CONTROLLER, NOW))
                .then(new ProofEvent.FlowDownProofRequested(AGREEMENT, OPWIJK, ESN, "Level 27", "Before the audit",
                        CONTROLLER.subject(), NOW));
    }

    @Test
    void only_the_controller_requests_and_only_for_an_engaged_subprocessor() {
        PROOFS.when(new ProofCommand.RequestProof("p1", active(), engaged(), "Level 27", null, PROCESSOR, NOW))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, FlowDownProofAggregate.ONLY_CONTROLLER_REQUESTS);
        PROOFS.when(new ProofCommand.RequestProof("p1", active(), engaged(), "Combell", null, CONTROLLER, NOW))
                .thenRejected(DomainRejection.Kind.NOT_FOUND, ChangeRejections.NOT_ENGAGED);
    }

    @Test
    void the_processor_provides_a_reference_and_a_sha256_of_its_contract() {
        var provided = (ProofEvent.FlowDownProofProvided) PROOFS.when(new ProofCommand.AttachProof("p2", active(), engaged(), "Level 27",
                "ESN-L27-2026", "AB".repeat(32), PROCESSOR, NOW)).thenAccepted().get(0);
        assertEquals("ab".repeat(32), provided.sha256());
        PROOFS.when(new ProofCommand.AttachProof("p2", active(), engaged(), "Level 27", "ref", "ab".repeat(32), CONTROLLER, NOW))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, FlowDownProofAggregate.ONLY_PROCESSOR_PROVIDES);
        PROOFS.when(new ProofCommand.AttachProof("p2", active(), engaged(), "Level 27", "ref", "abc", PROCESSOR, NOW))
                .thenRejected(DomainRejection.Kind.INVALID, FlowDownProofAggregate.INVALID_SHA256);
        PROOFS.when(new ProofCommand.AttachProof("p2", active(), engaged(), "Level 27", " ", "ab".repeat(32), PROCESSOR, NOW))
                .thenRejected(DomainRejection.Kind.INVALID, ChangeRejections.FIELD_REQUIRED);
    }
}
