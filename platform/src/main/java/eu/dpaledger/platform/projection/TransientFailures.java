package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a passing infrastructure failure (database unreachable, deadlock, timeout) from a message
 * that can never be applied: the first is retried, only the second goes to the dead-letter topic. The HTTP
 * layer asks the same question: a request that met a passing failure is answered 503 with {@code Retry-After}.
 */
public final class TransientFailures {

    // SQLSTATE classes: 08 connection, 40 transaction rollback (deadlock, serialization),
    // 53 insufficient resources, 57 operator intervention (shutdown).
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A record that does not fit its contract type (Jackson's exceptions are IOExceptions): never transient.
            if (t instanceof PoisonMessageException || t instanceof JsonProcessingException) {
                return false;
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
            }
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof ClosedConnectionException
                    || t.getClass().getName().startsWith("io.vertx.core.")) {
                // closed connections, pool timeouts and the like surface as Vert.x or I/O exceptions; a connection
                // the database dropped (stopped with -m immediate) as the SQL client's ClosedConnectionException,
                // which reliability/run.sh found dead-lettering events and answering 500 before it was listed here
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
