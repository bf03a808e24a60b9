package eu.dpaledger.platform.admin;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.outbox.OutboxMetrics;
import eu.dpaledger.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operator endpoints for outbox rows the broker refused for good: see them (the event stays in the
 * event store either way; only its publication is held), and put one back in line once the cause is
 * mended (for example the broker's size limit raised), in its original place.
 */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
public class OutboxAdminResource {

    /** One parked row: which event, why, when; {@code dataBytes} is the size of its published data. */
    public record ParkedRow(UUID eventId, String type, String key, Instant occurredAt, int attempts, String reason,
                            Instant parkedAt, long dataBytes) {
    }

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMetrics metrics;

    @GET
    @Operation(operationId = "listParkedOutboxRows",
            summary = "Outbox rows parked because the broker can never take them, oldest first, a page at a time")
    public Uni<ListPage<ParkedRow>> list(@BeanParam PageParams params) {
        PageRequest page = params.request();
        Long after = page.number(0);
        return pool.preparedQuery("SELECT id, event_id, ce_type, message_key, ce_time, attempts, reason, parked_at, "
                        + "octet_length(data::text) AS data_bytes FROM outbox_parked WHERE id > $1 ORDER BY id LIMIT $2")
                .execute(Tuple.of(after == null ? 0L : after, page.fetch()))
                .map(rows -> {
                    List<Map.Entry<Long, ParkedRow>> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(Map.entry(r.getLong("id"), new ParkedRow(r.getUUID("event_id"), r.getString("ce_type"),
                                r.getString("message_key"), r.getOffsetDateTime("ce_time").toInstant(), r.getInteger("attempts"),
                                r.getString("reason"), r.getOffsetDateTime("parked_at").toInstant(), r.getLong("data_bytes"))));
                    }
                    ListPage<Map.Entry<Long, ParkedRow>> keyed = page.page(out, e -> List.of(e.getKey()), Map.of());
                    return keyed.map(Map.Entry::getValue);
                });
    }

    @POST
    @Path("/{eventId}/requeue")
    @Operation(operationId = "requeueParkedOutboxRow", summary = "Put a parked row back in the outbox at its original place, to be published again")
    public Uni<ParkedRow> requeue(@PathParam("eventId") String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.notFound("Parked event " + eventId);
        }
        return pool.withTransaction(tx -> tx.preparedQuery("WITH moved AS (DELETE FROM outbox_parked WHERE event_id = $1 "
                        + "RETURNING *) INSERT INTO outbox (id, event_id, message_key, ce_type, ce_subject, ce_time, data, created_at, traceparent) "
                        + "SELECT id, event_id, message_key, ce_type, ce_subject, ce_time, data, created_at, traceparent FROM moved "
                        + "RETURNING event_id, ce_type, message_key, ce_time, octet_length(data::text) AS data_bytes")
                        .execute(Tuple.of(id)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw HttpProblem.notFound("Parked event " + eventId);
                    }
                    Row r = rows.iterator().next();
                    metrics.refreshParked();
                    relay.trigger();
                    return new ParkedRow(r.getUUID("event_id"), r.getString("ce_type"), r.getString("message_key"),
                            r.getOffsetDateTime("ce_time").toInstant(), 0, "requeued", null, r.getLong("data_bytes"));
                });
    }
}
