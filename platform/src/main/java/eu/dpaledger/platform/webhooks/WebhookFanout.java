package eu.dpaledger.platform.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.projection.Columns;
import eu.dpaledger.platform.projection.IncomingEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Turns consumed events into one persisted delivery per matching webhook subscription, in the caller's (the
 * projection's) transaction, a batch of events in one statement: an event is never lost between Kafka and the {@link WebhookDispatcher}, and never queued
 * twice for a subscription. A subscription matches when it is active, one of its patterns matches the type
 * ({@link WebhookPatterns}), and its organisation is party to the event in the role it was made in: the controller's
 * organisation as controller (only where the controller may see the event, see {@link Audience#controllerSees()}), the
 * processor's as processor (role AND organisation, as every read). Events from before a subscription existed are not
 * sent to it, nor those of a time it was disabled ({@code events_from}: when it was made, or enabled again), also when
 * the fan-out is rebuilt.
 */
@ApplicationScoped
@IfBuildProperty(name = "dpa.webhooks.enabled", stringValue = "true")
public class WebhookFanout {

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookDispatcher dispatcher;

    /**
     * Who may receive an event: the parties of its agreement.
     *
     * @param controllerSees false where the law or the agreement keeps the event from the controller: a gagged disclosure
     *                       request (DPA art. 2.2), a data subject request not yet forwarded. On the topic such an event
     *                       carries no details ({@code withheld}); it is delivered to the processor's subscriptions only.
     */
    public record Audience(String agreementId, String controllerOrg, String processorOrg, boolean controllerSees) {
    }

    /** One event as the fan-out queues it: its id, type, parties and the body every subscriber gets. */
    public record Queued(UUID eventId, String type, Audience audience, String body, Instant time) {
    }

    /** What queuing the event amounts to, worked out without the database (the projection's prepare step). */
    public Queued prepare(IncomingEvent event, Audience audience) {
        return new Queued(event.id(), event.type(), audience, body(event), event.time());
    }

    /**
     * Queues the events for every matching subscription, in {@code tx}, in one statement for the whole batch; wakes
     * the dispatcher when it queued any. A pattern matches as {@link WebhookPatterns} says: {@code *}, the type itself,
     * or a prefix ending in {@code .*} that the type starts with. An event without its time counts as of now.
     */
    public Uni<Void> queueAll(SqlClient tx, List<Queued> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns<Queued> c = Columns.of(events);
        Tuple values = Tuple.tuple(Arrays.asList(events.stream().map(Queued::eventId).toArray(UUID[]::new), c.text(Queued::type),
                c.text(q -> q.audience().agreementId()), c.text(Queued::body),
                c.text(q -> q.audience().controllerSees() ? q.audience().controllerOrg() : null),
                c.text(q -> q.audience().processorOrg()), c.instant(Queued::time)));
        return tx.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, "
                        + "agreement_id, payload, status, next_attempt_at, created_at) "
                        + "SELECT gen_random_uuid(), s.subscription_id, e.id, e.type, e.agreement, e.body, 'PENDING', now(), now() "
                        + "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) "
                        + "AS e(id, type, agreement, body, controller_org, processor_org, at) "
                        + "JOIN webhook_subscriptions s ON s.deleted_at IS NULL AND s.disabled_at IS NULL "
                        + "AND ((s.organisation = e.controller_org AND 'controller' = ANY (s.party_roles)) "
                        + "OR (s.organisation = e.processor_org AND 'processor' = ANY (s.party_roles))) "
                        + "AND s.events_from <= coalesce(e.at, now()) "
                        + "AND EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE p = '*' OR p = e.type "
                        + "OR (right(p, 2) = '.*' AND left(e.type, length(p) - 1) = left(p, length(p) - 1))) "
                        + "ON CONFLICT (subscription_id, event_id) DO NOTHING")
                .execute(values)
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        dispatcher.wake();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The delivered body: the CloudEvent in structured JSON mode, with the extension {@code correlationid} (the
     * correlation id of the request that caused the event) when the record carried one, and the receipt extensions
     * {@code chainhash} and {@code streamversion} (the stream's chain head after the event). Its {@code subject} (the
     * stream) and {@code data.streamVersion} order the events of one stream: deliveries are retried independently, so
     * a receiver that needs their order sorts by these keys.
     */
    private String body(IncomingEvent event) {
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id().toString());
        ce.put("source", event.source());
        ce.put("type", event.type());
        ce.put("subject", event.subject());
        if (event.time() != null) {
            ce.put("time", event.time().toString());
        }
        ce.put("datacontenttype", "application/json");
        if (event.correlationId() != null) {
            ce.put("correlationid", event.correlationId());
        }
        // The receipt a party keeps: the stream's chain head after this event (docs/EVIDENCE.md "Receipts").
        if (event.chainHash() != null) {
            ce.put("chainhash", event.chainHash());
        }
        if (event.streamVersion() != null) {
            ce.put("streamversion", event.streamVersion());
        }
        // The trace of the command that caused the event (CloudEvents distributed tracing extension, W3C traceparent).
        if (event.traceparent() != null) {
            ce.put("traceparent", event.traceparent());
        }
        ce.set("data", event.data());
        return ce.toString();
    }
}
