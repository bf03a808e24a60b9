package eu.dpaledger.breach.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    public record Entry(String breachId, long version, String agreementId, String status, String description,
                        Instant processorAwareAt, Instant receivedAt, Instant reportDueAt, long lateBySeconds,
                        Instant controllerAwareAt, Instant notificationDueAt, boolean notificationOverdue, String risk,
                        List<String> openObligations, String kind, long lateBySecondsOnReceipt) {
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
     * controller role) or as processor, optionally for one agreement, by status, or only overdue ones.
     */
    public Uni<List<Entry>> register(String organisation, boolean asController, boolean asProcessor, String agreementId,
                                     String status, Boolean overdue, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT * FROM breach_register WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR agreement_id = $4) AND ($5::text IS NULL OR status = $5) "
                        + "AND ($6::boolean IS NULL OR (notification_open AND notification_due_at <= $7) = $6) "
                        + "ORDER BY received_at DESC, breach_id LIMIT 500")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, agreementId, status, overdue, at)))
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
                    return out;
                });
    }

    /** Breaches whose 72-hour clock warns or falls by {@code now} and that are still to be notified. */
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
