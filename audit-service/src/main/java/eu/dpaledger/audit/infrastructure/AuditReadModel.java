package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    /** One audit in the list: its dates, what is due and who bears the cost so far. */
    public record AuditLine(@Schema(required = true, format = "uuid") String auditId,
                            @Schema(required = true, description = "The audit stream's version (its ETag)") long version,
                            @Schema(required = true, format = "uuid") String agreementId,
                            @Schema(required = true, enumeration = {"SCHEDULED", "CANCELLED", "COMPLETED", "PLAN_DUE", "PLAN_SUBMITTED",
                                    "PLAN_APPROVED", "CLOSED"}) String status,
                            @Schema(required = true) Instant start,
                            @Schema(required = true) Instant end,
                            @Schema(nullable = true) String scope,
                            @Schema(nullable = true, description = "Enterprise number of the appointed audit firm") String auditorOrg,
                            @Schema(nullable = true, description = "When the corrective action plan is due (DPA art. 9.2)") Instant planDueAt,
                            @Schema(required = true) boolean planOverdue,
                            @Schema(nullable = true) LocalDate nextMeasureDue,
                            @Schema(required = true) boolean measureOverdue,
                            @Schema(nullable = true, enumeration = {"CONTROLLER", "PROCESSOR"}) String costBorneBy) {
    }

    /** One information request in the list. */
    public record RequestLine(@Schema(required = true, format = "uuid") String requestId,
                              @Schema(required = true, description = "The request stream's version (its ETag)") long version,
                              @Schema(required = true, format = "uuid") String agreementId,
                              @Schema(required = true) String question,
                              @Schema(nullable = true) LocalDate dueDate,
                              @Schema(required = true, enumeration = {"OPEN", "ANSWERED"}) String status,
                              @Schema(required = true) boolean overdue,
                              @Schema(required = true) Instant askedAt,
                              @Schema(nullable = true) Instant answeredAt) {
    }

    /** One request for assistance in the list. */
    public record AssistanceLine(@Schema(required = true, format = "uuid") String requestId,
                                 @Schema(required = true, description = "The request stream's version (its ETag)") long version,
                                 @Schema(required = true, format = "uuid") String agreementId,
                                 @Schema(required = true, enumeration = {"DPIA", "PRIOR_CONSULTATION", "SECURITY_OF_PROCESSING", "OTHER"})
                                 String kind,
                                 @Schema(required = true) String processing,
                                 @Schema(required = true, enumeration = {"OPEN", "ANSWERED", "CLOSED"}) String status,
                                 @Schema(required = true, description = "The day the current question is due by, in the agreement's zone")
                                 LocalDate dueDate,
                                 @Schema(required = true, description = "OPEN and past the due date's day") boolean overdue,
                                 @Schema(nullable = true, enumeration = {"PROCESSOR_RESPONSIBILITY", "CHARGEABLE"}) String costBasis,
                                 @Schema(required = true) Instant requestedAt,
                                 @Schema(nullable = true) Instant closedAt) {
    }

    /** One item of the processor's evidence register in the list. */
    public record EvidenceLine(@Schema(required = true, format = "uuid") String itemId,
                               @Schema(required = true, description = "The item stream's version (its ETag)") long version,
                               @Schema(required = true, format = "uuid") String agreementId,
                               @Schema(required = true, enumeration = {"SECURITY_POLICY", "DPO", "STAFF_CONFIDENTIALITY", "CERTIFICATION",
                                       "MINIMUM_MEASURE"}) String kind,
                               @Schema(required = true) String title,
                               @Schema(required = true) int revision,
                               @Schema(required = true, enumeration = {"RECORDED", "ACKNOWLEDGED", "DISPUTED"}) String review,
                               @Schema(nullable = true, description = "The last day it proves anything (review or validity date)")
                               LocalDate expiresAfter,
                               @Schema(required = true, description = "Past that day") boolean expired,
                               @Schema(required = true) Instant updatedAt) {
    }

    /**
     * Audits the caller may see: as controller, processor (each with the role) or as the appointed audit firm (auditor
     * role); latest start first (ties by audit id), a page at a time.
     */
    public Uni<ListPage<AuditLine>> audits(String organisation, boolean asController, boolean asProcessor, boolean asAuditor,
                                           String agreementId, String status, Boolean overdue, Instant now, PageRequest page) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Instant afterStart = page.instant(0);
        return pool.preparedQuery("SELECT * FROM audit_list WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3) "
                        + "OR (auditor_org = $1 AND $4)) AND ($5::text IS NULL OR agreement_id = $5) AND ($6::text IS NULL OR status = $6) "
                        + "AND ($7::boolean IS NULL OR ((plan_owed AND plan_due_at <= $8) OR next_measure_due < ($8 AT TIME ZONE 'Europe/Brussels')::date) = $7) "
                        + "AND ($9::timestamptz IS NULL OR (start_at, audit_id) < ($9, $10)) "
                        + "ORDER BY start_at DESC, audit_id DESC LIMIT $11")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, asAuditor, agreementId, status, overdue, at,
                        afterStart == null ? null : afterStart.atOffset(ZoneOffset.UTC), page.text(1), page.fetch())))
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
                    return page.page(out, line -> List.of(line.start(), line.auditId()),
                            PageRequest.filters("agreement", agreementId, "status", status, "overdue", overdue));
                });
    }

    /**
     * Audits with an overdue plan or measure: the scheduler's worklist, not an API list. At most 500 a run; the read model
     * does not record what is already marked, so marked audits stay in it while their plan or measure is owed.
     */
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

    /** Information requests the caller may see as controller or processor; latest asked first (ties by id), a page at a time. */
    public Uni<ListPage<RequestLine>> requests(String organisation, boolean asController, boolean asProcessor, String agreementId,
                                               String status, Boolean overdue, Instant now, PageRequest page) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Instant afterAsked = page.instant(0);
        return pool.preparedQuery("SELECT * FROM information_requests WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR agreement_id = $4) AND ($5::text IS NULL OR status = $5) "
                        + "AND ($6::boolean IS NULL OR (status = 'OPEN' AND due_date < ($7 AT TIME ZONE time_zone)::date) = $6) "
                        + "AND ($8::timestamptz IS NULL OR (asked_at, request_id) < ($8, $9)) "
                        + "ORDER BY asked_at DESC, request_id DESC LIMIT $10")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, agreementId, status, overdue, at,
                        afterAsked == null ? null : afterAsked.atOffset(ZoneOffset.UTC), page.text(1), page.fetch())))
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
                    return page.page(out, line -> List.of(line.askedAt(), line.requestId()),
                            PageRequest.filters("agreement", agreementId, "status", status, "overdue", overdue));
                });
    }

    /**
     * Requests for assistance the caller may see as controller or processor; latest requested first (ties by id), a page
     * at a time.
     */
    public Uni<ListPage<AssistanceLine>> assistance(String organisation, boolean asController, boolean asProcessor, String agreementId,
                                                    String status, String kind, Boolean overdue, Instant now, PageRequest page) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Instant afterRequested = page.instant(0);
        return pool.preparedQuery("SELECT * FROM assistance_requests WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR agreement_id = $4) AND ($5::text IS NULL OR status = $5) "
                        + "AND ($6::text IS NULL OR kind = $6) "
                        + "AND ($7::boolean IS NULL OR (status = 'OPEN' AND due_date < ($8 AT TIME ZONE time_zone)::date) = $7) "
                        + "AND ($9::timestamptz IS NULL OR (requested_at, request_id) < ($9, $10)) "
                        + "ORDER BY requested_at DESC, request_id DESC LIMIT $11")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, agreementId, status, kind, overdue, at,
                        afterRequested == null ? null : afterRequested.atOffset(ZoneOffset.UTC), page.text(1), page.fetch())))
                .map(rows -> {
                    List<AssistanceLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate due = r.getLocalDate("due_date");
                        LocalDate today = now.atZone(ZoneId.of(r.getString("time_zone"))).toLocalDate();
                        out.add(new AssistanceLine(r.getString("request_id"), r.getLong("stream_version"), r.getString("agreement_id"),
                                r.getString("kind"), r.getString("processing"), r.getString("status"), due,
                                "OPEN".equals(r.getString("status")) && due.isBefore(today), r.getString("cost_basis"),
                                instant(r, "requested_at"), instant(r, "closed_at")));
                    }
                    return page.page(out, line -> List.of(line.requestedAt(), line.requestId()),
                            PageRequest.filters("agreement", agreementId, "status", status, "kind", kind, "overdue", overdue));
                });
    }

    /** Open requests for assistance past their due date's day and not yet marked overdue: the scheduler's work. */
    public Uni<List<String>> dueAssistance(Instant now) {
        return pool.preparedQuery("SELECT request_id FROM assistance_requests WHERE status = 'OPEN' AND NOT marked_overdue "
                        + "AND due_date < ($1 AT TIME ZONE time_zone)::date LIMIT 500")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("request_id")));
                    return out;
                });
    }

    /**
     * The evidence register items the caller may see as controller or processor, by agreement, kind, review and expiry;
     * the first to expire first (undated last, ties by id), a page at a time.
     */
    public Uni<ListPage<EvidenceLine>> evidence(String organisation, boolean asController, boolean asProcessor, String agreementId,
                                                String kind, String review, Boolean expired, Instant now, PageRequest page) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        String afterId = page.text(0);
        return pool.preparedQuery("SELECT * FROM (SELECT *, coalesce(expires_after, DATE '9999-12-31') AS expiry_key, "
                        + "expires_after IS NOT NULL AND expires_after < ($7 AT TIME ZONE time_zone)::date AS is_expired "
                        + "FROM evidence_items WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR agreement_id = $4) AND ($5::text IS NULL OR kind = $5) "
                        + "AND ($6::text IS NULL OR review = $6)) e WHERE ($8::boolean IS NULL OR is_expired = $8) "
                        + "AND ($9::text IS NULL OR (expiry_key::text || item_id) > $9) ORDER BY expiry_key, item_id LIMIT $10")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, agreementId, kind, review, at, expired,
                        afterId, page.fetch())))
                .map(rows -> {
                    List<EvidenceLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new EvidenceLine(r.getString("item_id"), r.getLong("stream_version"), r.getString("agreement_id"),
                                r.getString("kind"), r.getString("title"), r.getInteger("revision"), r.getString("review"),
                                r.getLocalDate("expires_after"), r.getBoolean("is_expired"), instant(r, "updated_at")));
                    }
                    return page.page(out, line -> List.of((line.expiresAfter() == null ? "9999-12-31" : line.expiresAfter().toString())
                                    + line.itemId()),
                            PageRequest.filters("agreement", agreementId, "kind", kind, "review", review, "expired", expired));
                });
    }

    /**
     * Items whose review or validity date is within {@code warningDays} of today and not yet warned of, or past and not yet
     * marked expired: the scheduler's work.
     */
    public Uni<List<String>> dueExpiries(Instant now, int warningDays) {
        return pool.preparedQuery("SELECT item_id FROM evidence_items WHERE expires_after IS NOT NULL AND ("
                        + "(NOT marked_expired AND expires_after < ($1 AT TIME ZONE time_zone)::date) "
                        + "OR (NOT expiring AND expires_after <= ($1 AT TIME ZONE time_zone)::date + $2::int)) LIMIT 500")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), warningDays))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("item_id")));
                    return out;
                });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
