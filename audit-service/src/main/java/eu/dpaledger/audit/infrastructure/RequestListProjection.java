package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.platform.contracts.InformationRequestPublished;
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
 * Information requests (art. 9.2) as the lists need them, from {@code dpa.audits}: the summary each request event
 * publishes ({@link InformationRequestPublished}), one version-guarded upsert per event.
 */
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
        return Uni.createFrom().item(() -> InformationRequestPublished.of(event)).flatMap(r -> upsert(tx, r, event));
    }

    private static Uni<Void> upsert(SqlClient tx, InformationRequestPublished published, IncomingEvent event) {
        InformationRequestPublished.Summary r = published.request();
        Tuple values = Tuple.tuple(Arrays.asList(published.requestId(), published.streamVersion(), published.agreementId(),
                r.controllerOrg(), r.processorOrg(), r.question(), r.dueDate(), r.timeZone(), r.status(), utc(r.askedAt()),
                utc(r.answeredAt()), utc(event.time())));
        return tx.preparedQuery("INSERT INTO information_requests (request_id, stream_version, agreement_id, controller_org, "
                        + "processor_org, question, due_date, time_zone, status, asked_at, answered_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (request_id) DO UPDATE SET "
                        + "stream_version = excluded.stream_version, status = excluded.status, answered_at = excluded.answered_at, "
                        + "updated_at = excluded.updated_at WHERE information_requests.stream_version < excluded.stream_version")
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
        return tx.query("DELETE FROM information_requests").execute().replaceWithVoid();
    }
}
