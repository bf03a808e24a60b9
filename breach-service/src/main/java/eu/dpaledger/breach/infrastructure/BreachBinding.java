package eu.dpaledger.breach.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.breach.domain.Actor;
import eu.dpaledger.breach.domain.breach.BreachAggregate;
import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.domain.breach.BreachEvent;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/**
 * Plugs the breach aggregate into the kernel: stream type {@code breach} (events publish as
 * {@code eu.dpaledger.breach.<Event>.v1} on {@code dpa.breaches}), who may see a breach (a party's
 * organisation; reads also need the matching role), and the published data: the event, the agreement,
 * and a summary of the breach after it (parties, status, clocks, open obligations).
 */
@ApplicationScoped
public class BreachBinding implements AggregateBinding<Optional<BreachRecord>, BreachCommand, BreachEvent> {

    public static final String STREAM_TYPE = "breach";
    public static final Caller SCHEDULER = Caller.system(Actor.SCHEDULER.subject());

    private final BreachAggregate aggregate = new BreachAggregate();

    @Override
    public Aggregate<Optional<BreachRecord>, BreachCommand, BreachEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public boolean visibleTo(Optional<BreachRecord> state, Caller caller) {
        return caller == SCHEDULER || state.filter(b -> b.isParty(caller.organisation())).isPresent();
    }

    /** Reads need the party's organisation AND its role. */
    public boolean readableBy(Optional<BreachRecord> state, Caller caller) {
        return state.filter(b -> (b.controllerOrg().equals(caller.organisation()) && caller.hasRole(Caller.CONTROLLER))
                || (b.processorOrg().equals(caller.organisation()) && caller.hasRole(Caller.PROCESSOR))).isPresent();
    }

    public static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation(), caller.roles());
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, BreachEvent event, JsonNode payload,
                                    Optional<BreachRecord> stateAfter) {
        BreachRecord b = stateAfter.orElseThrow();
        ObjectNode data = mapper.createObjectNode();
        data.put("breachId", streamId);
        data.put("agreementId", b.agreementId());
        data.put("streamVersion", version);
        data.set("event", payload);
        ObjectNode s = data.putObject("breach");
        s.put("controllerOrg", b.controllerOrg());
        s.put("processorOrg", b.processorOrg());
        s.put("authority", b.authority());
        s.put("status", b.status());
        s.put("description", b.report().description());
        s.put("processorAwareAt", b.report().processorAwareAt().toString());
        s.put("receivedAt", b.receivedAt().toString());
        s.put("reportDueAt", b.reportDueAt().toString());
        s.put("lateBySeconds", b.lateBySeconds());
        s.put("controllerAwareAt", b.controllerAwareAt().toString());
        s.put("notificationDueAt", b.notificationDueAt().toString());
        s.put("notificationOpen", b.notificationOpen());
        s.put("notificationWarned", b.notificationWarned());
        s.put("notificationMissed", b.notificationMissed());
        s.put("risk", b.assessment() == null ? null : b.assessment().risk().name());
        s.set("openObligations", mapper.valueToTree(b.openObligations()));
        return data;
    }
}
