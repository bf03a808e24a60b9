package eu.dpaledger.platform.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.List;
import java.util.Set;

/**
 * One read model fed from topics. The runner calls {@link #apply} inside the transaction that also
 * records the event id as applied for this projection, so a redelivered event changes nothing.
 */
public interface ProjectionHandler {

    /** What a projection does with an event type of one of its {@link #topics()}. */
    enum Interest {
        /** The projection applies events of this type. */
        APPLY,
        /** A known type this projection does not need (recorded as seen, nothing applied). */
        IGNORE,
        /**
         * A type this projection does not know (a newer producer's new type or {@code .vN+1}): when no projection
         * applies or ignores it, the runner skips it with a log line; consumers ignore unknown types (docs/EVENTS.md).
         */
        UNKNOWN
    }

    /** Stable name; also the key of its bookkeeping and of the rebuild endpoint. */
    String name();

    /** Topics it reads (the service's incoming channel must subscribe to them). */
    Set<String> topics();

    Interest interestIn(String topic, String ceType);

    /** Applies the event to the read model on {@code tx}; a failure sends the message to the dead-letter topic. */
    Uni<Void> apply(SqlClient tx, IncomingEvent event);

    /**
     * True when {@link #apply} issues one self-contained statement per event that is correct in any
     * interleaving with other events' statements (e.g. an upsert guarded by the stream version, or an
     * insert-if-absent). The runner then pipelines a batch's statements on the connection instead of
     * waiting for each: one round trip per batch instead of one per event.
     */
    default boolean pipelined() {
        return false;
    }

    /**
     * True when the handler overrides {@link #applyAll} to write several events in fewer statements than one per
     * event. The runner then hands it all of a batch's new events at once.
     */
    default boolean batched() {
        return false;
    }

    /**
     * Applies events, each new for this projection, in their order: the read model must end as if {@link #apply} had
     * been called for each in turn. Only called when {@link #batched()}; a failure fails them all (the runner then
     * applies them one by one to isolate the one that cannot be applied).
     */
    default Uni<Void> applyAll(SqlClient tx, List<IncomingEvent> events) {
        Uni<Void> sequence = Uni.createFrom().voidItem();
        for (IncomingEvent event : events) {
            sequence = sequence.flatMap(x -> apply(tx, event));
        }
        return sequence;
    }

    /** Empties the read model (for a rebuild from the topics' beginning). */
    Uni<Void> reset(SqlClient tx);
}
