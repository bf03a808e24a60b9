package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.webhooks.WebhookEventCatalog;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * What this service's webhook subscriptions may receive: the events of {@code dpa.subprocessors}. (reporting-service
 * offers subscriptions to every topic's events.)
 */
@ApplicationScoped
public class SubprocessorWebhookCatalog implements WebhookEventCatalog {

    @Override
    public Set<String> eventTypes() {
        return SubprocessorEventTypes.ALL;
    }

    @Override
    public String source() {
        return "/subprocessor-service/webhook-subscriptions";
    }
}
