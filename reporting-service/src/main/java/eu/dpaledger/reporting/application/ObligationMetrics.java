package eu.dpaledger.reporting.application;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The legal clocks an operator watches across every agreement (deploy/README.md "Metrics and alerts"), per kind of
 * obligation (the obligations read model: open means neither met nor cancelled): {@code dpa_obligations_due_within_24h},
 * {@code dpa_obligations_due_within_12h} (the alert on a 72-hour authority notification, GDPR art. 33(1), due within 12
 * hours and not made) and {@code dpa_obligations_overdue}. Read every {@code dpa.metrics.refresh-every} (10 s).
 */
@ApplicationScoped
@Startup
public class ObligationMetrics {

    private static final Logger LOG = Logger.getLogger(ObligationMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    private final Map<String, Double> values = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        for (ObligationKind kind : ObligationKind.values()) {
            gauge("dpa.obligations.due.within.24h", kind, "Open obligations due in the next 24 hours (not yet overdue)");
            gauge("dpa.obligations.due.within.12h", kind, "Open obligations due in the next 12 hours (not yet overdue)");
            gauge("dpa.obligations.overdue", kind, "Open obligations past their due instant");
        }
    }

    private void gauge(String name, ObligationKind kind, String description) {
        String key = name + "," + kind.name();
        values.put(key, Double.NaN);
        Gauge.builder(name, () -> values.getOrDefault(key, Double.NaN)).tag("kind", kind.name()).strongReference(true)
                .description(description).register(registry);
    }

    @Scheduled(every = "${dpa.metrics.refresh-every:10s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().invoke(f -> LOG.debugf("obligation metrics not refreshed: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Counts the open obligations again (tests call it to see them at once). */
    public Uni<Void> refresh() {
        return pool.query("SELECT kind, "
                        + "count(*) FILTER (WHERE due_at >= now() AND due_at < now() + interval '24 hours') AS within24, "
                        + "count(*) FILTER (WHERE due_at >= now() AND due_at < now() + interval '12 hours') AS within12, "
                        + "count(*) FILTER (WHERE due_at < now()) AS overdue "
                        + "FROM obligations WHERE met_at IS NULL AND cancelled_at IS NULL GROUP BY kind").execute()
                .invoke(rows -> {
                    values.replaceAll((key, value) -> 0.0);
                    rows.forEach(r -> {
                        values.put("dpa.obligations.due.within.24h," + r.getString("kind"), r.getLong("within24").doubleValue());
                        values.put("dpa.obligations.due.within.12h," + r.getString("kind"), r.getLong("within12").doubleValue());
                        values.put("dpa.obligations.overdue," + r.getString("kind"), r.getLong("overdue").doubleValue());
                    });
                })
                .replaceWithVoid();
    }

    /** The gauge's value as last read, for tests. */
    public double value(String name, ObligationKind kind) {
        return values.getOrDefault(name + "," + kind.name(), Double.NaN);
    }
}
