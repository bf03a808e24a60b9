package eu.dpaledger.breach.infrastructure;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Queries on breach-service's read models: the breach register, and the parties' names from the kernel's agreement directory. */
@ApplicationScoped
public class BreachReadModel {

    @Inject
    Pool pool;

    /**
     * One line of the register, with its clocks. {@code kind} is BREACH or SERIOUS_ATTEMPT (DPA art. 7.3): for an
     * attempt the controller has not assessed as a breach no 72-hour clock runs, so its two instants are null.
     * {@code lateBySecondsOnReceipt} is the lateness by the awareness stated on receipt, which a correction keeps.
     */
    @Schema(name = "BreachRegisterEntry")
    public record Entry(@Schema(required = true, format = "uuid") String breachId,
                        @Schema(required = true, description = "The breach stream's version (its ETag)") long version,
                        @Schema(required = true, format = "uuid") String agreementId,
                        @Schema(required = true, enumeration = {"REPORTED", "DOCUMENTED", "AWAITING_NOTIFICATION", "NOTIFIED_IN_PHASES",
                                "NOTIFIED", "ATTEMPT_REPORTED", "ATTEMPT_DOCUMENTED"}) String status,
                        @Schema(required = true) String description,
                        @Schema(required = true) Instant processorAwareAt,
                        @Schema(required = true) Instant receivedAt,
                        @Schema(required = true, description = "24 hours after processorAwareAt (DPA art. 7.3)") Instant reportDueAt,
                        @Schema(required = true) long lateBySeconds,
                        @Schema(nullable = true) Instant controllerAwareAt,
                        @Schema(nullable = true, description = "72 hours after controllerAwareAt (GDPR 33(1)); null for an attempt only")
                        Instant notificationDueAt,
                        @Schema(required = true) boolean notificationOverdue,
                        @Schema(nullable = true, enumeration = {"UNLIKELY", "RISK", "HIGH_RISK"}) String risk,
                        @Schema(required = true) List<String> openObligations,
                        @Schema(required = true, enumeration = {"BREACH", "SERIOUS_ATTEMPT"}) String kind,
                        @Schema(required = true) long lateBySecondsOnReceipt) {
    }

    /** The parties' names of an agreement (controller, processor), for documents; empty names if unknown. */
    public Uni<String[]> partyNames(String agreementId) {
        return pool.preparedQuery("SELECT controller_name, processor_name FROM agreement_directory WHERE agreement_id = $1")
                .execute(Tuple.of(agreementId))
                .map(rows -> rows.iterator().hasNext()
                        ? new String[]{rows.iterator().next().getString("controller_name"), rows.iterator().next().getString("processor_name")}
                        : new String[]{null, null});
    }

    /**
     * The register of the caller's organisation: breaches of its agreements as controller (with the
     * controller role) or as processor, optionally for one agreement, by status, or only overdue ones; newest
     * received first (ties by breach id), a page at a time.
     */
    public Uni<ListPage<Entry>> register(String organisation, boolean asController, boolean asProcessor, String agreementId,
                                         String status, Boolean overdue, Instant now, PageRequest page) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Instant afterReceived = page.instant(0);
        return pool.preparedQuery("SELECT * FROM breach_register WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR agreement_id = $4) AND ($5::text IS NULL OR status = $5) "
                        + "AND ($6::boolean IS NULL OR (notification_open AND notification_due_at <= $7) = $6) "
                        + "AND ($8::timestamptz IS NULL OR (received_at, breach_id) < ($8, $9)) "
                        + "ORDER BY received_at DESC, breach_id DESC LIMIT $10")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, agreementId, status, overdue, at,
                        afterReceived == null ? null : afterReceived.atOffset(ZoneOffset.UTC), page.text(1), page.fetch())))
                .map(rows -> {
                    List<Entry> out = new ArrayList<>();
                    for (Row r : rows) {
                        Instant due = instant(r, "notification_due_at");
                        boolean attempt = "SERIOUS_ATTEMPT".equals(r.getString("kind"));
                        out.add(new Entry(r.getString("breach_id"), r.getLong("stream_version"), r.getString("agreement_id"),
                                r.getString("status"), r.getString("description"), instant(r, "processor_aware_at"),
                                instant(r, "received_at"), instant(r, "report_due_at"), r.getLong("late_by_seconds"),
                                attempt ? null : instant(r, "controller_aware_at"), attempt ? null : due,
                                r.getBoolean("notification_open") && !now.isBefore(due), r.getString("risk"),
                                Arrays.asList(r.getArrayOfStrings("open_obligations")), r.getString("kind"),
                                r.getLong("late_by_seconds_on_receipt")));
                    }
                    return page.page(out, e -> List.of(e.receivedAt(), e.breachId()), PageRequest.filters("agreement", agreementId,
                            "status", status, "overdue", overdue));
                });
    }

    /**
     * Breaches whose 72-hour clock warns or falls by {@code now} and that are still to be notified. For the clock
     * scheduler, not the API: 500 a run, the rest on its next run.
     */
    public Uni<List<String>> due(Instant now, java.time.Duration warning) {
        return pool.preparedQuery("SELECT breach_id FROM breach_register WHERE notification_open AND ("
                        + "(NOT notification_missed AND notification_due_at <= $1) OR "
                        + "(NOT notification_warned AND notification_due_at <= $2)) ORDER BY notification_due_at LIMIT 500")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.plus(warning).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("breach_id")));
                    return out;
                });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
