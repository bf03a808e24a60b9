package eu.dpaledger.subprocessor.domain.proof;

import java.time.Instant;

/**
 * Proof of flow-down (art. 6.4): the processor binds each sub-processor to the same obligations and
 * shows proof on request. Each request and each proof is its own record (a one-event stream).
 */
public sealed interface ProofEvent {

    /** The agreement the record is about. */
    String agreementId();

    String controllerOrg();

    String processorOrg();

    record FlowDownProofRequested(String agreementId, String controllerOrg, String processorOrg, String subprocessor,
                                  String note, String requestedBy, Instant at) implements ProofEvent {
    }

    record FlowDownProofProvided(String agreementId, String controllerOrg, String processorOrg, String subprocessor,
                                 String reference, String sha256, String providedBy, Instant at) implements ProofEvent {
    }
}
