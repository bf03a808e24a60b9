package eu.dpaledger.platform.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.List;

/**
 * A projection whose work on an event splits in two: {@link #prepare}, which needs no database (reading the event's
 * contract record, deriving its rows), and {@link #write}, which writes what several prepared events amount to. The
 * rebuild prepares a batch (on both cores) while the previous batch is written, so the JSON work and the database
 * overlap; the live runner prepares and writes in one go. {@link #prepare} must be safe to call from several threads. Always {@link #batched()}.
 *
 * @param <P> what an event amounts to for this read model
 */
public interface PreparedProjection<P> extends ProjectionHandler {

    /** What applying the event writes, worked out without the database (any thread, ahead of the write). */
    P prepare(IncomingEvent event);

    /** Writes prepared events, in their order: the read model must end as if each had been written in turn. */
    Uni<Void> write(SqlClient tx, List<P> prepared);

    @Override
    default Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return applyAll(tx, List.of(event));
    }

    @Override
    default boolean batched() {
        return true;
    }

    @Override
    default Uni<Void> applyAll(SqlClient tx, List<IncomingEvent> events) {
        return Uni.createFrom().item(() -> events.stream().map(this::prepare).toList()).flatMap(prepared -> write(tx, prepared));
    }
}
