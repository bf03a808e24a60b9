package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.FlowDownProofAggregate;
import eu.dpaledger.subprocessor.domain.ProofCommand;
import eu.dpaledger.subprocessor.domain.ProofEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs the flow-down proof records (art. 6.4) into the kernel. Same stream type as the changes, so
 * they publish on {@code dpa.subprocessors} as {@code eu.dpaledger.subprocessor.FlowDownProof…v1}; the
 * data carries the agreement and its parties so consumers and webhooks can scope them.
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
        ObjectNode data = mapper.createObjectNode();
        data.put("proofId", streamId);
        data.put("agreementId", payload.path("agreementId").asText());
        data.put("streamVersion", version);
        data.set("event", payload);
        ObjectNode parties = data.putObject("parties");
        parties.put("controllerOrg", payload.path("controllerOrg").asText());
        parties.put("processorOrg", payload.path("processorOrg").asText());
        return data;
    }
}
