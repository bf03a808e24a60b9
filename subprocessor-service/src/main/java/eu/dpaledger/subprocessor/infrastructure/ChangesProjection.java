package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.Columns;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.Layers;
import eu.dpaledger.platform.projection.PreparedProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The change list (lists, and the scheduler's worklist), from this service's own {@code dpa.subprocessors}:
 * each event carries the change's summary after it ({@link SubprocessorChangePublished}), so a row is an
 * upsert guarded by the stream version; a batch's rows go in one statement per {@link Layers layer}.
 */
@ApplicationScoped
public class ChangesProjection implements PreparedProjection<ChangesProjection.Row> {

    /** The event after which an objection's termination right no longer needs the scheduler (DPA art. 6.2). */
    static final String LAPSED = SubprocessorChangePublished.TYPE_PREFIX + "TerminationRightLapsed.v1";

    // A change at most once per statement (Layers). An older version's row changes nothing.
    private static final String UPSERT = """
            INSERT INTO changes AS c (change_id, stream_version, agreement_id, controller_org, processor_org, kind,
                subprocessor_name, status, announced_at, intended_from, time_zone, window_ends_at, window_warned,
                termination_right_from, termination_warned, termination_granted, updated_at, termination_lapsed)
            SELECT r.change_id, r.stream_version, r.agreement_id, r.controller_org, r.processor_org, r.kind,
                r.subprocessor_name, r.status, r.announced_at, r.intended_from, r.time_zone, r.window_ends_at, r.window_warned,
                r.termination_right_from, r.termination_warned, r.termination_granted, r.updated_at, r.termination_lapsed
            FROM rows r
            ON CONFLICT (change_id) DO UPDATE SET stream_version = excluded.stream_version, status = excluded.status,
                window_warned = excluded.window_warned, termination_right_from = excluded.termination_right_from,
                termination_warned = excluded.termination_warned, termination_granted = excluded.termination_granted,
                updated_at = excluded.updated_at, termination_lapsed = c.termination_lapsed OR excluded.termination_lapsed
            WHERE c.stream_version < excluded.stream_version""";

    private static final String ROWS = """
            rows AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                $7::text[], $8::text[], $9::timestamptz[], $10::date[], $11::text[], $12::timestamptz[], $13::boolean[],
                $14::timestamptz[], $15::boolean[], $16::boolean[], $17::timestamptz[], $18::boolean[], $19::text[])
                AS r(change_id, stream_version, agreement_id, controller_org, processor_org, kind, subprocessor_name, status,
                announced_at, intended_from, time_zone, window_ends_at, window_warned, termination_right_from,
                termination_warned, termination_granted, updated_at, termination_lapsed, announcement_id))""";

    private static final String WRITE = "WITH " + ROWS + "\n" + UPSERT;

    // A notice of a processor-wide announcement: in the same statement, its row in the announcement's work list takes
    // the status the change list now holds, so the notice list filters by state from an index (V110). A row whose
    // upsert changed nothing (an older version) returns nothing and so sets no state; a row already in that state is not
    // written again (a rebuild replays every notice: most states are already right, and each write is a new row version
    // and an entry in each of the work list's indexes).
    private static final String WRITE_WITH_NOTICES = "WITH " + ROWS + ",\napplied AS (" + UPSERT + "\nRETURNING c.change_id, c.status)\n"
            + "UPDATE announcement_targets t SET state = applied.status FROM applied JOIN rows r ON r.change_id = applied.change_id "
            + "WHERE r.announcement_id IS NOT NULL AND t.announcement_id = r.announcement_id AND t.agreement_id = r.agreement_id "
            + "AND t.change_id = applied.change_id AND t.state <> applied.status";

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

    /**
     * A change's row after one event: its ids and version, the summary it publishes, whether it lapsed the termination
     * right, its stamp (not the event's own payload: a rebuild holds two batches of these at a time).
     */
    public record Row(String changeId, long streamVersion, String agreementId, SubprocessorChangePublished.Summary change,
                      boolean lapsed, Instant stamp) {
    }

    @Override
    public Row prepare(IncomingEvent event) {
        SubprocessorChangePublished published = SubprocessorChangePublished.of(event);
        return new Row(published.changeId(), published.streamVersion(), published.agreementId(), published.change(),
                LAPSED.equals(event.type()), event.time());
    }

    /** A batch's rows in one statement per {@link Layers layer} (a change's k-th event of the batch in the k-th). */
    @Override
    public Uni<Void> write(SqlClient tx, List<Row> rows) {
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (List<Row> layer : Layers.byKey(rows, Row::changeId)) {
            Columns<Row> c = Columns.of(layer);
            Tuple values = Tuple.from(List.of(c.text(Row::changeId), c.bigint(Row::streamVersion),
                    c.text(Row::agreementId), c.text(r -> r.change().controllerOrg()),
                    c.text(r -> r.change().processorOrg()), c.text(r -> r.change().kind()),
                    c.text(r -> r.change().subprocessor().name()), c.text(r -> r.change().status()),
                    c.instant(r -> r.change().announcedAt()), c.date(r -> r.change().intendedFrom()),
                    c.text(r -> r.change().timeZone()), c.instant(r -> r.change().objectionWindowEndsAt()),
                    c.bool(r -> r.change().windowWarned()), c.instant(r -> r.change().terminationRightFrom()),
                    c.bool(r -> r.change().terminationWarned()), c.bool(r -> r.change().terminationRightGranted()),
                    c.instant(Row::stamp), c.bool(Row::lapsed), c.text(r -> r.change().announcementId())));
            String statement = layer.stream().map(r -> r.change().announcementId()).anyMatch(Objects::nonNull) ? WRITE_WITH_NOTICES : WRITE;
            sequence = sequence.flatMap(x -> tx.preparedQuery(statement).execute(values).replaceWithVoid());
        }
        return sequence;
    }

    /**
     * Empties the change list. The notices' states on the announcements' work lists are left as they are: the replay
     * sets each from its change's events where it differs, so the notice lists do not all fall back to ISSUED during a
     * rebuild (a notice whose change has several events passes through its earlier states again), and 10,000 notices
     * are not written twice.
     */
    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM changes").execute().replaceWithVoid();
    }
}
