package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.Set;

/**
 * Termination rights granted by subprocessor-service after an unresolved objection, and their lapses once the
 * ground went (DPA art. 6.2), from {@code dpa.subprocessors} as {@link SubprocessorChangePublished} (the record
 * as received is kept as its details). Both are keyed by the objected change ({@code changeId}); a lapse is
 * kept even if it arrives before its grant, so the answer is the same in any order. Only
 * {@code TerminationRightGranted} and {@code TerminationRightLapsed} matter here; the topic's other
 * sub-processor events are known and ignored.
 */
@ApplicationScoped
public class TerminationRightsProjection implements ProjectionHandler {

    public static final String TOPIC = SubprocessorChangePublished.TOPIC;
    static final String GRANTED = SubprocessorChangePublished.TYPE_PREFIX + "TerminationRightGranted.v1";
    static final String LAPSED = SubprocessorChangePublished.TYPE_PREFIX + "TerminationRightLapsed.v1";

    @Override
    public String name() {
        return "subprocessor-termination-rights";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (GRANTED.equals(ceType) || LAPSED.equals(ceType)) {
            return Interest.APPLY;
        }
        return ceType.startsWith("eu.dpaledger.subprocessor.") ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        String table = LAPSED.equals(event.type())
                ? "subprocessor_termination_right_lapses (agreement_id, change_id, lapse_event, lapsed_at, details)"
                : "subprocessor_termination_rights (agreement_id, change_id, grant_event, granted_at, details)";
        return Uni.createFrom().item(() -> SubprocessorChangePublished.of(event)).flatMap(published -> tx.preparedQuery(
                        "INSERT INTO " + table + " VALUES ($1, $2, $3, $4, $5::text::jsonb) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(published.agreementId(), published.changeId(), event.id(),
                        event.time().atOffset(ZoneOffset.UTC), event.data().toString()))
                .replaceWithVoid());
    }

    /** One statement per event, correct in any interleaving (version guard / insert-if-absent / a sum). */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM subprocessor_termination_rights").execute()
                .flatMap(x -> tx.query("DELETE FROM subprocessor_termination_right_lapses").execute()).replaceWithVoid();
    }
}
