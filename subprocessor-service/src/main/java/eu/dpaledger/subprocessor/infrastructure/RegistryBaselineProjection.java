package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.agreements.AgreementDirectoryProjection;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.util.Set;

/**
 * The registry's baseline (art. 6.1): when an agreement is activated, the annex-1 sub-processors the
 * controller accepted by signing enter {@code registry_entries} as {@code BASELINE}, each if absent. What
 * this service knows of the agreement itself is the kernel's directory ({@link AgreementDirectoryProjection}).
 * <p>
 * This projection replaced the service's own {@code agreements} projection, which seeded the baseline in
 * the same statement as its agreement row. Its bookkeeping is per projection name, but the Kafka consumer
 * group is the service's, so on an upgraded database it only sees events from its first start on: the
 * baseline rows of agreements activated before are already in {@code registry_entries}, so nothing is missing.
 */
@ApplicationScoped
public class RegistryBaselineProjection implements ProjectionHandler {

    public static final String NAME = "registry-baseline";

    @Inject
    ObjectMapper mapper;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementPublished.TOPIC);
    }

    /** Only the activation sets the baseline; the other agreement events (and the assistance aggregates') are not needed. */
    @Override
    public Interest interestIn(String topic, String ceType) {
        return AgreementDirectoryProjection.ACTIVATED.equals(ceType) ? Interest.APPLY : Interest.IGNORE;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementPublished.of(event)).flatMap(a -> seed(tx, a, event));
    }

    private Uni<Void> seed(SqlClient tx, AgreementPublished a, IncomingEvent event) {
        Tuple values = Tuple.of(a.agreementId(), mapper.valueToTree(a.agreement().subprocessors()).toString(),
                event.time().atOffset(ZoneOffset.UTC), a.controllerOrg(), a.processorOrg());
        return tx.preparedQuery("INSERT INTO registry_entries (agreement_id, entry_id, name, name_key, head_office, country, "
                        + "transfer_mechanism, basis, accepted_since, controller_org, processor_org) "
                        + "SELECT $1, 'baseline:' || " + RegistryProjection.NAME_KEY_SQL.formatted("s.name") + ", s.name, "
                        + RegistryProjection.NAME_KEY_SQL.formatted("s.name") + ", s.\"headOffice\", upper(s.country), "
                        + "s.\"transferMechanism\", 'BASELINE', $3, $4, $5 "
                        + "FROM jsonb_to_recordset($2::text::jsonb) AS s(name text, \"headOffice\" text, country text, "
                        + "\"transferMechanism\" text) ON CONFLICT DO NOTHING")
                .execute(values).replaceWithVoid();
    }

    /** One insert-if-absent per event. */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM registry_entries WHERE basis = 'BASELINE'").execute().replaceWithVoid();
    }
}
