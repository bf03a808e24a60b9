package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.platform.contracts.EvidencePublished;
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
 * The processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1) as the lists and the scheduler need it, from
 * {@code dpa.audits}: the summary each item event publishes ({@link EvidencePublished}), one version-guarded upsert per
 * event.
 */
@ApplicationScoped
public class EvidenceListProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "evidence-register";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AuditEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AuditEventTypes.EVIDENCE.contains(ceType)) {
            return Interest.APPLY;
        }
        return AuditEventTypes.ALL.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> EvidencePublished.of(event)).flatMap(e -> upsert(tx, e));
    }

    private static Uni<Void> upsert(SqlClient tx, EvidencePublished published) {
        EvidencePublished.Summary i = published.item();
        Tuple values = Tuple.tuple(Arrays.asList(published.itemId(), published.streamVersion(), published.agreementId(),
                i.controllerOrg(), i.processorOrg(), i.kind(), i.title(), i.revision(), i.review(), i.expiresAfter(), i.timeZone(),
                i.expired(), utc(i.recordedAt()), utc(i.updatedAt()), i.expiring()));
        return tx.preparedQuery("INSERT INTO evidence_items (item_id, stream_version, agreement_id, controller_org, processor_org, "
                        + "kind, title, revision, review, expires_after, time_zone, marked_expired, recorded_at, updated_at, expiring) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (item_id) DO UPDATE SET "
                        + "stream_version = excluded.stream_version, title = excluded.title, revision = excluded.revision, "
                        + "review = excluded.review, expires_after = excluded.expires_after, marked_expired = excluded.marked_expired, "
                        + "expiring = excluded.expiring, "
                        + "updated_at = excluded.updated_at WHERE evidence_items.stream_version < excluded.stream_version")
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
        return tx.query("DELETE FROM evidence_items").execute().replaceWithVoid();
    }
}
