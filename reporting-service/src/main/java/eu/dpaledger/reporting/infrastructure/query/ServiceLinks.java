package eu.dpaledger.reporting.infrastructure.query;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each owning service answers, for the {@code url} of an obligation: {@code dpa.reporting.links.<service>}
 * (agreement, subprocessor, breach, audit), by default the local ports of {@code ./dpa up}. Read once when the bean is
 * made: every listed row asks for its URL, and a configuration lookup per row was a fifth of a list's CPU (bench).
 */
@ApplicationScoped
public class ServiceLinks {

    private static final Map<String, String> DEFAULTS = Map.of(
            "agreement", "http://127.0.0.1:8081",
            "subprocessor", "http://127.0.0.1:8082",
            "breach", "http://127.0.0.1:8083",
            "audit", "http://127.0.0.1:8084");

    private final Map<String, String> bases = new HashMap<>();

    public ServiceLinks() {
        Config config = ConfigProvider.getConfig();
        DEFAULTS.forEach((service, fallback) -> {
            String base = config.getOptionalValue("dpa.reporting.links." + service, String.class).orElse(fallback);
            bases.put(service, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        });
    }

    /** The absolute URL of {@code path} in {@code service}; the path alone when the service is unknown. */
    public String url(String service, String path) {
        return bases.getOrDefault(service, "") + path;
    }
}
