package eu.dpaledger.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches of the outbox: {@code dpa_outbox_parked_rows} (rows the broker can never
 * take, waiting in {@code outbox_parked} for a decision: alert when above 0), and the counters
 * {@code dpa_outbox_parked_total}, {@code dpa_outbox_published_total} and {@code dpa_outbox_publish_retries_total}
 * (the backlog and its oldest row: {@code eu.dpaledger.platform.ops.OperationsMetrics}).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    private final AtomicLong parkedRows = new AtomicLong();
    private Counter parkedTotal;
    private Counter retriesTotal;
    private Counter publishedTotal;

    @PostConstruct
    void register() {
        Gauge.builder("dpa.outbox.parked.rows", parkedRows, AtomicLong::get)
                .description("Outbox rows the broker refused for good, waiting in outbox_parked").register(registry);
        parkedTotal = Counter.builder("dpa.outbox.parked").description("Outbox rows parked since start").register(registry);
        publishedTotal = Counter.builder("dpa.outbox.published")
                .description("Outbox rows the broker acknowledged (a row republished after a crash counts again)").register(registry);
        retriesTotal = Counter.builder("dpa.outbox.publish.retries")
                .description("Publish attempts that failed transiently and will be retried").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refreshParked();
    }

    void parked() {
        parkedTotal.increment();
    }

    void retried() {
        retriesTotal.increment();
    }

    void published(int rows) {
        publishedTotal.increment(rows);
    }

    /** Reads the number of parked rows again (at start, and after rows are parked, requeued or discarded). */
    public void refreshParked() {
        pool.query("SELECT count(*) AS n FROM outbox_parked").execute()
                .subscribe().with(rows -> parkedRows.set(rows.iterator().next().getLong("n")),
                        failure -> LOG.debugf("parked outbox rows not counted: %s", failure.getMessage()));
    }

    public long parkedRows() {
        return parkedRows.get();
    }
}
