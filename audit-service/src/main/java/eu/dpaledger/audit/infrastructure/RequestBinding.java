package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.audit.domain.request.InformationRequest;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Plugs information requests (art. 9.2) into the kernel: stream type {@code informationrequest}, published
 * on {@code dpa.audits} as {@code eu.dpaledger.informationrequest.<Event>.v1} with a summary after each event.
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
    public boolean visibleTo(Optional<InformationRequest.Record> state, Caller caller) {
        return state.filter(r -> r.isParty(caller.organisation())).isPresent();
    }

    public boolean readableBy(Optional<InformationRequest.Record> state, Caller caller) {
        return state.filter(r -> (r.controllerOrg().equals(caller.organisation()) && caller.hasRole(Caller.CONTROLLER))
                || (r.processorOrg().equals(caller.organisation()) && caller.hasRole(Caller.PROCESSOR))).isPresent();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, InformationRequest.Event event,
                                    JsonNode payload, Optional<InformationRequest.Record> stateAfter) {
        InformationRequest.Record r = stateAfter.orElseThrow();
        ObjectNode data = mapper.createObjectNode();
        data.put("requestId", streamId);
        data.put("agreementId", r.agreementId());
        data.put("streamVersion", version);
        data.set("event", payload);
        ObjectNode s = data.putObject("request");
        s.put("controllerOrg", r.controllerOrg());
        s.put("processorOrg", r.processorOrg());
        s.put("question", r.question());
        s.put("dueDate", r.dueDate() == null ? null : r.dueDate().toString());
        s.put("timeZone", r.zone().getId());
        s.put("status", r.status());
        s.put("askedAt", r.askedAt().toString());
        s.put("answeredAt", r.answer() == null ? null : r.answer().at().toString());
        return data;
    }
}
