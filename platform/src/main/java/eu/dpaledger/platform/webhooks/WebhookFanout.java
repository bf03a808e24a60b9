package eu.dpaledger.platform.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.projection.IncomingEvent;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Turns one consumed event into one persisted delivery per matching webhook subscription, in the caller's (the
 * projection's) transaction: an event is never lost between Kafka and the {@link WebhookDispatcher}, and never queued
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

    /** Queues the event for every matching subscription, in {@code tx}; wakes the dispatcher when it queued any. */
    public Uni<Void> queue(SqlClient tx, IncomingEvent event, Audience audience) {
        Tuple values = Tuple.tuple(Arrays.asList(event.id(), event.type(), audience.agreementId(), body(event),
                audience.controllerSees() ? audience.controllerOrg() : null, audience.processorOrg(),
                event.time() == null ? null : event.time().atOffset(ZoneOffset.UTC),
                WebhookPatterns.matching(event.type()).toArray(new String[0])));
        return tx.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, "
                        + "agreement_id, payload, status, next_attempt_at, created_at) "
                        + "SELECT gen_random_uuid(), s.subscription_id, $1, $2, $3, $4, 'PENDING', now(), now() "
                        + "FROM webhook_subscriptions s WHERE s.deleted_at IS NULL AND s.disabled_at IS NULL "
                        + "AND ((s.organisation = $5 AND 'controller' = ANY (s.party_roles)) "
                        + "OR (s.organisation = $6 AND 'processor' = ANY (s.party_roles))) "
                        // an event without its time counts as of now
                        + "AND s.event_types && $8 AND s.events_from <= coalesce($7::timestamptz, now()) "
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
     * correlation id of the request that caused the event) when the record carried one. Its {@code subject} (the
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
        ce.set("data", event.data());
        return ce.toString();
    }
}
