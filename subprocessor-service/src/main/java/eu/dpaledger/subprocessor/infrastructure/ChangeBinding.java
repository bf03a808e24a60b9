package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.Actor;
import eu.dpaledger.subprocessor.domain.ChangeCommand;
import eu.dpaledger.subprocessor.domain.ChangeEvent;
import eu.dpaledger.subprocessor.domain.ChangeRecord;
import eu.dpaledger.subprocessor.domain.ChangeState;
import eu.dpaledger.subprocessor.domain.SubprocessorChangeAggregate;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Plugs the change aggregate into the kernel: stream type {@code subprocessor} (so events publish as
 * {@code eu.dpaledger.subprocessor.<Event>.v1}), who may see a change (a party's organisation; reads
 * also need the matching role), and the data published on {@code dpa.subprocessors}: the event, the
 * agreement it belongs to, and a summary of the change after it.
 */
@ApplicationScoped
public class ChangeBinding implements AggregateBinding<ChangeState, ChangeCommand, ChangeEvent> {

    public static final String STREAM_TYPE = "subprocessor";

    /** The scheduler running the clocks: sees every change, belongs to no organisation. */
    public static final Caller SCHEDULER = Caller.system(Actor.SCHEDULER.subject());

    private final SubprocessorChangeAggregate aggregate = new SubprocessorChangeAggregate();

    @Override
    public Aggregate<ChangeState, ChangeCommand, ChangeEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    /** Commands reach the domain for either party's organisation (which then checks the role: 403); others get 404. */
    @Override
    public boolean visibleTo(ChangeState state, Caller caller) {
        if (caller == SCHEDULER) {
            return true;
        }
        return state.change().filter(c -> c.isParty(caller.organisation())).isPresent();
    }

    /** Reads need the party's organisation AND its role. */
    public boolean readableBy(ChangeState state, Caller caller) {
        return state.change().filter(c -> (c.controllerOrg().equals(caller.organisation()) && caller.hasRole(Caller.CONTROLLER))
                || (c.processorOrg().equals(caller.organisation()) && caller.hasRole(Caller.PROCESSOR))).isPresent();
    }

    public static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation(), caller.roles());
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, ChangeEvent event,
                                    JsonNode payload, ChangeState stateAfter) {
        ChangeRecord change = stateAfter.change().orElseThrow();
        ObjectNode data = mapper.createObjectNode();
        data.put("changeId", streamId);
        data.put("agreementId", change.agreementId());
        data.put("streamVersion", version);
        data.set("event", payload);
        data.set("change", summary(mapper, change));
        return data;
    }

    /** What consumers keep of a change: parties, what it changes, its state and clocks. */
    static ObjectNode summary(ObjectMapper mapper, ChangeRecord c) {
        ObjectNode s = mapper.createObjectNode();
        s.put("controllerOrg", c.controllerOrg());
        s.put("processorOrg", c.processorOrg());
        s.put("timeZone", c.zone().getId());
        s.put("kind", c.kind().name());
        s.set("subprocessor", mapper.valueToTree(c.subprocessor()));
        s.put("replaces", c.replaces());
        s.put("intendedFrom", c.intendedFrom().toString());
        s.put("status", c.status().name());
        s.put("announcedAt", c.announcedAt().toString());
        s.put("objectionWindowEndsAt", c.objectionWindowEndsAt() == null ? null : c.objectionWindowEndsAt().toString());
        s.put("windowWarned", c.windowWarned());
        s.put("objectedAt", c.objection() == null ? null : c.objection().receivedAt().toString());
        s.put("terminationRightFrom", c.objection() == null ? null : c.objection().terminationRightFrom().toString());
        s.put("terminationWarned", c.objection() != null && c.objection().warned());
        s.put("terminationRightGranted", c.objection() != null && c.objection().terminationRightGrantedAt() != null);
        s.put("acceptanceBasis", c.acceptanceBasis() == null ? null : c.acceptanceBasis().name());
        s.put("supersedes", c.supersedes());
        return s;
    }
}
