package eu.dpaledger.breach.infrastructure;

import eu.dpaledger.platform.contracts.BreachPublished;
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
        return Uni.createFrom().item(() -> BreachPublished.of(event)).flatMap(published -> upsert(tx, published, event));
    }

    private Uni<Void> upsert(SqlClient tx, BreachPublished published, IncomingEvent event) {
        BreachPublished.Summary b = published.breach();
        Tuple values = Tuple.tuple(Arrays.asList(published.breachId(), published.streamVersion(), published.agreementId(),
                b.controllerOrg(), b.processorOrg(), b.status(), b.description(), utc(b.processorAwareAt()),
                utc(b.receivedAt()), utc(b.reportDueAt()), b.lateBySeconds(), utc(b.controllerAwareAt()),
                utc(b.notificationDueAt()), b.notificationOpen(), b.notificationWarned(), b.notificationMissed(), b.risk(),
                b.openObligations().toArray(new String[0]), event.time().atOffset(ZoneOffset.UTC),
                b.kind() == null ? "BREACH" : b.kind(), b.lateBySecondsOnReceipt()));
        return tx.preparedQuery("INSERT INTO breach_register (breach_id, stream_version, agreement_id, controller_org, "
                        + "processor_org, status, description, processor_aware_at, received_at, report_due_at, late_by_seconds, "
                        + "controller_aware_at, notification_due_at, notification_open, notification_warned, notification_missed, "
                        + "risk, open_obligations, updated_at, kind, late_by_seconds_on_receipt) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                        + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, coalesce($21::bigint, $11)) "
                        + "ON CONFLICT (breach_id) DO UPDATE SET "
                        + "stream_version = excluded.stream_version, status = excluded.status, description = excluded.description, "
                        + "processor_aware_at = excluded.processor_aware_at, report_due_at = excluded.report_due_at, "
                        + "late_by_seconds = excluded.late_by_seconds, controller_aware_at = excluded.controller_aware_at, "
                        + "notification_due_at = excluded.notification_due_at, notification_open = excluded.notification_open, "
                        + "notification_warned = excluded.notification_warned, notification_missed = excluded.notification_missed, "
                        + "risk = excluded.risk, open_obligations = excluded.open_obligations, updated_at = excluded.updated_at, "
                        // Events published before the summary carried the lateness on receipt keep the row's.
                        + "kind = excluded.kind, late_by_seconds_on_receipt = "
                        + "coalesce($21::bigint, breach_register.late_by_seconds_on_receipt) "
                        + "WHERE breach_register.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("breach summary without one of its clocks");
        }
        return instant.atOffset(ZoneOffset.UTC);
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
