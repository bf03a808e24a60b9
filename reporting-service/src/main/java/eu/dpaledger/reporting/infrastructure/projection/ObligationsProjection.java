package eu.dpaledger.reporting.infrastructure.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code obligations} read model from all four topics: {@link ObligationRules} derives the obligations of the
 * event's stream, and one statement upserts the rows of a whole batch of events (see {@link #applyAll}), each guarded by the stream version (an older event never overwrites
 * a newer one) and merged with the stored row: a met instant, once known, stays (unless the state re-opens the
 * obligation), a due instant the event no longer carries stays, a cancellation never hides a met obligation. Party
 * names and the zone come from the summary, else from the kernel's {@code agreement_directory}.
 */
@ApplicationScoped
public class ObligationsProjection implements ProjectionHandler {

    public static final String NAME = "obligations";
    private static final ObjectMapper JSON = new ObjectMapper();

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
            FROM jsonb_to_recordset($1::text::jsonb) AS r(id text, kind text, source_type text, source_id text,
                source_version bigint, agreement_id text, controller_org text, controller_name text, processor_org text,
                processor_name text, auditor_org text, acting_party text, due_at timestamptz, due_on date, time_zone text,
                article text, title text, progress text, met_at timestamptz, cancelled_at timestamptz,
                controller_visible boolean, service text, resource_path text, updated_at timestamptz)
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

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return applyAll(tx, List.of(event));
    }

    /**
     * The rows of all the events, in as few statements as the batch allows: one statement cannot upsert a row twice,
     * so the k-th row of an obligation goes into the k-th statement. Rows of different obligations do not read each
     * other, so each obligation's rows still apply in event order, as one statement per event would.
     */
    @Override
    public Uni<Void> applyAll(SqlClient tx, List<IncomingEvent> events) {
        return Uni.createFrom().item(() -> layers(events)).flatMap(layers -> {
            Uni<Void> sequence = Uni.createFrom().voidItem();
            for (ArrayNode layer : layers) {
                sequence = sequence.flatMap(x -> tx.preparedQuery(UPSERT).execute(Tuple.of(layer.toString())).replaceWithVoid());
            }
            return sequence;
        });
    }

    @Override
    public boolean batched() {
        return true;
    }

    static List<ArrayNode> layers(List<IncomingEvent> events) {
        List<ArrayNode> layers = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (IncomingEvent event : events) {
            String stamp = EventTypes.stamp(event).toInstant().toString();
            for (ObligationRow row : ObligationRules.derive(event)) {
                int layer = seen.merge(row.obligationId(), 1, Integer::sum) - 1;
                if (layer == layers.size()) {
                    layers.add(JSON.createArrayNode());
                }
                put(layers.get(layer).addObject(), row).put("updated_at", stamp);
            }
        }
        return layers;
    }

    private static ObjectNode put(ObjectNode o, ObligationRow r) {
        o.put("id", r.obligationId());
        o.put("kind", r.kind().name());
        o.put("source_type", r.sourceType());
        o.put("source_id", r.sourceId());
        o.put("source_version", r.sourceVersion());
        o.put("agreement_id", r.agreementId());
        o.put("controller_org", r.controllerOrg());
        o.put("controller_name", r.controllerName());
        o.put("processor_org", r.processorOrg());
        o.put("processor_name", r.processorName());
        o.put("auditor_org", r.auditorOrg());
        o.put("acting_party", r.kind().actingParty().name());
        o.put("due_at", text(r.dueAt()));
        o.put("due_on", r.dueOn() == null ? null : r.dueOn().toString());
        o.put("time_zone", r.timeZone());
        o.put("article", r.kind().article());
        o.put("title", r.title());
        o.put("progress", r.progress().name());
        o.put("met_at", text(r.metAt()));
        o.put("cancelled_at", text(r.cancelledAt()));
        o.put("controller_visible", r.controllerVisible());
        o.put("service", r.service());
        o.put("resource_path", r.resourcePath());
        return o;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM obligations").execute().replaceWithVoid();
    }
}
