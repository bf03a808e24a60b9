package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.Columns;
import eu.dpaledger.platform.projection.Layers;
import eu.dpaledger.platform.projection.PreparedProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code breach_facts} for the breach metrics (DPA art. 7.3: the 24-hour report; GDPR art. 33(1): the 72-hour
 * notification): the summary each breach event publishes, upserted version-guarded (a batch's in one statement per layer), plus what only the
 * events carry: the agreement's zone (BreachReported) and the first authority notification's instant (AuthorityNotified).
 */
@ApplicationScoped
public class BreachFactsProjection implements PreparedProjection<BreachFactsProjection.Fact> {

    // One row per breach in a statement (Layers); the stored row f0 keeps its zone when the event carries none.
    private static final String UPSERT = """
            INSERT INTO breach_facts AS f (breach_id, stream_version, agreement_id, controller_org, processor_org, processor_name,
                kind, status, risk, description, processor_aware_at, received_at, report_due_at, late_by_seconds,
                controller_aware_at, notification_due_at, notification_open, notified_at, notification_missed, time_zone, updated_at)
            SELECT r.breach_id, r.stream_version, r.agreement_id, r.controller_org, r.processor_org, d.processor_name, r.kind,
                r.status, r.risk, r.description, r.processor_aware_at, r.received_at, r.report_due_at, r.late_by_seconds,
                r.controller_aware_at, r.notification_due_at, r.notification_open, r.notified_at, r.notification_missed,
                coalesce(r.time_zone, f0.time_zone, d.time_zone, 'Europe/Brussels'), r.updated_at
            FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::bigint[], $14::timestamptz[],
                $15::timestamptz[], $16::boolean[], $17::timestamptz[], $18::boolean[], $19::text[], $20::timestamptz[])
                AS r(breach_id, stream_version, agreement_id, controller_org, processor_org, kind, status, risk, description,
                processor_aware_at, received_at, report_due_at, late_by_seconds, controller_aware_at, notification_due_at,
                notification_open, notified_at, notification_missed, time_zone, updated_at)
            LEFT JOIN agreement_directory d ON d.agreement_id = r.agreement_id
            LEFT JOIN breach_facts f0 ON f0.breach_id = r.breach_id
            ON CONFLICT (breach_id) DO UPDATE SET stream_version = excluded.stream_version,
                processor_name = coalesce(excluded.processor_name, f.processor_name), kind = excluded.kind,
                status = excluded.status, risk = excluded.risk, description = excluded.description,
                processor_aware_at = excluded.processor_aware_at, received_at = excluded.received_at,
                report_due_at = excluded.report_due_at, late_by_seconds = excluded.late_by_seconds,
                controller_aware_at = excluded.controller_aware_at, notification_due_at = excluded.notification_due_at,
                notification_open = excluded.notification_open, notified_at = coalesce(f.notified_at, excluded.notified_at),
                notification_missed = excluded.notification_missed, time_zone = excluded.time_zone,
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

    /** What the event amounts to: the summary after it, guarded by its stream version. */
    @Override
    public Fact prepare(IncomingEvent event) {
        BreachPublished published = BreachPublished.of(event);
        Instant notifiedAt = NOTIFIED.equals(event.type()) ? EventTypes.instant(event, "notifiedAt").orElse(null) : null;
        return new Fact(published, notifiedAt, EventTypes.text(event, "timeZone"), EventTypes.stamp(event).toInstant());
    }

    /** A breach's row after one event: its summary, the notification instant and zone only the event carries. */
    public record Fact(BreachPublished published, Instant notifiedAt, String timeZone, Instant stamp) {

        BreachPublished.Summary summary() {
            return published.breach();
        }
    }

    /** A batch's rows in one statement per {@link Layers layer} (a breach's k-th event of the batch in the k-th). */
    @Override
    public Uni<Void> write(SqlClient tx, List<Fact> facts) {
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (List<Fact> layer : Layers.byKey(facts, f -> f.published().breachId())) {
            Columns<Fact> c = Columns.of(layer);
            Tuple values = Tuple.from(List.of(c.text(f -> f.published().breachId()), c.bigint(f -> f.published().streamVersion()),
                    c.text(f -> f.published().agreementId()), c.text(f -> f.summary().controllerOrg()),
                    c.text(f -> f.summary().processorOrg()), c.text(f -> f.summary().kind() == null ? "BREACH" : f.summary().kind()),
                    c.text(f -> f.summary().status()), c.text(f -> f.summary().risk()), c.text(f -> f.summary().description()),
                    c.instant(f -> f.summary().processorAwareAt()), c.instant(f -> f.summary().receivedAt()),
                    c.instant(f -> f.summary().reportDueAt()), c.bigint(f -> f.summary().lateBySeconds()),
                    c.instant(f -> f.summary().controllerAwareAt()), c.instant(f -> f.summary().notificationDueAt()),
                    c.bool(f -> f.summary().notificationOpen()), c.instant(Fact::notifiedAt),
                    c.bool(f -> f.summary().notificationMissed()), c.text(Fact::timeZone), c.instant(Fact::stamp)));
            sequence = sequence.flatMap(x -> tx.preparedQuery(UPSERT).execute(values).replaceWithVoid());
        }
        return sequence;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM breach_facts").execute().replaceWithVoid();
    }
}
