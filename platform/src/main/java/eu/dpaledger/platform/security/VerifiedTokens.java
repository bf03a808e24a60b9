package eu.dpaledger.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bearer tokens this service has already verified, with the identity they gave, until each token's own expiry: a
 * bounded map (least recently used out first) keyed by the OIDC tenant and the whole token, so a client that sends the
 * same token again is not verified again (RS256 and claims checks were a tenth of a command's CPU, bench/RESULTS.md).
 * Nothing is cached that the verifier did not accept; an entry is never used after the token's {@code exp}; a token
 * verified under one tenant is not taken for another. {@code dpa.security.token-cache-size} (0 switches it off).
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant expiresAt) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "dpa.security.token-cache-size", defaultValue = "2048") int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    /** The identity the token gave under this tenant, while the token has not expired; null otherwise. */
    SecurityIdentity find(String tenant, String token) {
        if (capacity <= 0 || tenant == null || token == null) {
            return null;
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key(tenant, token));
            if (entry != null && !clock.instant().isBefore(entry.expiresAt())) {
                entries.remove(key(tenant, token));
                entry = null;
            }
        }
        // Looked up per call, as OperationsMetrics does: the registry is the application's, whatever was registered before.
        registry.counter("dpa.token.cache.lookups", "outcome", entry == null ? "miss" : "hit").increment();
        return entry == null ? null : entry.identity();
    }

    /** Keeps the identity a verified token gave until {@code expiresAt}. */
    void keep(String tenant, String token, SecurityIdentity identity, Instant expiresAt) {
        if (capacity <= 0 || tenant == null || token == null || expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            return;
        }
        synchronized (entries) {
            entries.putIfAbsent(key(tenant, token), new Entry(identity, expiresAt));
        }
    }

    private static String key(String tenant, String token) {
        return tenant + ' ' + token;
    }
}
