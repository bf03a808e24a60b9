package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.AssistanceItemPublished;
import eu.dpaledger.platform.contracts.AssistanceRequestPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.EvidencePublished;
import eu.dpaledger.platform.contracts.FlowDownProofPublished;
import eu.dpaledger.platform.contracts.InformationRequestPublished;
import eu.dpaledger.platform.contracts.SubprocessorAnnouncementPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.PreparedProjection;
import eu.dpaledger.platform.webhooks.WebhookEventCatalog;
import eu.dpaledger.platform.webhooks.WebhookFanout;
import eu.dpaledger.platform.webhooks.WebhookFanout.Audience;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * Webhooks for everything an organisation may see: each event of the four topics becomes one persisted delivery per
 * matching subscription made at this service (the kernel's {@link WebhookFanout}), for the parties of its agreement as
 * the event's own contract names them. An assistance item the controller may not see (a gagged disclosure request, DPA
 * art. 2.2; a data subject request not yet forwarded) goes to the processor's subscriptions only, and carries no more
 * than the topic does ({@code withheld}). Also the service's {@link WebhookEventCatalog}: subscriptions may name every
 * type of the four topics.
 */
@ApplicationScoped
public class WebhookFanoutProjection implements PreparedProjection<WebhookFanout.Queued>, WebhookEventCatalog {

    @Inject
    WebhookFanout fanout;

    @Override
    public String name() {
        return "webhook-fanout";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementPublished.TOPIC, SubprocessorChangePublished.TOPIC, BreachPublished.TOPIC, AuditPublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return EventTypes.ALL.contains(ceType) ? Interest.APPLY : Interest.UNKNOWN;
    }

    @Override
    public WebhookFanout.Queued prepare(IncomingEvent event) {
        return fanout.prepare(event, audience(event));
    }

    @Override
    public Uni<Void> write(SqlClient tx, List<WebhookFanout.Queued> prepared) {
        return fanout.queueAll(tx, prepared);
    }

    /** Who is party to the event: read from the contract of its type (a record that does not fit goes to the dead-letter topic). */
    static Audience audience(IncomingEvent event) {
        String type = event.type();
        if (EventTypes.AGREEMENTS.contains(type)) {
            AgreementPublished a = AgreementPublished.of(event);
            return new Audience(a.agreementId(), a.controllerOrg(), a.processorOrg(), true);
        }
        if (EventTypes.ASSISTANCE.contains(type)) {
            AssistanceItemPublished a = AssistanceItemPublished.of(event);
            return new Audience(a.agreementId(), a.item().controllerOrg(), a.item().processorOrg(), a.item().controllerVisible());
        }
        if (EventTypes.PROOFS.contains(type)) {
            FlowDownProofPublished p = FlowDownProofPublished.of(event);
            return new Audience(p.agreementId(), p.parties().controllerOrg(), p.parties().processorOrg(), true);
        }
        if (EventTypes.ANNOUNCEMENTS.contains(type)) {
            // An announcement belongs to no one agreement and only its processor sees it (each controller gets its notice).
            SubprocessorAnnouncementPublished a = SubprocessorAnnouncementPublished.of(event);
            return new Audience(null, null, a.processorOrg(), false);
        }
        if (EventTypes.CHANGES.contains(type)) {
            SubprocessorChangePublished c = SubprocessorChangePublished.of(event);
            return new Audience(c.agreementId(), c.change().controllerOrg(), c.change().processorOrg(), true);
        }
        if (EventTypes.BREACHES.contains(type)) {
            BreachPublished b = BreachPublished.of(event);
            return new Audience(b.agreementId(), b.breach().controllerOrg(), b.breach().processorOrg(), true);
        }
        if (EventTypes.AUDITS.contains(type)) {
            AuditPublished a = AuditPublished.of(event);
            return new Audience(a.agreementId(), a.audit().controllerOrg(), a.audit().processorOrg(), true);
        }
        if (EventTypes.EVIDENCE_ITEMS.contains(type)) {
            EvidencePublished e = EvidencePublished.of(event);
            return new Audience(e.agreementId(), e.item().controllerOrg(), e.item().processorOrg(), true);
        }
        if (EventTypes.ASSISTANCE_REQUESTS.contains(type)) {
            AssistanceRequestPublished r = AssistanceRequestPublished.of(event);
            return new Audience(r.agreementId(), r.request().controllerOrg(), r.request().processorOrg(), true);
        }
        InformationRequestPublished r = InformationRequestPublished.of(event);
        return new Audience(r.agreementId(), r.request().controllerOrg(), r.request().processorOrg(), true);
    }

    /** Deliveries already made stay in the log; a rebuild only queues what is missing (one per subscription and event). */
    @Override
    public Uni<Void> reset(SqlClient tx) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Set<String> eventTypes() {
        return EventTypes.ALL;
    }

    @Override
    public String source() {
        return "/reporting-service/webhook-subscriptions";
    }
}
