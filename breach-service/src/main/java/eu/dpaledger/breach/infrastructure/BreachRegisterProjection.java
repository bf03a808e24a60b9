package eu.dpaledger.breach.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The breach register (GDPR 33(5)) and the scheduler's worklist, from this service's own
 * {@code dpa.breaches}: each event carries the breach's summary after it, so a row is a version-guarded
 * upsert.
 */
@ApplicationScoped
public class BreachRegisterProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "breach-register";
    }

    @Override
    public Set<String> topics() {
        return Set.of(BreachEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return BreachEventTypes.isKnown(ceType) ? Interest.APPLY : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode b = data.get("breach");
        if (b == null || !data.hasNonNull("breachId") || !data.hasNonNull("agreementId")) {
            return Uni.createFrom().failure(new IllegalArgumentException("breach event without breachId, agreementId or summary"));
        }
        List<String> obligations = new ArrayList<>();
        b.path("openObligations").forEach(o -> obligations.add(o.asText()));
        Tuple values = Tuple.tuple(Arrays.asList(data.get("breachId").asText(), data.get("streamVersion").asLong(),
                data.get("agreementId").asText(), b.path("controllerOrg").asText(), b.path("processorOrg").asText(),
                b.path("status").asText(), b.path("description").asText(), instant(b, "processorAwareAt"),
                instant(b, "receivedAt"), instant(b, "reportDueAt"), b.path("lateBySeconds").asLong(),
                instant(b, "controllerAwareAt"), instant(b, "notificationDueAt"), b.path("notificationOpen").asBoolean(),
                b.path("notificationWarned").asBoolean(), b.path("notificationMissed").asBoolean(),
                b.path("risk").isNull() ? null : b.path("risk").asText(), obligations.toArray(new String[0]),
                event.time().atOffset(ZoneOffset.UTC)));
        return tx.preparedQuery("INSERT INTO breach_register (breach_id, stream_version, agreement_id, controller_org, "
                        + "processor_org, status, description, processor_aware_at, received_at, report_due_at, late_by_seconds, "
                        + "controller_aware_at, notification_due_at, notification_open, notification_warned, notification_missed, "
                        + "risk, open_obligations, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                        + "$14, $15, $16, $17, $18, $19) ON CONFLICT (breach_id) DO UPDATE SET "
                        + "stream_version = excluded.stream_version, status = excluded.status, description = excluded.description, "
                        + "processor_aware_at = excluded.processor_aware_at, report_due_at = excluded.report_due_at, "
                        + "late_by_seconds = excluded.late_by_seconds, controller_aware_at = excluded.controller_aware_at, "
                        + "notification_due_at = excluded.notification_due_at, notification_open = excluded.notification_open, "
                        + "notification_warned = excluded.notification_warned, notification_missed = excluded.notification_missed, "
                        + "risk = excluded.risk, open_obligations = excluded.open_obligations, updated_at = excluded.updated_at "
                        + "WHERE breach_register.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    private static OffsetDateTime instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asText()).atOffset(ZoneOffset.UTC);
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM breach_register").execute().replaceWithVoid();
    }
}
