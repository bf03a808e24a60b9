package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/** The audit list (lists, overdue plans and measures, the scheduler's worklist), from {@code dpa.audits}. */
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
        JsonNode data = event.data();
        JsonNode a = data.get("audit");
        if (a == null || !data.hasNonNull("auditId")) {
            return Uni.createFrom().failure(new IllegalArgumentException("audit event without auditId or summary"));
        }
        Tuple values = Tuple.tuple(Arrays.asList(data.get("auditId").asText(), data.get("streamVersion").asLong(),
                data.get("agreementId").asText(), a.path("controllerOrg").asText(), a.path("processorOrg").asText(),
                a.path("auditorOrg").isNull() ? null : a.path("auditorOrg").asText(), a.path("status").asText(),
                instant(a.get("start")), instant(a.get("end")), a.path("scope").asText(), instant(a.get("planDueAt")),
                a.path("planOwed").asBoolean(),
                a.path("nextMeasureDue").isNull() ? null : LocalDate.parse(a.path("nextMeasureDue").asText()),
                a.path("costBorneBy").isNull() ? null : a.path("costBorneBy").asText(), event.time().atOffset(ZoneOffset.UTC)));
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

    private static OffsetDateTime instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText()).atOffset(ZoneOffset.UTC);
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
