package eu.dpaledger.platform.webhooks;

import java.util.Set;

/**
 * The event types a service that hosts webhook subscriptions offers: its own topic's in subprocessor-service, every
 * topic's in reporting-service. The hosting service provides one bean; subscriptions may name these types, or
 * patterns over them ({@link WebhookPatterns}).
 */
public interface WebhookEventCatalog {

    /** The published CloudEvent types ({@code eu.dpaledger.<stream>.<Event>.v1}) deliverable by this service. */
    Set<String> eventTypes();

    /** The CloudEvents {@code source} of the deliveries this service makes itself (a ping, a disabled subscription). */
    String source();
}
