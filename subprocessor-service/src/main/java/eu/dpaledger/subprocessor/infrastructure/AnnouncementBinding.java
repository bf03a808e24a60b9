package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.contracts.SubprocessorAnnouncementPublished;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementCommand;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementEvent;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementRecord;
import eu.dpaledger.subprocessor.domain.announcement.ProcessorAnnouncementAggregate;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plugs processor-wide announcements into the kernel: stream type {@code subprocessorannouncement} (events publish on
 * {@code dpa.subprocessors} as {@code eu.dpaledger.subprocessorannouncement.<Event>.v1}), visible to the announcing
 * processor's organisation only (a controller sees its own notice, never the announcement), and the fan-out's work list:
 * the agreements the announcement goes to are written to {@code announcement_targets} in the announcement's own
 * transaction, so the fan-out ({@code AnnouncementFanout}) finds every one of them even after a crash.
 */
@ApplicationScoped
public class AnnouncementBinding implements AggregateBinding<Optional<AnnouncementRecord>, AnnouncementCommand, AnnouncementEvent> {

    public static final String STREAM_TYPE = "subprocessorannouncement";

    private final ProcessorAnnouncementAggregate aggregate = new ProcessorAnnouncementAggregate();

    @Override
    public Aggregate<Optional<AnnouncementRecord>, AnnouncementCommand, AnnouncementEvent> aggregate() {
        return aggregate;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public String displayName() {
        return "announcement";
    }

    @Override
    public boolean visibleTo(Optional<AnnouncementRecord> state, Caller caller) {
        return state.filter(a -> a.processorOrg().equals(caller.organisation())).isPresent();
    }

    @Override
    public boolean readableBy(Optional<AnnouncementRecord> state, Caller caller) {
        return visibleTo(state, caller) && caller.hasRole(Actor.PROCESSOR);
    }

    /**
     * With AnnouncementMade: the announcement's row and the agreements it goes to, in order, each waiting for its notice.
     * With AnnouncementCompleted: the announcement's row says so.
     */
    @Override
    public Uni<Void> alongside(SqlClient tx, String streamId, AnnouncementCommand command, List<AnnouncementEvent> events,
                               Optional<AnnouncementRecord> stateAfter) {
        for (AnnouncementEvent event : events) {
            if (event instanceof AnnouncementEvent.AnnouncementCompleted completed) {
                return tx.preparedQuery("UPDATE announcements SET completed_at = $2 WHERE announcement_id = $1")
                        .execute(Tuple.of(streamId, completed.at().atOffset(ZoneOffset.UTC))).replaceWithVoid();
            }
        }
        if (!(command instanceof AnnouncementCommand.Announce announce)) {
            return Uni.createFrom().voidItem();
        }
        AnnouncementRecord made = stateAfter.orElseThrow();
        Uni<Void> row = tx.preparedQuery("INSERT INTO announcements (announcement_id, processor_org, kind, subprocessor_name, "
                        + "intended_from, agreement_count, announced_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(List.of(streamId, made.processorOrg(), made.kind().name(), made.subprocessor().name(),
                        made.intendedFrom(), made.agreementCount(), made.announcedAt().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
        Map<String, AgreementFacts> byId = announce.targets().stream()
                .collect(Collectors.toMap(AgreementFacts::agreementId, t -> t, (a, b) -> a));
        List<AgreementFacts> targets = announce.chosen() == null ? announce.targets() : announce.chosen().stream().map(byId::get).toList();
        return row.flatMap(ignored -> tx.preparedQuery("INSERT INTO announcement_targets (announcement_id, seq, agreement_id, controller_org, queued_at) "
                        + "SELECT $1, t.seq, t.agreement_id, t.controller_org, $4 "
                        + "FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(agreement_id, controller_org, seq)")
                .execute(Tuple.of(streamId, targets.stream().map(AgreementFacts::agreementId).toArray(String[]::new),
                        targets.stream().map(AgreementFacts::controllerOrg).toArray(String[]::new),
                        announce.at().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    @Override
    public ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, AnnouncementEvent event, JsonNode payload,
                                    Optional<AnnouncementRecord> stateAfter) {
        return mapper.valueToTree(new SubprocessorAnnouncementPublished(streamId, stateAfter.orElseThrow().processorOrg(), version,
                payload));
    }
}
