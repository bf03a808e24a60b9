package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.PreparedProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code breach_facts} for the breach metrics (DPA art. 7.3: the 24-hour report; GDPR art. 33(1): the 72-hour
 * notification): the summary each breach event publishes, one version-guarded upsert per event, plus what only the
 * events carry: the agreement's zone (BreachReported) and the first authority notification's instant (AuthorityNotified).
 */
@ApplicationScoped
public class BreachFactsProjection implements PreparedProjection<Tuple> {

    private static final String UPSERT = """
            INSERT INTO breach_facts AS f (breach_id, stream_version, agreement_id, controller_org, processor_org, processor_name,
                kind, status, risk, description, processor_aware_at, received_at, report_due_at, late_by_seconds,
                controller_aware_at, notification_due_at, notification_open, notified_at, notification_missed, time_zone, updated_at)
            SELECT $1, $2, $3, $4, $5, d.processor_name, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                coalesce($19::text, d.time_zone, 'Europe/Brussels'), $20
            FROM (SELECT 1) one LEFT JOIN agreement_directory d ON d.agreement_id = $3
            ON CONFLICT (breach_id) DO UPDATE SET stream_version = excluded.stream_version,
                processor_name = coalesce(excluded.processor_name, f.processor_name), kind = excluded.kind,
                status = excluded.status, risk = excluded.risk, description = excluded.description,
                processor_aware_at = excluded.processor_aware_at, received_at = excluded.received_at,
                report_due_at = excluded.report_due_at, late_by_seconds = excluded.late_by_seconds,
                controller_aware_at = excluded.controller_aware_at, notification_due_at = excluded.notification_due_at,
                notification_open = excluded.notification_open, notified_at = coalesce(f.notified_at, excluded.notified_at),
                notification_missed = excluded.notification_missed,
                time_zone = CASE WHEN $19::text IS NULL THEN f.time_zone ELSE excluded.time_zone END,
                updated_at = excluded.updated_at
            WHERE f.stream_version < excluded.stream_version""";

    static final String NOTIFIED = EventTypes.type(EventTypes.BREACH, "AuthorityNotified");

    @Override
    public String name() {
        return "breach-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(BreachPublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return EventTypes.BREACHES.contains(ceType) ? Interest.APPLY : Interest.UNKNOWN;
    }

    /** The upsert's values: the summary after the event, guarded by its stream version. */
    @Override
    public Tuple prepare(IncomingEvent event) {
        BreachPublished published = BreachPublished.of(event);
        BreachPublished.Summary b = published.breach();
        var notifiedAt = NOTIFIED.equals(event.type()) ? EventTypes.utc(EventTypes.instant(event, "notifiedAt").orElse(null)) : null;
        return Tuple.tuple(Arrays.asList(published.breachId(), published.streamVersion(), published.agreementId(),
                b.controllerOrg(), b.processorOrg(), b.kind() == null ? "BREACH" : b.kind(), b.status(), b.risk(), b.description(),
                EventTypes.utc(b.processorAwareAt()), EventTypes.utc(b.receivedAt()), EventTypes.utc(b.reportDueAt()), b.lateBySeconds(),
                EventTypes.utc(b.controllerAwareAt()), EventTypes.utc(b.notificationDueAt()), b.notificationOpen(), notifiedAt,
                b.notificationMissed(), EventTypes.text(event, "timeZone"), EventTypes.stamp(event)));
    }

    /** One version-guarded upsert per event, the batch's sent in one go, in order. */
    @Override
    public Uni<Void> write(SqlClient tx, List<Tuple> events) {
        return tx.preparedQuery(UPSERT).executeBatch(events).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM breach_facts").execute().replaceWithVoid();
    }
}
