package eu.dpaledger.subprocessor.domain.proof;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;

import java.time.Instant;

/**
 * Proof of flow-down (art. 6.4): the controller asks for it, the processor provides it, each about one of
 * the agreement's {@code engaged} sub-processors.
 */
public sealed interface ProofCommand {

    /** The controller asks the processor to show its contract with an engaged sub-processor. */
    record RequestProof(String proofId, AgreementFacts agreement, EngagedSubprocessors engaged, String subprocessor, String note, Actor actor, Instant at)
            implements ProofCommand {
    }

    /** The processor records its contract with the sub-processor: a reference and the document's SHA-256. */
    record AttachProof(String proofId, AgreementFacts agreement, EngagedSubprocessors engaged, String subprocessor, String reference, String sha256,
                       Actor actor, Instant at) implements ProofCommand {
    }
}
