package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.platform.contracts.AgreementSummary;
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
 * Agreements as this service needs them, from {@code dpa.agreements} (the published summary after every
 * agreement event): parties, status and time zone. A
 * version-guarded upsert per event.
 */
@ApplicationScoped
public class AgreementsProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "agreements";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementSummary.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return ceType.startsWith(AgreementSummary.TYPE_PREFIX) ? Interest.APPLY : Interest.IGNORE;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementSummary.of(event)).flatMap(a -> tx.preparedQuery(
                        "INSERT INTO agreements (agreement_id, stream_version, status, controller_org, controller_name, "
                                + "processor_org, processor_name, time_zone, updated_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                                + "ON CONFLICT (agreement_id) DO UPDATE SET stream_version = excluded.stream_version, "
                                + "status = excluded.status, controller_org = excluded.controller_org, "
                                + "controller_name = excluded.controller_name, processor_org = excluded.processor_org, "
                                + "processor_name = excluded.processor_name, "
                                + "time_zone = excluded.time_zone, updated_at = excluded.updated_at "
                                + "WHERE agreements.stream_version < excluded.stream_version")
                .execute(Tuple.tuple(Arrays.asList(a.agreementId(), a.streamVersion(), a.status(), a.controllerOrg(),
                        a.controllerName(), a.processorOrg(), a.processorName(), a.timeZone(),
                        event.time().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid());
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM agreements").execute().replaceWithVoid();
    }
}
