package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.PreparedProjection;
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

/**
 * Test read model: per counter, the sum of increments and how many events were applied; prepared ahead and written a
 * batch per statement (the kernel's {@link PreparedProjection} path, live and in a rebuild).
 */
@ApplicationScoped
public class CounterTotals implements PreparedProjection<CounterTotals.Increment> {

    private static final Logger LOG = Logger.getLogger(CounterTotals.class);
    private static final Set<UUID> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    /** Lets each {@code failOnceTransiently} event fail its next write once more (a rebuild's). */
    static void forgetFailures() {
        FAILED_ONCE.clear();
    }
    /** Whether the "bug" that refuses events marked {@code failUntilMended} is mended (a dead letter's replay test). */
    public static final java.util.concurrent.atomic.AtomicBoolean MENDED = new java.util.concurrent.atomic.AtomicBoolean();

    @Override public String name() { return "counter-totals"; }

    @Override public Set<String> topics() { return Set.of("dpa.kerneltest"); }

    @Override
    public Interest interestIn(String topic, String ceType) {
        return ceType.startsWith("eu.dpaledger.counter.") ? Interest.APPLY : Interest.UNKNOWN;
    }

    /**
     * One event's increment; {@code failOnce} makes its first write fail as a deadlock would, {@code failWrite} every
     * write it is part of (prepared fine, refused by the database, as a constraint would).
     */
    public record Increment(UUID eventId, String counter, long by, boolean failOnce, boolean failWrite) {
    }

    @Override
    public Increment prepare(IncomingEvent event) {
        if (event.data().path("failProjection").asBoolean(false)) {
            throw new IllegalStateException("handler refused the event");
        }
        if (event.data().path("failUntilMended").asBoolean(false) && !MENDED.get()) {
            throw new IllegalStateException("handler refused the event until its bug is mended");
        }
        LOG.infof("counter-totals prepares event %s of %s", event.id(), event.subject());
        return new Increment(event.id(), event.subject(), event.data().path("event").path("by").asLong(0),
                event.data().path("failOnceTransiently").asBoolean(false), event.data().path("failWrite").asBoolean(false));
    }

    /** A batch is one statement: per counter, the sum of the batch's increments and their number. */
    @Override
    public Uni<Void> write(SqlClient tx, List<Increment> increments) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Increment increment : increments) {
            if (increment.failOnce() && FAILED_ONCE.add(increment.eventId())) {
                return Uni.createFrom().failure(new PgException("deadlock detected", "ERROR", "40P01", null));
            }
            if (increment.failWrite()) {
                return Uni.createFrom().failure(new PgException("value violates a check constraint", "ERROR", "23514", null));
            }
            long[] sum = sums.computeIfAbsent(increment.counter(), c -> new long[2]);
            sum[0] += increment.by();
            sum[1]++;
        }
        LOG.infof("counter-totals applies %d events to %s", increments.size(), String.join(", ", sums.keySet()));
        return tx.preparedQuery("INSERT INTO counter_totals (counter_id, total, events_applied) "
                        + "SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) "
                        + "ON CONFLICT (counter_id) DO UPDATE SET total = counter_totals.total + excluded.total, "
                        + "events_applied = counter_totals.events_applied + excluded.events_applied")
                .execute(Tuple.of(sums.keySet().toArray(String[]::new),
                        sums.values().stream().map(sum -> sum[0]).toArray(Long[]::new),
                        sums.values().stream().map(sum -> sum[1]).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM counter_totals").execute().replaceWithVoid();
    }
}
