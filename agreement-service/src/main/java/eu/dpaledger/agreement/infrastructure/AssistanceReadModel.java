package eu.dpaledger.agreement.infrastructure;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lists of instructions, disclosure requests and data subject requests, scoped to the caller's organisation. */
@ApplicationScoped
public class AssistanceReadModel {

    @Inject
    Pool pool;

    /** One row of a list of instructions, disclosure requests or data subject requests. */
    @Schema(description = "One instruction, disclosure request or data subject request in a list (read model)")
    public record AssistanceItem(@Schema(required = true, format = "uuid") String id,
                       @Schema(required = true, enumeration = {"INSTRUCTION", "DISCLOSURE_REQUEST", "DATA_SUBJECT_REQUEST"}) String kind,
                       @Schema(required = true) long version,
                       @Schema(required = true, format = "uuid") String agreementId,
                       @Schema(required = true) String status,
                       @Schema(required = true) boolean open,
                       @Schema(required = true) String title,
                       Instant dueAt, LocalDate answerDueOn,
                       @Schema(required = true) boolean overdue,
                       @Schema(description = "INSTRUCTION once acknowledged or confirmed; LEGAL_OBLIGATION once disclosed",
                               enumeration = {"INSTRUCTION", "LEGAL_OBLIGATION"}) String basis,
                       @Schema(required = true, description = "When the item was first recorded; the list's order, newest first")
                       Instant createdAt) {
    }

    /**
     * Items of {@code kind} the caller may see: as processor (role), every one; as controller (role), those
     * visible to the controller (not a gagged disclosure request, not an unforwarded data subject request); newest
     * first, one page after the cursor's (created_at, item_id).
     */
    public Uni<ListPage<AssistanceItem>> list(String kind, String organisation, boolean asController, boolean asProcessor, String agreementId,
                                    Boolean open, Boolean overdue, Instant now, PageRequest page) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Instant after = page.instant(0);
        return pool.preparedQuery("SELECT * FROM assistance_items WHERE kind = $1 AND ((processor_org = $2 AND $4) "
                        + "OR (controller_org = $2 AND $3 AND controller_visible)) AND ($5::text IS NULL OR agreement_id = $5) "
                        + "AND ($6::boolean IS NULL OR open = $6) "
                        + "AND ($7::boolean IS NULL OR (open AND due_at IS NOT NULL AND due_at <= $8 AND status IN ('REGISTERED')) = $7) "
                        + "AND ($9::timestamptz IS NULL OR (created_at, item_id) < ($9, $10::text)) "
                        + "ORDER BY created_at DESC, item_id DESC LIMIT $11")
                .execute(Tuple.tuple(Arrays.asList(kind, organisation, asController, asProcessor, agreementId, open, overdue, at,
                        after == null ? null : after.atOffset(ZoneOffset.UTC), page.text(1), page.fetch())))
                .map(rows -> {
                    List<AssistanceItem> out = new ArrayList<>();
                    for (Row r : rows) {
                        Instant due = r.getOffsetDateTime("due_at") == null ? null : r.getOffsetDateTime("due_at").toInstant();
                        String status = r.getString("status");
                        boolean overdueNow = "REGISTERED".equals(status) && due != null && !now.isBefore(due);
                        out.add(new AssistanceItem(r.getString("item_id"), r.getString("kind"), r.getLong("stream_version"),
                                r.getString("agreement_id"), status, r.getBoolean("open"), r.getString("title"), due,
                                r.getLocalDate("answer_due_on"), overdueNow, basis(r.getString("kind"), status),
                                r.getOffsetDateTime("created_at").toInstant()));
                    }
                    return page.page(out, item -> List.of(item.createdAt(), item.id()),
                            PageRequest.filters("agreement", agreementId, "open", open, "overdue", overdue));
                });
    }

    /** Art. 2.2/2.3: processing beyond the assignment rests on an acknowledged instruction or on a legal obligation. */
    static String basis(String kind, String status) {
        if ("INSTRUCTION".equals(kind) && ("ACKNOWLEDGED".equals(status) || "CONFIRMED".equals(status))) {
            return "INSTRUCTION";
        }
        if ("DISCLOSURE_REQUEST".equals(kind) && "DISCLOSED".equals(status)) {
            return "LEGAL_OBLIGATION";
        }
        return null;
    }
}
