package eu.dpaledger.agreement.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    public record Item(String id, String kind, long version, String agreementId, String status, boolean open, String title,
                       Instant dueAt, LocalDate answerDueOn, boolean overdue, String basis) {
    }

    /**
     * Items of {@code kind} the caller may see: as processor (role), every one; as controller (role), those
     * visible to the controller (not a gagged disclosure request, not an unforwarded data subject request).
     */
    public Uni<List<Item>> list(String kind, String organisation, boolean asController, boolean asProcessor, String agreementId,
                                Boolean open, Boolean overdue, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT * FROM assistance_items WHERE kind = $1 AND ((processor_org = $2 AND $4) "
                        + "OR (controller_org = $2 AND $3 AND controller_visible)) AND ($5::text IS NULL OR agreement_id = $5) "
                        + "AND ($6::boolean IS NULL OR open = $6) "
                        + "AND ($7::boolean IS NULL OR (open AND due_at IS NOT NULL AND due_at <= $8 AND status IN ('REGISTERED')) = $7) "
                        + "ORDER BY updated_at DESC, item_id LIMIT 500")
                .execute(Tuple.tuple(Arrays.asList(kind, organisation, asController, asProcessor, agreementId, open, overdue, at)))
                .map(rows -> {
                    List<Item> out = new ArrayList<>();
                    for (Row r : rows) {
                        Instant due = r.getOffsetDateTime("due_at") == null ? null : r.getOffsetDateTime("due_at").toInstant();
                        String status = r.getString("status");
                        boolean overdueNow = "REGISTERED".equals(status) && due != null && !now.isBefore(due);
                        out.add(new Item(r.getString("item_id"), r.getString("kind"), r.getLong("stream_version"),
                                r.getString("agreement_id"), status, r.getBoolean("open"), r.getString("title"), due,
                                r.getLocalDate("answer_due_on"), overdueNow, basis(r.getString("kind"), status)));
                    }
                    return out;
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
