package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * The change list (lists, and the scheduler's worklist), from this service's own {@code dpa.subprocessors}:
 * each event carries the change's summary after it ({@link SubprocessorChangePublished}), so a row is an
 * upsert guarded by the stream version.
 */
@ApplicationScoped
public class ChangesProjection implements ProjectionHandler {

    /** The event after which an objection's termination right no longer needs the scheduler (DPA art. 6.2). */
    static final String LAPSED = SubprocessorChangePublished.TYPE_PREFIX + "TerminationRightLapsed.v1";

    @Override
    public String name() {
        return "subprocessor-changes";
    }

    @Override
    public Set<String> topics() {
        return Set.of(SubprocessorEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (SubprocessorEventTypes.CHANGES.contains(ceType)) {
            return Interest.APPLY;
        }
        return SubprocessorEventTypes.isKnown(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> SubprocessorChangePublished.of(event)).flatMap(published -> upsert(tx, published, event));
    }

    private static Uni<Void> upsert(SqlClient tx, SubprocessorChangePublished published, IncomingEvent event) {
        SubprocessorChangePublished.Summary c = published.change();
        Tuple values = Tuple.tuple(Arrays.asList(
                published.changeId(),
                published.streamVersion(),
                published.agreementId(),
                c.controllerOrg(),
                c.processorOrg(),
                c.kind(),
                c.subprocessor().name(),
                c.status(),
                utc(c.announcedAt()),
                c.intendedFrom(),
                c.timeZone(),
                utc(c.objectionWindowEndsAt()),
                c.windowWarned(),
                utc(c.terminationRightFrom()),
                c.terminationWarned(),
                c.terminationRightGranted(),
                event.time().atOffset(ZoneOffset.UTC),
                LAPSED.equals(event.type())));
        String upsert = "INSERT INTO changes (change_id, stream_version, agreement_id, controller_org, processor_org, "
                + "kind, subprocessor_name, status, announced_at, intended_from, time_zone, window_ends_at, window_warned, "
                + "termination_right_from, termination_warned, termination_granted, updated_at, termination_lapsed) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
                + "ON CONFLICT (change_id) DO UPDATE SET stream_version = excluded.stream_version, "
                + "status = excluded.status, window_warned = excluded.window_warned, "
                + "termination_right_from = excluded.termination_right_from, "
                + "termination_warned = excluded.termination_warned, termination_granted = excluded.termination_granted, "
                + "updated_at = excluded.updated_at, "
                + "termination_lapsed = changes.termination_lapsed OR excluded.termination_lapsed WHERE changes.stream_version < excluded.stream_version";
        if (c.announcementId() == null) {
            return tx.preparedQuery(upsert).execute(values).replaceWithVoid();
        }
        // A notice of a processor-wide announcement: in the same statement (pipelined()), its row in the announcement's
        // work list takes the status the change list now holds, so the notice list filters by state from an index (V110).
        // An older version's upsert changes no row and so sets no state.
        values.addString(c.announcementId());
        return tx.preparedQuery("WITH applied AS (" + upsert + " RETURNING change_id, status) "
                        + "UPDATE announcement_targets t SET state = applied.status FROM applied "
                        + "WHERE t.announcement_id = $19 AND t.agreement_id = $3 AND t.change_id = applied.change_id")
                .execute(values).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM changes").execute()
                .flatMap(x -> tx.query("UPDATE announcement_targets SET state = 'ISSUED' WHERE outcome = 'CREATED'").execute())
                .replaceWithVoid();
    }
}
