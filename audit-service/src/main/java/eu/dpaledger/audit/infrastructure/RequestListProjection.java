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
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/** Information requests (art. 9.2) as the lists need them, from {@code dpa.audits}. */
@ApplicationScoped
public class RequestListProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "information-requests";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AuditEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AuditEventTypes.REQUESTS.contains(ceType)) {
            return Interest.APPLY;
        }
        return AuditEventTypes.ALL.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        JsonNode data = event.data();
        JsonNode r = data.get("request");
        if (r == null || !data.hasNonNull("requestId")) {
            return Uni.createFrom().failure(new IllegalArgumentException("request event without requestId or summary"));
        }
        Tuple values = Tuple.tuple(Arrays.asList(data.get("requestId").asText(), data.get("streamVersion").asLong(),
                data.get("agreementId").asText(), r.path("controllerOrg").asText(), r.path("processorOrg").asText(),
                r.path("question").asText(), r.path("dueDate").isNull() ? null : LocalDate.parse(r.path("dueDate").asText()),
                r.path("timeZone").asText(), r.path("status").asText(), Instant.parse(r.path("askedAt").asText()).atOffset(ZoneOffset.UTC),
                r.path("answeredAt").isNull() ? null : Instant.parse(r.path("answeredAt").asText()).atOffset(ZoneOffset.UTC),
                event.time().atOffset(ZoneOffset.UTC)));
        return tx.preparedQuery("INSERT INTO information_requests (request_id, stream_version, agreement_id, controller_org, "
                        + "processor_org, question, due_date, time_zone, status, asked_at, answered_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (request_id) DO UPDATE SET "
                        + "stream_version = excluded.stream_version, status = excluded.status, answered_at = excluded.answered_at, "
                        + "updated_at = excluded.updated_at WHERE information_requests.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM information_requests").execute().replaceWithVoid();
    }
}
