package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.Columns;
import eu.dpaledger.platform.projection.Layers;
import eu.dpaledger.platform.projection.PreparedProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The {@code obligations} read model from all four topics: {@link ObligationRules} derives the obligations of the
 * event's stream, and one statement upserts the rows of a whole batch of events (see {@link #write}), each guarded by the stream version (an older event never overwrites
 * a newer one) and merged with the stored row: a met instant, once known, stays (unless the state re-opens the
 * obligation), a due instant the event no longer carries stays, a cancellation never hides a met obligation. Party
 * names and the zone come from the summary, else from the kernel's {@code agreement_directory}.
 */
@ApplicationScoped
public class ObligationsProjection implements PreparedProjection<ObligationsProjection.Derived> {

    public static final String NAME = "obligations";

    private static final String UPSERT = """
            INSERT INTO obligations (obligation_id, kind, source_type, source_id, source_version, agreement_id, controller_org,
                controller_name, processor_org, processor_name, auditor_org, acting_party, due_at, time_zone, article, title,
                met_at, cancelled_at, controller_visible, service, resource_path, updated_at)
            SELECT r.id, r.kind, r.source_type, r.source_id, r.source_version, r.agreement_id, r.controller_org,
                coalesce(r.controller_name, d.controller_name, o.controller_name), r.processor_org,
                coalesce(r.processor_name, d.processor_name, o.processor_name), r.auditor_org, r.acting_party, m.due_at, m.zone,
                r.article, r.title, m.met_at,
                CASE WHEN r.cancelled_at IS NULL OR m.met_at IS NOT NULL THEN NULL ELSE coalesce(o.cancelled_at, r.cancelled_at) END,
                r.controller_visible, r.service, r.resource_path, r.updated_at
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::date[], $15::text[], $16::text[],
                $17::text[], $18::text[], $19::timestamptz[], $20::timestamptz[], $21::boolean[], $22::text[], $23::text[],
                $24::timestamptz[])
                AS r(id, kind, source_type, source_id, source_version, agreement_id, controller_org, controller_name,
                processor_org, processor_name, auditor_org, acting_party, due_at, due_on, time_zone, article, title, progress,
                met_at, cancelled_at, controller_visible, service, resource_path, updated_at)
            LEFT JOIN agreement_directory d ON d.agreement_id = r.agreement_id
            LEFT JOIN obligations o ON o.obligation_id = r.id
            CROSS JOIN LATERAL (SELECT coalesce(r.time_zone, d.time_zone, o.time_zone, 'Europe/Brussels') AS zone) z
            CROSS JOIN LATERAL (SELECT z.zone,
                coalesce(r.due_at, ((r.due_on + 1)::timestamp AT TIME ZONE z.zone), o.due_at) AS due_at,
                CASE r.progress WHEN 'OPEN' THEN NULL WHEN 'MET' THEN coalesce(o.met_at, r.met_at) ELSE o.met_at END AS met_at) m
            WHERE m.due_at IS NOT NULL
            ON CONFLICT (obligation_id) DO UPDATE SET source_version = excluded.source_version,
                controller_name = excluded.controller_name, processor_name = excluded.processor_name,
                auditor_org = excluded.auditor_org, due_at = excluded.due_at, time_zone = excluded.time_zone,
                title = excluded.title, met_at = excluded.met_at, cancelled_at = excluded.cancelled_at,
                controller_visible = excluded.controller_visible, updated_at = excluded.updated_at
            WHERE obligations.source_version < excluded.source_version""";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementPublished.TOPIC, SubprocessorChangePublished.TOPIC, BreachPublished.TOPIC, AuditPublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (EventTypes.ASSISTANCE.contains(ceType) || EventTypes.CHANGES.contains(ceType) || EventTypes.BREACHES.contains(ceType)
                || EventTypes.AUDITS.contains(ceType) || EventTypes.INFORMATION_REQUESTS.contains(ceType)
                || EventTypes.ASSISTANCE_REQUESTS.contains(ceType) || EventTypes.EVIDENCE_ITEMS.contains(ceType)
                || Set.of("AgreementTerminated", "DataReturned", "DestructionConfirmed").stream()
                .anyMatch(n -> EventTypes.type(EventTypes.AGREEMENT, n).equals(ceType))) {
            return Interest.APPLY;
        }
        return EventTypes.AGREEMENTS.contains(ceType) || EventTypes.PROOFS.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    /** The event's obligations as its stream's state derives them, and the instant the event stamps on them. */
    @Override
    public Derived prepare(IncomingEvent event) {
        return new Derived(ObligationRules.derive(event), EventTypes.stamp(event));
    }

    record Derived(List<ObligationRow> rows, OffsetDateTime stamp) {
    }

    /**
     * The rows of all the events, in as few statements as the batch allows ({@link Layers}: an obligation's k-th row of
     * the batch goes into the k-th statement). Rows of different obligations do not read each other, so each
     * obligation's rows still apply in event order, as one statement per event would.
     */
    @Override
    public Uni<Void> write(SqlClient tx, List<Derived> events) {
        List<Stamped> rows = events.stream().flatMap(e -> e.rows().stream().map(r -> new Stamped(r, e.stamp().toInstant()))).toList();
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (List<Stamped> layer : Layers.byKey(rows, s -> s.row().obligationId())) {
            sequence = sequence.flatMap(x -> tx.preparedQuery(UPSERT).execute(tuple(layer)).replaceWithVoid());
        }
        return sequence;
    }

    /** A row with the instant its event stamps on it. */
    private record Stamped(ObligationRow row, Instant stamp) {
    }

    private static Tuple tuple(List<Stamped> layer) {
        Columns<ObligationRow> c = Columns.of(layer.stream().map(Stamped::row).toList());
        return Tuple.from(List.of(c.text(ObligationRow::obligationId), c.text(r -> r.kind().name()), c.text(ObligationRow::sourceType),
                c.text(ObligationRow::sourceId), c.bigint(ObligationRow::sourceVersion), c.text(ObligationRow::agreementId),
                c.text(ObligationRow::controllerOrg), c.text(ObligationRow::controllerName), c.text(ObligationRow::processorOrg),
                c.text(ObligationRow::processorName), c.text(ObligationRow::auditorOrg), c.text(r -> r.kind().actingParty().name()),
                c.instant(ObligationRow::dueAt), c.date(ObligationRow::dueOn), c.text(ObligationRow::timeZone),
                c.text(r -> r.kind().article()), c.text(ObligationRow::title), c.text(r -> r.progress().name()),
                c.instant(ObligationRow::metAt), c.instant(ObligationRow::cancelledAt), c.bool(ObligationRow::controllerVisible),
                c.text(ObligationRow::service), c.text(ObligationRow::resourcePath), Columns.of(layer).instant(Stamped::stamp)));
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM obligations").execute().replaceWithVoid();
    }
}
