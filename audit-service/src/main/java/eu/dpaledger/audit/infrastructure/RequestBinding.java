package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.domain.request.InformationRequest;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.InformationRequestPublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs information requests (art. 9.2) into the kernel: stream type {@code informationrequest}, published
 * on {@code dpa.audits} as {@code eu.dpaledger.informationrequest.<Event>.v1} with a summary after each event
 * ({@link InformationRequestPublished}).
 */
@ApplicationScoped
public class RequestBinding implements AggregateBinding<Optional<InformationRequest.Record>, InformationRequest.Command,
        InformationRequest.Event> {

    public static final String STREAM_TYPE = "informationrequest";

    private final InformationRequest aggregate = new InformationRequest();

    @Override
    public Aggregate<Optional<InformationRequest.Record>, InformationRequest.Command, InformationRequest.Event> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public String displayName() {
        return "information request";
    }

    @Override
    public boolean visibleTo(Optional<InformationRequest.Record> state, Caller caller) {
        return state.filter(r -> r.parties().isParty(caller.organisation())).isPresent();
    }

    /** Reads: either party in its own role. */
    @Override
    public boolean readableBy(Optional<InformationRequest.Record> state, Caller caller) {
        return state.filter(r -> r.parties().partyInRole(actor(caller))).isPresent();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, InformationRequest.Event event,
                                    JsonNode payload, Optional<InformationRequest.Record> stateAfter) {
        InformationRequest.Record r = stateAfter.orElseThrow();
        return mapper.valueToTree(new InformationRequestPublished(streamId, r.agreementId(), version, payload, summary(r)));
    }

    /** The request after an event, as the request list and other consumers of {@code dpa.audits} read it. */
    static InformationRequestPublished.Summary summary(InformationRequest.Record r) {
        return new InformationRequestPublished.Summary(r.parties().controllerOrg(), r.parties().processorOrg(), r.question(),
                r.dueDate(), r.zone().getId(), r.status(), r.askedAt(), r.answer() == null ? null : r.answer().at());
    }
}
