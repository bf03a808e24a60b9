package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.contracts.SubprocessorAnnouncementPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.PreparedProjection;
import eu.dpaledger.platform.webhooks.WebhookFanout;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * Turns each event on {@code dpa.subprocessors} into one persisted delivery per matching webhook subscription made
 * here (the kernel's {@link WebhookFanout}): a subscription of either party's organisation of the change's agreement,
 * made in that party's role, for that event type or a pattern over it.
 */
@ApplicationScoped
public class WebhookFanoutProjection implements PreparedProjection<WebhookFanout.Queued> {

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
    public WebhookFanout.Queued prepare(IncomingEvent event) {
        return fanout.prepare(event, audience(event));
    }

    @Override
    public Uni<Void> write(SqlClient tx, List<WebhookFanout.Queued> prepared) {
        return fanout.queueAll(tx, prepared);
    }

    /**
     * The change's (or proof's) agreement and parties; both parties see every change and proof event. An announcement
     * belongs to no one agreement and only its processor sees it (each controller gets its own notice's events).
     */
    private static WebhookFanout.Audience audience(IncomingEvent event) {
        if (SubprocessorEventTypes.ANNOUNCEMENTS.contains(event.type())) {
            SubprocessorAnnouncementPublished announcement = SubprocessorAnnouncementPublished.of(event);
            return new WebhookFanout.Audience(null, null, announcement.processorOrg(), false);
        }
        if (SubprocessorEventTypes.PROOFS.contains(event.type())) {
            FlowDownProofPublished proof = FlowDownProofPublished.of(event);
            return new WebhookFanout.Audience(proof.agreementId(), proof.parties().controllerOrg(), proof.parties().processorOrg(), true);
        }
        SubprocessorChangePublished change = SubprocessorChangePublished.of(event);
        return new WebhookFanout.Audience(change.agreementId(), change.change().controllerOrg(), change.change().processorOrg(), true);
    }

    /** Deliveries already made stay in the log; a rebuild only queues what is missing. */
    @Override
    public Uni<Void> reset(SqlClient tx) {
        return Uni.createFrom().voidItem();
    }
}
