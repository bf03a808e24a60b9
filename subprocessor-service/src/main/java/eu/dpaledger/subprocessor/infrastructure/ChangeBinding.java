package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent;
import eu.dpaledger.subprocessor.domain.change.ChangeRecord;
import eu.dpaledger.subprocessor.domain.change.ChangeState;
import eu.dpaledger.subprocessor.domain.change.SubprocessorChangeAggregate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plugs the change aggregate into the kernel: stream type {@code subprocessor} (so events publish as
 * {@code eu.dpaledger.subprocessor.<Event>.v1}), who may see a change (a party's organisation; reads
 * also need the matching role), and the data published on {@code dpa.subprocessors}
 * ({@link SubprocessorChangePublished}): the event, the agreement it belongs to, and a summary of the
 * change after it.
 */
@ApplicationScoped
public class ChangeBinding implements AggregateBinding<ChangeState, ChangeCommand, ChangeEvent> {

    public static final String STREAM_TYPE = "subprocessor";

    private final SubprocessorChangeAggregate aggregate = new SubprocessorChangeAggregate();

    @Override
    public Aggregate<ChangeState, ChangeCommand, ChangeEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public String displayName() {
        return "change";
    }

    /** Commands reach the domain for either party's organisation (which then checks the role: 403); others get 404. */
    @Override
    public boolean visibleTo(ChangeState state, Caller caller) {
        return state.change().filter(c -> c.parties().isParty(caller.organisation())).isPresent();
    }

    /** Reads need the party's organisation AND its role. */
    @Override
    public boolean readableBy(ChangeState state, Caller caller) {
        return state.change().filter(c -> c.parties().partyInRole(actor(caller))).isPresent();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, ChangeEvent event,
                                    JsonNode payload, ChangeState stateAfter) {
        ChangeRecord change = stateAfter.change().orElseThrow();
        return mapper.valueToTree(new SubprocessorChangePublished(streamId, change.agreementId(), version, payload,
                summary(change)));
    }

    /** What consumers keep of a change: parties, what it changes, its state and clocks. */
    static SubprocessorChangePublished.Summary summary(ChangeRecord c) {
        SubprocessorDetails s = c.subprocessor();
        return new SubprocessorChangePublished.Summary(c.parties().controllerOrg(), c.parties().processorOrg(), c.zone().getId(),
                c.kind().name(), new SubprocessorChangePublished.Subprocessor(s.name(), s.headOffice(), s.country(),
                        s.transferMechanism()),
                c.replaces(), c.intendedFrom(), c.status().name(), c.announcedAt(), c.objectionWindowEndsAt(), c.windowWarned(),
                c.objection() == null ? null : c.objection().receivedAt(),
                c.objection() == null ? null : c.objection().terminationRightFrom(),
                c.objection() != null && c.objection().warned(),
                c.objection() != null && c.objection().terminationRightGrantedAt() != null,
                c.acceptanceBasis() == null ? null : c.acceptanceBasis().name(), c.supersedes());
    }
}
