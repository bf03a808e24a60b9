package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.PreparedProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
     * The rows of all the events, in as few statements as the batch allows: one statement cannot upsert a row twice,
     * so the k-th row of an obligation goes into the k-th statement. Rows of different obligations do not read each
     * other, so each obligation's rows still apply in event order, as one statement per event would.
     */
    @Override
    public Uni<Void> write(SqlClient tx, List<Derived> events) {
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (Layer layer : layers(events)) {
            sequence = sequence.flatMap(x -> tx.preparedQuery(UPSERT).execute(layer.tuple()).replaceWithVoid());
        }
        return sequence;
    }

    static List<Layer> layers(List<Derived> events) {
        List<Layer> layers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Derived event : events) {
            for (ObligationRow row : event.rows()) {
                int layer = seen.merge(row.obligationId(), 1, Integer::sum) - 1;
                if (layer == layers.size()) {
                    layers.add(new Layer(new ArrayList<>(), new ArrayList<>()));
                }
                layers.get(layer).rows().add(row);
                layers.get(layer).stamps().add(event.stamp());
            }
        }
        return layers;
    }

    /** Rows of distinct obligations with the instant each event stamps on its row, as one statement's arrays. */
    record Layer(List<ObligationRow> rows, List<OffsetDateTime> stamps) {

        Tuple tuple() {
            return Tuple.from(List.of(
                    texts(ObligationRow::obligationId), texts(r -> r.kind().name()), texts(ObligationRow::sourceType),
                    texts(ObligationRow::sourceId), rows.stream().map(ObligationRow::sourceVersion).toArray(Long[]::new),
                    texts(ObligationRow::agreementId), texts(ObligationRow::controllerOrg), texts(ObligationRow::controllerName),
                    texts(ObligationRow::processorOrg), texts(ObligationRow::processorName), texts(ObligationRow::auditorOrg),
                    texts(r -> r.kind().actingParty().name()), instants(ObligationRow::dueAt),
                    rows.stream().map(ObligationRow::dueOn).toArray(LocalDate[]::new), texts(ObligationRow::timeZone),
                    texts(r -> r.kind().article()), texts(ObligationRow::title), texts(r -> r.progress().name()),
                    instants(ObligationRow::metAt), instants(ObligationRow::cancelledAt),
                    rows.stream().map(ObligationRow::controllerVisible).toArray(Boolean[]::new), texts(ObligationRow::service),
                    texts(ObligationRow::resourcePath), stamps.toArray(OffsetDateTime[]::new)));
        }

        private String[] texts(Function<ObligationRow, String> column) {
            return rows.stream().map(column).toArray(String[]::new);
        }

        private OffsetDateTime[] instants(Function<ObligationRow, Instant> column) {
            return rows.stream().map(column).map(EventTypes::utc).toArray(OffsetDateTime[]::new);
        }
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM obligations").execute().replaceWithVoid();
    }
}
