package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import io.vertx.pgclient.PgException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test read model: per counter, the sum of increments and how many events were applied. */
@ApplicationScoped
public class CounterTotals implements ProjectionHandler {

    private static final Logger LOG = Logger.getLogger(CounterTotals.class);
    private static final Set<UUID> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Override public String name() { return "counter-totals"; }

    @Override public Set<String> topics() { return Set.of("dpa.kerneltest"); }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return ceType.startsWith("eu.dpaledger.counter.") ? Interest.APPLY : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        if (event.data().path("failProjection").asBoolean(false)) {
            return Uni.createFrom().failure(new IllegalStateException("handler refused the event"));
        }
        if (event.data().path("failOnceTransiently").asBoolean(false) && FAILED_ONCE.add(event.id())) {
            return Uni.createFrom().failure(new PgException("deadlock detected", "ERROR", "40P01", null));
        }
        long by = event.data().path("event").path("by").asLong(0);
        LOG.infof("counter-totals applies %s to %s", event.id(), event.subject());
        return tx.preparedQuery("INSERT INTO counter_totals (counter_id, total, events_applied) VALUES ($1, $2, 1) "
                        + "ON CONFLICT (counter_id) DO UPDATE SET total = counter_totals.total + $2, "
                        + "events_applied = counter_totals.events_applied + 1")
                .execute(Tuple.of(event.subject(), by)).replaceWithVoid();
    }

    /** A batch is one statement: per counter, the sum of the batch's increments and their number. */
    @Override
    public boolean batched() {
        return true;
    }

    @Override
    public Uni<Void> applyAll(SqlClient tx, List<IncomingEvent> events) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (event.data().path("failProjection").asBoolean(false)
                    || event.data().path("failOnceTransiently").asBoolean(false)) {
                return Uni.createFrom().failure(new IllegalStateException("the batch holds an event to apply alone"));
            }
            long[] sum = sums.computeIfAbsent(event.subject(), s -> new long[2]);
            sum[0] += event.data().path("event").path("by").asLong(0);
            sum[1]++;
        }
        LOG.infof("counter-totals applies a batch of %d events to %d counters", events.size(), sums.size());
        return tx.preparedQuery("INSERT INTO counter_totals (counter_id, total, events_applied) "
                        + "SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) "
                        + "ON CONFLICT (counter_id) DO UPDATE SET total = counter_totals.total + excluded.total, "
                        + "events_applied = counter_totals.events_applied + excluded.events_applied")
                .execute(Tuple.of(sums.keySet().toArray(String[]::new),
                        sums.values().stream().map(s -> s[0]).toArray(Long[]::new),
                        sums.values().stream().map(s -> s[1]).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM counter_totals").execute().replaceWithVoid();
    }
}
