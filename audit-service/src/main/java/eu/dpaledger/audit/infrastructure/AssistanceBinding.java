package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.domain.assistance.AssistanceRequest;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.AssistanceRequestPublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs requests for assistance (DPA art. 7.4, 7.1) into the kernel: stream type {@code assistancerequest}, published
 * on {@code dpa.audits} as {@code eu.dpaledger.assistancerequest.<Event>.v1} with a summary after each event
 * ({@link AssistanceRequestPublished}).
 */
@ApplicationScoped
public class AssistanceBinding implements AggregateBinding<Optional<AssistanceRequest.Record>, AssistanceRequest.Command,
        AssistanceRequest.Event> {

    public static final String STREAM_TYPE = "assistancerequest";

    private final AssistanceRequest aggregate = new AssistanceRequest();

    @Override
    public Aggregate<Optional<AssistanceRequest.Record>, AssistanceRequest.Command, AssistanceRequest.Event> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public String displayName() {
        return "assistance request";
    }

    @Override
    public boolean visibleTo(Optional<AssistanceRequest.Record> state, Caller caller) {
        return state.filter(r -> r.parties().isParty(caller.organisation())).isPresent();
    }

    /** Reads: either party in its own role. */
    @Override
    public boolean readableBy(Optional<AssistanceRequest.Record> state, Caller caller) {
        return state.filter(r -> r.parties().partyInRole(actor(caller))).isPresent();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, AssistanceRequest.Event event,
                                    JsonNode payload, Optional<AssistanceRequest.Record> stateAfter) {
        AssistanceRequest.Record r = stateAfter.orElseThrow();
        return mapper.valueToTree(new AssistanceRequestPublished(streamId, r.agreementId(), version, payload, summary(r)));
    }

    /** The request after an event, as the assistance list and other consumers of {@code dpa.audits} read it. */
    static AssistanceRequestPublished.Summary summary(AssistanceRequest.Record r) {
        return new AssistanceRequestPublished.Summary(r.parties().controllerOrg(), r.parties().processorOrg(), r.kind().name(),
                r.processing(), r.status().name(), r.dueDate(), r.zone().getId(), r.markedOverdue(), r.costBasis(),
                r.requestedAt(), r.answeredAt(), r.closedAt());
    }
}
