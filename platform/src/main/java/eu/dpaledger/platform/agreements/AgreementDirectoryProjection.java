package eu.dpaledger.platform.agreements;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * Feeds the kernel's {@code agreement_directory} from {@code dpa.agreements}: every agreement event
 * carries the agreement after it ({@link AgreementPublished}), so a row is an upsert guarded by the
 * stream version. Named {@code agreements}, the name the services' own copies had, so an upgraded
 * service keeps its bookkeeping. agreement-service, which owns agreements, switches it off at build
 * time ({@code dpa.agreement-directory.enabled=false}).
 */
@ApplicationScoped
@UnlessBuildProperty(name = "dpa.agreement-directory.enabled", stringValue = "false", enableIfMissing = true)
public class AgreementDirectoryProjection implements ProjectionHandler {

    public static final String NAME = "agreements";
    public static final String ACTIVATED = AgreementPublished.TYPE_PREFIX + "AgreementActivated.v1";
    /** The version of the summary this projection reads. */
    private static final String READ_VERSION = ".v1";

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

    /**
     * Every agreement event carries the summary, so every {@code .v1} agreement type is applied, also one added
     * after this release. Another version (a {@code .v2} published side by side, docs/EVENTS.md) is not read
     * here; nor are the assistance aggregates publishing on the topic.
     */
    @Override
    public Interest interestIn(String topic, String ceType) {
        return ceType.startsWith(AgreementPublished.TYPE_PREFIX) && ceType.endsWith(READ_VERSION) ? Interest.APPLY : Interest.IGNORE;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementPublished.of(event)).flatMap(a -> upsert(tx, a, event));
    }

    private Uni<Void> upsert(SqlClient tx, AgreementPublished a, IncomingEvent event) {
        AgreementPublished.Settings settings = a.settingsOrDefaults();
        Tuple values = Tuple.tuple(Arrays.asList(a.agreementId(), a.streamVersion(), a.agreement().status(), a.controllerOrg(),
                a.agreement().controller().name(), a.processorOrg(), a.agreement().processor().name(),
                settings.supervisoryAuthority(), settings.timeZone(), settings.subprocessorObjectionDays(),
                settings.destructionConfirmationDays(), mapper.valueToTree(a.agreement().subprocessors()).toString(),
                event.time().atOffset(ZoneOffset.UTC), ACTIVATED.equals(event.type())));
        return tx.preparedQuery("INSERT INTO agreement_directory (agreement_id, stream_version, status, controller_org, "
                        + "controller_name, processor_org, processor_name, supervisory_authority, time_zone, objection_days, "
                        + "destruction_confirmation_days, annex_subprocessors, activated_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, CASE WHEN $14::boolean THEN $13::timestamptz END, $13) "
                        + "ON CONFLICT (agreement_id) DO UPDATE SET stream_version = excluded.stream_version, "
                        + "status = excluded.status, controller_org = excluded.controller_org, "
                        + "controller_name = excluded.controller_name, processor_org = excluded.processor_org, "
                        + "processor_name = excluded.processor_name, supervisory_authority = excluded.supervisory_authority, "
                        + "time_zone = excluded.time_zone, objection_days = excluded.objection_days, "
                        + "destruction_confirmation_days = excluded.destruction_confirmation_days, "
                        + "annex_subprocessors = excluded.annex_subprocessors, "
                        + "activated_at = coalesce(agreement_directory.activated_at, excluded.activated_at), "
                        + "updated_at = excluded.updated_at "
                        + "WHERE agreement_directory.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    /** One version-guarded upsert per event. */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM agreement_directory").execute().replaceWithVoid();
    }
}
