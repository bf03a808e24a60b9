package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.PublishedContracts;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the projection runner retries (infrastructure) and what it dead-letters at once (the record itself). */
class TransientFailuresTest {

    @Test
    void a_record_that_does_not_fit_its_contract_is_not_retried() throws Exception {
        // Jackson's mapping exceptions are IOExceptions: without a rule of their own they read as an outage, and
        // the record held its partition for 30 retries (minutes) before reaching the dead-letter topic.
        IllegalArgumentException misfit = assertThrows(IllegalArgumentException.class, () -> PublishedContracts.read(
                new ObjectMapper().readTree("{\"agreementId\":\"a\",\"streamVersion\":\"three\"}"), AgreementPublished.class));
        assertFalse(TransientFailures.isTransient(misfit), misfit.toString());
        assertFalse(TransientFailures.isTransient(new PoisonMessageException("not JSON")));
    }

    @Test
    void a_database_or_connection_failure_is_retried() {
        assertTrue(TransientFailures.isTransient(new PgException("deadlock detected", "ERROR", "40P01", null)));
        assertTrue(TransientFailures.isTransient(new IllegalStateException("wrapped", new IOException("connection reset"))));
        assertFalse(TransientFailures.isTransient(new PgException("duplicate key", "ERROR", "23505", null)));
    }
}
