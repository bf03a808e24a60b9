package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a processor-wide announcement's notices stand: its fan-out work list ({@code announcement_targets}: issued,
 * refused or waiting, and each issued notice's status as the change list projection last applied it).
 */
@ApplicationScoped
public class AnnouncementReadModel {

    /** The states a notice's row can be listed by: before its change exists, and then its change's status. */
    public static final List<String> STATES = List.of("WAITING", "REFUSED", "ISSUED", "ANNOUNCED", "OBJECTED", "ACCEPTED",
            "IN_EFFECT", "WITHDRAWN", "SUPERSEDED");

    @Inject
    Pool pool;

    /** How many agreements the announcement went to, and where their notices stand. */
    @Schema(name = "AnnouncementCounts", description = "Where the announcement's notices stand. created = pending + objected + accepted + closed; "
            + "agreements = created + refused + waiting.")
    public record Counts(@Schema(required = true, description = "Agreements the announcement goes to") int agreements,
                         @Schema(required = true, description = "Notices issued (one change per agreement)") int created,
                         @Schema(required = true, description = "Agreements whose notice was refused (see the notice list for why)") int refused,
                         @Schema(required = true, description = "Agreements still waiting for their notice (the fan-out runs)") int waiting,
                         @Schema(required = true, description = "Notices announced and not yet answered (objection window open), or just issued") int pending,
                         @Schema(required = true, description = "Notices the controller objected to (DPA art. 6.1)") int objected,
                         @Schema(required = true, description = "Notices accepted (tacitly, after an objection was withdrawn, or a removal) or in effect") int accepted,
                         @Schema(required = true, description = "Notices withdrawn or superseded by an alternative") int closed) {
    }

    /** One agreement of an announcement and its notice. */
    @Schema(name = "AnnouncementNotice")
    public record Notice(@Schema(required = true, description = "Position in the announcement (the order of the fan-out)") int seq,
                         @Schema(required = true) String agreementId,
                         @Schema(required = true, pattern = "^[0-9]{10}$", description = "The agreement's controller") String controllerOrg,
                         @Schema(nullable = true, description = "The controller's name, as the agreement directory has it") String controllerName,
                         @Schema(required = true, description = "WAITING (no notice yet), REFUSED (no notice: see refusal), ISSUED (the notice exists, "
                                 + "the change list has not caught up), else the notice's change status", enumeration = {"WAITING", "REFUSED", "ISSUED",
                                 "ANNOUNCED", "OBJECTED", "ACCEPTED", "IN_EFFECT", "WITHDRAWN", "SUPERSEDED"}) String status,
                         @Schema(nullable = true, format = "uuid", description = "The notice: GET /subprocessor-changes/{changeId}") String changeId,
                         @Schema(nullable = true, description = "Why this agreement got no notice") Refusal refusal) {
    }

    /** Why an agreement got no notice: the problem its change notice was refused with. */
    @Schema(name = "AnnouncementRefusal")
    public record Refusal(@Schema(required = true, example = "subprocessor-already-engaged") String type,
                          @Schema(required = true) String detail) {
    }

    /** One announcement in its processor's list. */
    @Schema(name = "AnnouncementSummary", description = "One announcement in the processor's list; GET /subprocessor-announcements/{id} has its counts")
    public record Summary(@Schema(required = true, format = "uuid") String id,
                          @Schema(required = true) String kind,
                          @Schema(required = true) String subprocessorName,
                          @Schema(required = true) java.time.LocalDate intendedFrom,
                          @Schema(required = true, description = "Agreements it goes to") int agreements,
                          @Schema(required = true) java.time.Instant announcedAt,
                          @Schema(nullable = true, description = "When the fan-out was over") java.time.Instant completedAt) {
    }

    /** The processor's announcements, newest first, a page at a time. */
    public Uni<ListPage<Summary>> announcements(String processorOrg, PageRequest page) {
        java.time.OffsetDateTime after = page.isFirst() ? null : page.instant(0).atOffset(java.time.ZoneOffset.UTC);
        return pool.preparedQuery("SELECT * FROM announcements WHERE processor_org = $1 "
                        + "AND ($2::timestamptz IS NULL OR (announced_at, announcement_id) < ($2, $3)) "
                        + "ORDER BY announced_at DESC, announcement_id DESC LIMIT $4")
                .execute(Tuple.tuple(Arrays.asList(processorOrg, after, page.text(1), page.fetch())))
                .map(rows -> {
                    List<Summary> out = new ArrayList<>();
                    for (Row r : rows) {
                        java.time.OffsetDateTime completed = r.getOffsetDateTime("completed_at");
                        out.add(new Summary(r.getString("announcement_id"), r.getString("kind"), r.getString("subprocessor_name"),
                                r.getLocalDate("intended_from"), r.getInteger("agreement_count"),
                                r.getOffsetDateTime("announced_at").toInstant(), completed == null ? null : completed.toInstant()));
                    }
                    return page.page(out, a -> List.of(a.announcedAt(), a.id()), PageRequest.filters());
                });
    }

    public Uni<Counts> counts(String announcementId) {
        return pool.preparedQuery("SELECT count(*) AS agreements, "
                        + "count(*) FILTER (WHERE outcome = 'CREATED') AS created, "
                        + "count(*) FILTER (WHERE outcome = 'REFUSED') AS refused, "
                        + "count(*) FILTER (WHERE outcome IS NULL) AS waiting, "
                        + "count(*) FILTER (WHERE state IN ('ISSUED', 'ANNOUNCED')) AS pending, "
                        + "count(*) FILTER (WHERE state = 'OBJECTED') AS objected, "
                        + "count(*) FILTER (WHERE state IN ('ACCEPTED', 'IN_EFFECT')) AS accepted, "
                        + "count(*) FILTER (WHERE state IN ('WITHDRAWN', 'SUPERSEDED')) AS closed "
                        + "FROM announcement_targets WHERE announcement_id = $1")
                .execute(Tuple.of(announcementId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Counts(r.getInteger("agreements"), r.getInteger("created"), r.getInteger("refused"),
                            r.getInteger("waiting"), r.getInteger("pending"), r.getInteger("objected"), r.getInteger("accepted"),
                            r.getInteger("closed"));
                });
    }

    /** The announcement's agreements in fan-out order, optionally in one state ({@link #STATES}), a page at a time. */
    public Uni<ListPage<Notice>> notices(String announcementId, String state, PageRequest page) {
        Long after = page.number(0);
        // Two statements, so that each has its own plan: the state's index range (V110), or the whole list by seq.
        return pool.preparedQuery("SELECT t.seq, t.agreement_id, t.controller_org, d.controller_name, t.change_id, "
                        + "t.refusal_type, t.refusal_detail, t.state FROM announcement_targets t "
                        + "LEFT JOIN agreement_directory d ON d.agreement_id = t.agreement_id "
                        + "WHERE t.announcement_id = $1 AND " + (state == null ? "$2::text IS NULL" : "t.state = $2")
                        + " AND t.seq > $3 ORDER BY t.seq LIMIT $4")
                .execute(Tuple.tuple(Arrays.asList(announcementId, state, after == null ? Integer.MIN_VALUE : after.intValue(),
                        page.fetch())))
                .map(rows -> {
                    List<Notice> out = new ArrayList<>();
                    for (Row r : rows) {
                        String refusal = r.getString("refusal_type");
                        out.add(new Notice(r.getInteger("seq"), r.getString("agreement_id"), r.getString("controller_org"),
                                r.getString("controller_name"), r.getString("state"), r.getString("change_id"),
                                refusal == null ? null : new Refusal(refusal, r.getString("refusal_detail"))));
                    }
                    return page.page(out, n -> List.of(n.seq()), PageRequest.filters("status", state));
                });
    }
}
