package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * The agreement list (GET /agreements), fed from {@code dpa.agreements}. Every event carries the
 * agreement's summary after it, so a row is an upsert guarded by the stream version: an older event
 * (replayed during a rebuild, or redelivered) never overwrites a newer row.
 */
@ApplicationScoped
public class AgreementListProjection implements ProjectionHandler {

    public static final String TOPIC = AgreementPublished.TOPIC;

    @Override
    public String name() {
        return "agreement-list";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AgreementEventTypes.isKnown(ceType)) {
            return Interest.APPLY;
        }
        return AssistanceEventTypes.ALL.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementPublished.of(event)).flatMap(a -> upsert(tx, a, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AgreementPublished a, IncomingEvent event) {
        Tuple values = Tuple.tuple(Arrays.asList(a.agreementId(), a.streamVersion(), a.agreement().status(), a.controllerOrg(),
                a.agreement().controller().name(), a.processorOrg(), a.agreement().processor().name(), a.agreement().assignment(),
                a.agreement().highestInformationClass(),
                a.agreement().settings() == null ? null : a.agreement().settings().supervisoryAuthority(), event.time().atOffset(ZoneOffset.UTC)));
        return tx.preparedQuery("INSERT INTO agreement_list (agreement_id, stream_version, status, controller_org, "
                        + "controller_name, processor_org, processor_name, assignment, highest_class, supervisory_authority, "
                        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) "
                        + "ON CONFLICT (agreement_id) DO UPDATE SET stream_version = excluded.stream_version, "
                        + "status = excluded.status, controller_org = excluded.controller_org, "
                        + "controller_name = excluded.controller_name, processor_org = excluded.processor_org, "
                        + "processor_name = excluded.processor_name, assignment = excluded.assignment, "
                        + "highest_class = excluded.highest_class, supervisory_authority = excluded.supervisory_authority, "
                        + "updated_at = excluded.updated_at "
                        + "WHERE agreement_list.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    /** One statement per event, correct in any interleaving (version guard / insert-if-absent / a sum). */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM agreement_list").execute().replaceWithVoid();
    }
}
