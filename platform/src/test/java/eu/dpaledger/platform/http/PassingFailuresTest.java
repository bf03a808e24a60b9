package eu.dpaledger.platform.http;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request that meets the database unreachable gets 503 with Retry-After (a client retries it with its
 * Idempotency-Key), not a 500; reliability/run.sh shows it end to end with PostgreSQL stopped.
 */
class PassingFailuresTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void databaseUnreachableIsServiceUnavailableWithRetryAfter() {
        Response response = mappers.unexpected(new CompletionException(new ConnectException("Connection refused")));

        assertEquals(503, response.getStatus());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
        assertEquals("https://dpa-ledger.eu/problems/service-unavailable", problem(response).get("type"));
        assertEquals(503, problem(response).get("status"));
    }

    @Test
    void aConnectionTheDatabaseDroppedIsServiceUnavailable() {
        // What a command meets when PostgreSQL is stopped with -m immediate while its connection is open.
        Response response = mappers.unexpected(io.vertx.sqlclient.ClosedConnectionException.INSTANCE);

        assertEquals(503, response.getStatus());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), response.getHeaderString("Retry-After"));
    }

    @Test
    void aProgrammingErrorStaysAnInternalErrorWithoutRetryAfter() {
        Response response = mappers.unexpected(new IllegalStateException("a bug"));

        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertTrue(problem(response).containsKey("incident"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Response response) {
        return (Map<String, Object>) response.getEntity();
    }
}
