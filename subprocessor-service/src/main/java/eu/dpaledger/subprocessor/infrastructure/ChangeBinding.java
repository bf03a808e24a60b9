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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

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

    /** A notice of a processor-wide announcement marks its agreement's place in the fan-out's work list done, in its own transaction. */
    @Override
    public Uni<Void> alongside(SqlClient tx, String streamId, ChangeCommand command, List<ChangeEvent> events, ChangeState stateAfter) {
        Optional<ChangeEvent.ChangeAnnounced> notice = events.stream().filter(ChangeEvent.ChangeAnnounced.class::isInstance)
                .map(ChangeEvent.ChangeAnnounced.class::cast).filter(e -> e.announcementId() != null).findFirst();
        if (notice.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("UPDATE announcement_targets SET outcome = 'CREATED', state = 'ISSUED', change_id = $3, "
                        + "claimed_until = NULL WHERE announcement_id = $1 AND agreement_id = $2")
                .execute(Tuple.of(notice.get().announcementId(), notice.get().agreementId(), streamId))
                .replaceWithVoid();
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
                c.acceptanceBasis() == null ? null : c.acceptanceBasis().name(), c.supersedes(), c.announcementId());
    }
}
