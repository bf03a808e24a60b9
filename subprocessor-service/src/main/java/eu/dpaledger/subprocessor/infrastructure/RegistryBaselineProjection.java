package eu.dpaledger.subprocessor.infrastructure;

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
 * Agreements as this service needs them, from {@code dpa.agreements}: every agreement event carries a
 * summary of the agreement after it (parties, status, settings, annex-1 sub-processors), so a row is an
 * upsert guarded by the stream version. {@code AgreementActivated} also seeds the registry with the
 * annex-1 sub-processors as the accepted baseline (art. 6.1), in the same statement.
 */
@ApplicationScoped
public class AgreementsProjection implements ProjectionHandler {

    public static final String TOPIC = AgreementSummary.TOPIC;
    static final String ACTIVATED = "eu.dpaledger.agreement.AgreementActivated.v1";

    @Override
    public String name() {
        return "agreements";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    /** Every agreement event carries the summary; other aggregates publishing on the topic are not needed here. */
    @Override
    public Interest interestIn(String topic, String ceType) {
        return ceType.startsWith(AgreementSummary.TYPE_PREFIX) ? Interest.APPLY : Interest.IGNORE;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementSummary.of(event)).flatMap(a -> upsert(tx, a, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AgreementSummary a, IncomingEvent event) {
        Tuple values = Tuple.tuple(Arrays.asList(a.agreementId(), a.streamVersion(), a.status(), a.controllerOrg(),
                a.controllerName(), a.processorOrg(), a.processorName(), a.subprocessorObjectionDays(), a.timeZone(),
                a.annexSubprocessors().toString(), event.time().atOffset(ZoneOffset.UTC), ACTIVATED.equals(event.type())));
        return tx.preparedQuery("WITH upsert AS (INSERT INTO agreements (agreement_id, stream_version, status, controller_org, "
                        + "controller_name, processor_org, processor_name, objection_days, time_zone, annex_subprocessors, "
                        + "activated_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, "
                        + "CASE WHEN $12::boolean THEN $11::timestamptz END, $11) "
                        + "ON CONFLICT (agreement_id) DO UPDATE SET stream_version = excluded.stream_version, "
                        + "status = excluded.status, controller_org = excluded.controller_org, "
                        + "controller_name = excluded.controller_name, processor_org = excluded.processor_org, "
                        + "processor_name = excluded.processor_name, objection_days = excluded.objection_days, "
                        + "time_zone = excluded.time_zone, annex_subprocessors = excluded.annex_subprocessors, "
                        + "activated_at = coalesce(agreements.activated_at, excluded.activated_at), updated_at = excluded.updated_at "
                        + "WHERE agreements.stream_version < excluded.stream_version RETURNING 1) "
                        // Art. 6.1 baseline: the sub-processors the controller accepted by signing annex 1.
                        + "INSERT INTO registry_entries (agreement_id, entry_id, name, name_key, head_office, country, "
                        + "transfer_mechanism, basis, accepted_since) "
                        + "SELECT $1, 'baseline:' || " + RegistryProjection.NAME_KEY_SQL.formatted("s.name") + ", s.name, "
                        + RegistryProjection.NAME_KEY_SQL.formatted("s.name") + ", s.\"headOffice\", upper(s.country), "
                        + "s.\"transferMechanism\", 'BASELINE', $11 "
                        + "FROM jsonb_to_recordset($10::text::jsonb) AS s(name text, \"headOffice\" text, country text, "
                        + "\"transferMechanism\" text) WHERE $12::boolean ON CONFLICT DO NOTHING")
                .execute(values).replaceWithVoid();
    }

    /** One statement per event: a version-guarded upsert and an insert-if-absent. */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM agreements").execute()
                .flatMap(x -> tx.query("DELETE FROM registry_entries WHERE basis = 'BASELINE'").execute())
                .replaceWithVoid();
    }
}
