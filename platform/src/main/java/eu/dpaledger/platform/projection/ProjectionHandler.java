package eu.dpaledger.platform.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

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

    /** Empties the read model (for a rebuild from the topics' beginning). */
    Uni<Void> reset(SqlClient tx);
}
