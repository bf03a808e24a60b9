package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.platform.contracts.AssistanceRequestPublished;
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
 * Requests for assistance (DPA art. 7.4, 7.1) as the lists and the scheduler need them, from {@code dpa.audits}: the
 * summary each request event publishes ({@link AssistanceRequestPublished}), one version-guarded upsert per event.
 */
@ApplicationScoped
public class AssistanceListProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "assistance-requests";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AuditEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AuditEventTypes.ASSISTANCE.contains(ceType)) {
            return Interest.APPLY;
        }
        return AuditEventTypes.ALL.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AssistanceRequestPublished.of(event)).flatMap(r -> upsert(tx, r, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AssistanceRequestPublished published, IncomingEvent event) {
        AssistanceRequestPublished.Summary r = published.request();
        Tuple values = Tuple.tuple(Arrays.asList(published.requestId(), published.streamVersion(), published.agreementId(),
                r.controllerOrg(), r.processorOrg(), r.kind(), r.processing(), r.status(), r.dueDate(), r.timeZone(), r.overdue(),
                r.costBasis(), utc(r.requestedAt()), utc(r.closedAt()), utc(event.time() == null ? r.requestedAt() : event.time())));
        return tx.preparedQuery("INSERT INTO assistance_requests (request_id, stream_version, agreement_id, controller_org, "
                        + "processor_org, kind, processing, status, due_date, time_zone, marked_overdue, cost_basis, requested_at, "
                        + "closed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
                        + "ON CONFLICT (request_id) DO UPDATE SET stream_version = excluded.stream_version, status = excluded.status, "
                        + "due_date = excluded.due_date, marked_overdue = excluded.marked_overdue, cost_basis = excluded.cost_basis, "
                        + "closed_at = excluded.closed_at, updated_at = excluded.updated_at "
                        + "WHERE assistance_requests.stream_version < excluded.stream_version")
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
        return tx.query("DELETE FROM assistance_requests").execute().replaceWithVoid();
    }
}
