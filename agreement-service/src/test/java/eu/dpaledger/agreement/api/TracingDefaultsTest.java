package eu.dpaledger.agreement.api;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service as deployed by default keeps no trace (DPA_OTEL_SAMPLE_RATIO 0) and so makes no span per SQL statement
 * either (the kernel's StatementSpans; bench/RESULTS.md: 3.8% of the service's CPU at its peak). The platform's
 * TracingTest keeps every trace and sees the statements' spans. (In this package: the module's test classes run in name
 * order, and a class of the default profile before UpgradeTest's profile would leave the api tests a closed application.)
 */
@QuarkusTest
class TracingDefaultsTest {

    @Test
    void no_statement_spans_when_no_trace_is_kept() {
        assertEquals(0.0, ConfigProvider.getConfig().getValue("quarkus.otel.traces.sampler.arg", Double.class));
        assertEquals(false, ConfigProvider.getConfig().getValue("quarkus.otel.instrument.vertx-sql-client", Boolean.class));
    }
}
