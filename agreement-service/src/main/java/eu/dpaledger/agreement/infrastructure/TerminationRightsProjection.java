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
 * Termination rights granted by subprocessor-service after an unresolved objection (art. 6.2), from
 * {@code dpa.subprocessors} as {@link SubprocessorChangePublished} (the record as received is kept as its
 * details). Only {@code TerminationRightGranted} matters here; the topic's other sub-processor events are known
 * and ignored.
 */
@ApplicationScoped
public class TerminationRightsProjection implements ProjectionHandler {

    public static final String TOPIC = SubprocessorChangePublished.TOPIC;
    static final String GRANTED = SubprocessorChangePublished.TYPE_PREFIX + "TerminationRightGranted.v1";

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
        if (GRANTED.equals(ceType)) {
            return Interest.APPLY;
        }
        return ceType.startsWith("eu.dpaledger.subprocessor.") ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> SubprocessorChangePublished.of(event)).flatMap(granted -> tx.preparedQuery(
                        "INSERT INTO subprocessor_termination_rights (agreement_id, grant_event, granted_at, details) "
                        + "VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(granted.agreementId(), event.id(), event.time().atOffset(ZoneOffset.UTC), event.data().toString()))
                .replaceWithVoid());
    }

    /** One statement per event, correct in any interleaving (version guard / insert-if-absent / a sum). */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM subprocessor_termination_rights").execute().replaceWithVoid();
    }
}
