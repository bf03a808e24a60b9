package eu.dpaledger.audit.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Queries on audit-service's read models: the audit list and the information requests. */
@ApplicationScoped
public class AuditReadModel {

    @Inject
    Pool pool;

    public record AuditLine(String auditId, long version, String agreementId, String status, Instant start, Instant end,
                            String scope, String auditorOrg, Instant planDueAt, boolean planOverdue, LocalDate nextMeasureDue,
                            boolean measureOverdue, String costBorneBy) {
    }

    public record RequestLine(String requestId, long version, String agreementId, String question, LocalDate dueDate,
                              String status, boolean overdue, Instant askedAt, Instant answeredAt) {
    }

    /** Audits the caller may see: as controller, processor (each with the role) or as the appointed audit firm (auditor role). */
    public Uni<List<AuditLine>> audits(String organisation, boolean asController, boolean asProcessor, boolean asAuditor,
                                       String agreementId, String status, Boolean overdue, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT * FROM audit_list WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3) "
                        + "OR (auditor_org = $1 AND $4)) AND ($5::text IS NULL OR agreement_id = $5) AND ($6::text IS NULL OR status = $6) "
                        + "AND ($7::boolean IS NULL OR ((plan_owed AND plan_due_at <= $8) OR next_measure_due < ($8 AT TIME ZONE 'Europe/Brussels')::date) = $7) "
                        + "ORDER BY start_at DESC, audit_id LIMIT 500")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, asAuditor, agreementId, status, overdue, at)))
                .map(rows -> {
                    LocalDate today = now.atZone(ZoneId.of("Europe/Brussels")).toLocalDate();
                    List<AuditLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        Instant due = instant(r, "plan_due_at");
                        LocalDate next = r.getLocalDate("next_measure_due");
                        out.add(new AuditLine(r.getString("audit_id"), r.getLong("stream_version"), r.getString("agreement_id"),
                                r.getString("status"), instant(r, "start_at"), instant(r, "end_at"), r.getString("scope"),
                                r.getString("auditor_org"), due, r.getBoolean("plan_owed") && due != null && !now.isBefore(due),
                                next, next != null && next.isBefore(today), r.getString("cost_borne_by")));
                    }
                    return out;
                });
    }

    /** Audits with an overdue plan or measure not yet marked: the scheduler's worklist. */
    public Uni<List<String>> dueAudits(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT audit_id FROM audit_list WHERE (plan_owed AND plan_due_at <= $1) "
                        + "OR next_measure_due < ($1 AT TIME ZONE 'Europe/Brussels')::date LIMIT 500")
                .execute(Tuple.of(at))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("audit_id")));
                    return out;
                });
    }

    public Uni<List<RequestLine>> requests(String organisation, boolean asController, boolean asProcessor, String agreementId,
                                           String status, Boolean overdue, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT * FROM information_requests WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR agreement_id = $4) AND ($5::text IS NULL OR status = $5) "
                        + "AND ($6::boolean IS NULL OR (status = 'OPEN' AND due_date < ($7 AT TIME ZONE time_zone)::date) = $6) "
                        + "ORDER BY asked_at DESC, request_id LIMIT 500")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, agreementId, status, overdue, at)))
                .map(rows -> {
                    List<RequestLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate due = r.getLocalDate("due_date");
                        boolean open = "OPEN".equals(r.getString("status"));
                        LocalDate today = now.atZone(ZoneId.of(r.getString("time_zone"))).toLocalDate();
                        out.add(new RequestLine(r.getString("request_id"), r.getLong("stream_version"), r.getString("agreement_id"),
                                r.getString("question"), due, r.getString("status"), open && due != null && due.isBefore(today),
                                instant(r, "asked_at"), instant(r, "answered_at")));
                    }
                    return out;
                });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
