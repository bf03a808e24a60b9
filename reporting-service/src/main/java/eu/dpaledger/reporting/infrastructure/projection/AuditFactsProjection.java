package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.PreparedProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code audit_facts} and {@code audit_findings} for the audit overview (DPA art. 9): the summary each audit event
 * publishes (one version-guarded upsert per event), the zone and completion instant only the events carry, and each
 * recorded finding with its severity. A finding is closed when the audit is CLOSED (every measure of the approved plan
 * verified, DPA art. 9.2) or completed with no plan owed (no deficiency to correct).
 */
@ApplicationScoped
public class AuditFactsProjection implements PreparedProjection<List<AuditFactsProjection.Statement>> {

    private static final String UPSERT = """
            INSERT INTO audit_facts AS f (audit_id, stream_version, agreement_id, controller_org, processor_org, processor_name,
                auditor_org, status, start_at, end_at, completed_at, plan_due_at, plan_owed, next_measure_due, time_zone, updated_at)
            SELECT $1, $2, $3, $4, $5, d.processor_name, $6, $7, $8, $9, $10, $11, $12, $13,
                coalesce($14::text, d.time_zone, 'Europe/Brussels'), $15
            FROM (SELECT 1) one LEFT JOIN agreement_directory d ON d.agreement_id = $3
            ON CONFLICT (audit_id) DO UPDATE SET stream_version = excluded.stream_version,
                processor_name = coalesce(excluded.processor_name, f.processor_name), auditor_org = excluded.auditor_org,
                status = excluded.status, start_at = excluded.start_at, end_at = excluded.end_at,
                completed_at = coalesce(f.completed_at, excluded.completed_at), plan_due_at = excluded.plan_due_at,
                plan_owed = excluded.plan_owed, next_measure_due = excluded.next_measure_due,
                time_zone = CASE WHEN $14::text IS NULL THEN f.time_zone ELSE excluded.time_zone END, updated_at = excluded.updated_at
            WHERE f.stream_version < excluded.stream_version""";

    private static final String FINDING_INSERT = """
            INSERT INTO audit_findings (audit_id, finding_id, severity, recorded_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT DO NOTHING""";

    private static final String FINDINGS_CLOSE = "UPDATE audit_findings SET closed_at = $2 WHERE audit_id = $1 AND closed_at IS NULL";

    static final String FINDING = EventTypes.type(EventTypes.AUDIT, "FindingRecorded");
    static final String COMPLETED = EventTypes.type(EventTypes.AUDIT, "AuditCompleted");

    @Override
    public String name() {
        return "audit-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AuditPublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (EventTypes.AUDITS.contains(ceType)) {
            return Interest.APPLY;
        }
        return EventTypes.INFORMATION_REQUESTS.contains(ceType) || EventTypes.ASSISTANCE_REQUESTS.contains(ceType)
                || EventTypes.EVIDENCE_ITEMS.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    /** The statements an event amounts to, in order: the summary's upsert, a recorded finding, the findings closed. */
    @Override
    public List<Statement> prepare(IncomingEvent event) {
        AuditPublished published = AuditPublished.of(event);
        List<Statement> statements = new ArrayList<>(3);
        statements.add(upsert(published, event));
        if (FINDING.equals(event.type())) {
            statements.add(new Statement(FINDING_INSERT, Tuple.of(published.auditId(), EventTypes.text(event, "findingId"),
                    EventTypes.text(event, "severity"), EventTypes.stamp(event))));
        }
        if (closesFindings(published.audit())) {
            statements.add(new Statement(FINDINGS_CLOSE, Tuple.of(published.auditId(), EventTypes.stamp(event))));
        }
        return statements;
    }

    /** A statement and its values. */
    public record Statement(String sql, Tuple values) {
    }

    /** The events' statements back to back on the connection, in order. */
    @Override
    public Uni<Void> write(SqlClient tx, List<List<Statement>> events) {
        return Uni.join().all(events.stream().flatMap(List::stream)
                        .map(st -> Uni.createFrom().deferred(() -> tx.preparedQuery(st.sql()).execute(st.values())))
                        .toList())
                .andFailFast().replaceWithVoid();
    }

    private static Statement upsert(AuditPublished published, IncomingEvent event) {
        AuditPublished.Summary a = published.audit();
        var completedAt = COMPLETED.equals(event.type()) ? EventTypes.utc(EventTypes.instant(event, "completedAt").orElse(null)) : null;
        return new Statement(UPSERT, Tuple.tuple(Arrays.asList(published.auditId(), published.streamVersion(), published.agreementId(),
                a.controllerOrg(), a.processorOrg(), a.auditorOrg(), a.status(), EventTypes.utc(a.start()), EventTypes.utc(a.end()),
                completedAt, EventTypes.utc(a.planDueAt()), a.planOwed(), a.nextMeasureDue(), EventTypes.text(event, "timeZone"),
                EventTypes.stamp(event))));
    }

    /** DPA art. 9.2: the findings are dealt with once every measure is verified (CLOSED) or when none was owed. */
    private static boolean closesFindings(AuditPublished.Summary a) {
        return "CLOSED".equals(a.status()) || ("COMPLETED".equals(a.status()) && a.planDueAt() == null && !a.planOwed());
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM audit_findings").execute()
                .flatMap(x -> tx.query("DELETE FROM audit_facts").execute()).replaceWithVoid();
    }
}
