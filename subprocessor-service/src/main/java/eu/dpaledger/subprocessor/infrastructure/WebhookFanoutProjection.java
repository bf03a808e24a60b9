package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import eu.dpaledger.platform.webhooks.WebhookFanout;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Turns each event on {@code dpa.subprocessors} into one persisted delivery per matching webhook subscription made
 * here (the kernel's {@link WebhookFanout}): a subscription of either party's organisation of the change's agreement,
 * made in that party's role, for that event type or a pattern over it.
 */
@ApplicationScoped
public class WebhookFanoutProjection implements ProjectionHandler {

    @Inject
    WebhookFanout fanout;

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
        return Uni.createFrom().item(() -> audience(event)).flatMap(audience -> fanout.queue(tx, event, audience));
    }

    /** The change's (or proof's) agreement and parties; both parties see every event of this topic. */
    private static WebhookFanout.Audience audience(IncomingEvent event) {
        if (SubprocessorEventTypes.PROOFS.contains(event.type())) {
            FlowDownProofPublished proof = FlowDownProofPublished.of(event);
            return new WebhookFanout.Audience(proof.agreementId(), proof.parties().controllerOrg(), proof.parties().processorOrg(), true);
        }
        SubprocessorChangePublished change = SubprocessorChangePublished.of(event);
        return new WebhookFanout.Audience(change.agreementId(), change.change().controllerOrg(), change.change().processorOrg(), true);
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
