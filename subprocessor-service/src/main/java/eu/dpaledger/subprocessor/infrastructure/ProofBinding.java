package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.proof.FlowDownProofAggregate;
import eu.dpaledger.subprocessor.domain.proof.ProofCommand;
import eu.dpaledger.subprocessor.domain.proof.ProofEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs the flow-down proof records (art. 6.4) into the kernel. Same stream type as the changes, so
 * they publish on {@code dpa.subprocessors} as {@code eu.dpaledger.subprocessor.FlowDownProof…v1}; the
 * data ({@link FlowDownProofPublished}) carries the agreement and its parties so consumers and webhooks
 * can scope them.
 */
@ApplicationScoped
public class ProofBinding implements AggregateBinding<Optional<ProofEvent>, ProofCommand, ProofEvent> {

    private final FlowDownProofAggregate aggregate = new FlowDownProofAggregate();

    @Override
    public Aggregate<Optional<ProofEvent>, ProofCommand, ProofEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return ChangeBinding.STREAM_TYPE;
    }

    /** Every record is created by one command and never commanded again. */
    @Override
    public boolean visibleTo(Optional<ProofEvent> state, Caller caller) {
        return false;
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, ProofEvent event, JsonNode payload,
                                    Optional<ProofEvent> stateAfter) {
        return mapper.valueToTree(new FlowDownProofPublished(streamId, event.agreementId(), version, payload,
                new FlowDownProofPublished.Parties(event.controllerOrg(), event.processorOrg())));
    }
}
