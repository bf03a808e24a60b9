package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.platform.contracts.AuditPublished;
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
 * The audit list (lists, overdue plans and measures, the scheduler's worklist), from {@code dpa.audits}: the summary
 * each audit event publishes ({@link AuditPublished}), one version-guarded upsert per event.
 */
@ApplicationScoped
public class AuditListProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "audit-list";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AuditEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AuditEventTypes.AUDITS.contains(ceType)) {
            return Interest.APPLY;
        }
        return AuditEventTypes.ALL.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AuditPublished.of(event)).flatMap(a -> upsert(tx, a, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AuditPublished published, IncomingEvent event) {
        AuditPublished.Summary a = published.audit();
        Tuple values = Tuple.tuple(Arrays.asList(published.auditId(), published.streamVersion(), published.agreementId(),
                a.controllerOrg(), a.processorOrg(), a.auditorOrg(), a.status(), utc(a.start()), utc(a.end()), a.scope(),
                utc(a.planDueAt()), a.planOwed(), a.nextMeasureDue(), a.costBorneBy(), utc(event.time())));
        return tx.preparedQuery("INSERT INTO audit_list (audit_id, stream_version, agreement_id, controller_org, processor_org, "
                        + "auditor_org, status, start_at, end_at, scope, plan_due_at, plan_owed, next_measure_due, cost_borne_by, "
                        + "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
                        + "ON CONFLICT (audit_id) DO UPDATE SET stream_version = excluded.stream_version, status = excluded.status, "
                        + "start_at = excluded.start_at, end_at = excluded.end_at, plan_due_at = excluded.plan_due_at, "
                        + "plan_owed = excluded.plan_owed, next_measure_due = excluded.next_measure_due, "
                        + "cost_borne_by = excluded.cost_borne_by, updated_at = excluded.updated_at "
                        + "WHERE audit_list.stream_version < excluded.stream_version")
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
        return tx.query("DELETE FROM audit_list").execute().replaceWithVoid();
    }
}
