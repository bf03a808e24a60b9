package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * Turns each event on {@code dpa.subprocessors} into one persisted delivery per matching webhook
 * subscription: a subscription of either party's organisation of the change's agreement, made in that
 * party's role (role AND organisation, as every read), for that event type. The delivery row is written in the projection's transaction, so an event is never
 * lost between Kafka and the {@link WebhookDispatcher}, and never queued twice for a subscription.
 * Events from before a subscription existed are not sent to it.
 */
@ApplicationScoped
public class WebhookFanoutProjection implements ProjectionHandler {

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookDispatcher dispatcher;

    @Override
    public String name() {
        return "webhook-fanout";
    }

    @Override
    public Set<String> topics() {
        return Set.of(SubprocessorEventTypes.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return SubprocessorEventTypes.isKnown(ceType) ? Interest.APPLY : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> Scope.of(event)).flatMap(scope -> fanOut(tx, scope, event));
    }

    /** What the fan-out interprets of a record: its agreement and the parties' organisations; the rest is forwarded as is. */
    private record Scope(String agreementId, String controllerOrg, String processorOrg) {

        static Scope of(IncomingEvent event) {
            if (SubprocessorEventTypes.PROOFS.contains(event.type())) {
                FlowDownProofPublished proof = FlowDownProofPublished.of(event);
                return new Scope(proof.agreementId(), proof.parties().controllerOrg(), proof.parties().processorOrg());
            }
            SubprocessorChangePublished change = SubprocessorChangePublished.of(event);
            return new Scope(change.agreementId(), change.change().controllerOrg(), change.change().processorOrg());
        }
    }

    /** A subscription of the controller's organisation made as controller, or of the processor's made as processor. */
    private Uni<Void> fanOut(SqlClient tx, Scope scope, IncomingEvent event) {
        Tuple values = Tuple.tuple(Arrays.asList(event.id(), event.type(), scope.agreementId(), body(event),
                scope.controllerOrg(), scope.processorOrg(), event.time().atOffset(ZoneOffset.UTC)));
        return tx.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, "
                        + "agreement_id, payload, status, next_attempt_at, created_at) "
                        + "SELECT gen_random_uuid(), s.subscription_id, $1, $2, $3, $4, 'PENDING', now(), now() "
                        + "FROM webhook_subscriptions s WHERE s.deleted_at IS NULL "
                        + "AND ((s.organisation = $5 AND 'controller' = ANY (s.party_roles)) "
                        + "OR (s.organisation = $6 AND 'processor' = ANY (s.party_roles))) "
                        + "AND $2 = ANY (s.event_types) AND s.created_at <= $7 "
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
     * correlation id of the request that caused the event) when the record carried one.
     */
    private String body(IncomingEvent event) {
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id().toString());
        ce.put("source", event.source());
        ce.put("type", event.type());
        ce.put("subject", event.subject());
        ce.put("time", event.time().toString());
        ce.put("datacontenttype", "application/json");
        if (event.correlationId() != null) {
            ce.put("correlationid", event.correlationId());
        }
        ce.set("data", event.data());
        return ce.toString();
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    /** Deliveries already made stay in the log; a rebuild only queues what is missing. */
    @Override
    public Uni<Void> reset(SqlClient tx) {
        return Uni.createFrom().voidItem();
    }
}
