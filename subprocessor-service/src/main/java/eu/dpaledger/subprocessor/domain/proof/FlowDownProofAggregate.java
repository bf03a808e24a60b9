package eu.dpaledger.subprocessor.domain.proof;

import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import eu.dpaledger.subprocessor.domain.proof.ProofCommand.AttachProof;
import eu.dpaledger.subprocessor.domain.proof.ProofCommand.RequestProof;
import eu.dpaledger.subprocessor.domain.proof.ProofEvent.FlowDownProofProvided;
import eu.dpaledger.subprocessor.domain.proof.ProofEvent.FlowDownProofRequested;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static eu.dpaledger.subprocessor.domain.ChangeRejections.*;

/**
 * Proof of flow-down (art. 6.4) as decide/evolve. A request or a proof is one record about one engaged
 * sub-processor of an agreement; the state is the record itself (or nothing yet).
 */
public final class FlowDownProofAggregate implements Aggregate<Optional<ProofEvent>, ProofCommand, ProofEvent> {

    public static final String ONLY_CONTROLLER_REQUESTS = "only-controller-requests-proof";
    public static final String ONLY_PROCESSOR_PROVIDES = "only-processor-provides-proof";
    public static final String INVALID_SHA256 = "invalid-sha256";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    @Override
    public Optional<ProofEvent> initial() {
        return Optional.empty();
    }

    @Override
    public Optional<ProofEvent> evolve(Optional<ProofEvent> state, ProofEvent event) {
        return Optional.of(event);
    }

    @Override
    public Class<ProofEvent> eventType() {
        return ProofEvent.class;
    }

    @Override
    public List<ProofEvent> decide(ProofCommand command, Optional<ProofEvent> state) {
        if (state.isPresent()) {
            throw DomainRejection.stateConflict(ALREADY_EXISTS, "Already recorded", "This record exists");
        }
        if (command instanceof RequestProof c) {
            // Art. 6.4: the processor shows the proof on the controller's request.
            if (!c.agreement().parties().controlledBy(c.actor())) {
                throw forbidden(ONLY_CONTROLLER_REQUESTS, "Only the agreement's controller may request proof of flow-down");
            }
            String name = engaged(c.engaged(), c.subprocessor());
            return List.of(new FlowDownProofRequested(c.agreement().agreementId(), c.agreement().controllerOrg(),
                    c.agreement().processorOrg(), name, c.note() == null || c.note().isBlank() ? null : c.note().trim(),
                    c.actor().subject(), c.at()));
        }
        AttachProof c = (AttachProof) command;
        if (!c.agreement().parties().processedBy(c.actor())) {
            throw forbidden(ONLY_PROCESSOR_PROVIDES, "Only the agreement's processor may provide proof of flow-down");
        }
        String name = engaged(c.engaged(), c.subprocessor());
        if (c.reference() == null || c.reference().isBlank()) {
            throw required("reference");
        }
        if (c.sha256() == null || !SHA256.matcher(c.sha256()).matches()) {
            throw DomainRejection.invalidField(INVALID_SHA256, "Digest is not a SHA-256", "sha256", "must be 64 hexadecimal characters");
        }
        return List.of(new FlowDownProofProvided(c.agreement().agreementId(), c.agreement().controllerOrg(),
                c.agreement().processorOrg(), name, c.reference().trim(), c.sha256().toLowerCase(Locale.ROOT),
                c.actor().subject(), c.at()));
    }

    private static String engaged(EngagedSubprocessors engaged, String subprocessor) {
        if (subprocessor == null || !engaged.includes(subprocessor)) {
            throw new DomainRejection(DomainRejection.Kind.NOT_FOUND, NOT_ENGAGED, "Not an engaged sub-processor",
                    subprocessor + " is not an engaged sub-processor of this agreement");
        }
        return subprocessor.trim();
    }
}
