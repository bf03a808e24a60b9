package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import io.vertx.pgclient.PgException;

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

    /** One statement per event, correct in any interleaving (version guard / insert-if-absent / a sum). */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM counter_totals").execute().replaceWithVoid();
    }
}
