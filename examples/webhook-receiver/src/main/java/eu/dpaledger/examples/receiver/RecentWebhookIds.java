package eu.dpaledger.examples.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhook-ids handed on lately, so that a retry or a replayed copy of a delivery is not handed on twice.
 *
 * <p>Memory is bounded twice: an id is forgotten after the retention, and beyond the capacity the oldest ids go
 * first. Not thread-safe: the receiver consults it under its hand-off lock.
 */
final class RecentWebhookIds {
    private final Duration retention;
    private final int capacity;
    private final Clock clock;
    // Insertion order is arrival order, so the eldest entries are the first to expire.
    private final LinkedHashMap<String, Instant> rememberedAt = new LinkedHashMap<>();

    RecentWebhookIds(Duration retention, int capacity, Clock clock) {
        this.retention = retention;
        this.capacity = capacity;
        this.clock = clock;
    }

    boolean contains(String webhookId) {
        forgetExpired();
        return rememberedAt.containsKey(webhookId);
    }

    void remember(String webhookId) {
        rememberedAt.put(webhookId, clock.instant());
        Iterator<String> eldest = rememberedAt.keySet().iterator();
        while (rememberedAt.size() > capacity) {
            eldest.next();
            eldest.remove();
        }
    }

    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(retention);
        Iterator<Map.Entry<String, Instant>> eldest = rememberedAt.entrySet().iterator();
        while (eldest.hasNext() && eldest.next().getValue().isBefore(cutoff)) {
            eldest.remove();
        }
    }
}
