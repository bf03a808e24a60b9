package eu.dpaledger.platform.ops;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statement spans follow the sampler unless set explicitly: what an operator sees in the traces (TracingTest shows the
 * statements of a sampled trace in a running service).
 */
class StatementSpansTest {

    @Test
    void no_statement_spans_when_no_trace_is_kept() {
        assertEquals(false, statementSpans(Map.of(StatementSpans.RATIO, "0")));
        assertEquals(false, statementSpans(Map.of(StatementSpans.RATIO, "0.0")));
    }

    @Test
    void the_kernels_default_ratio_is_an_expression_that_comes_to_zero() {
        assertEquals(false, statementSpans(Map.of(StatementSpans.RATIO, "${DPA_TEST_UNSET_SAMPLE_RATIO:0}")));
        assertEquals(true, statementSpans(Map.of(StatementSpans.RATIO, "${DPA_TEST_UNSET_SAMPLE_RATIO:0.25}")));
    }

    @Test
    void statement_spans_as_quarkus_makes_them_when_traces_are_kept() {
        assertEquals(true, statementSpans(Map.of(StatementSpans.RATIO, "0.1")));
        assertEquals(true, statementSpans(Map.of(StatementSpans.RATIO, "1")));
        assertEquals(true, statementSpans(Map.of()), "no ratio: Quarkus keeps every trace");
    }

    @Test
    void a_setting_of_the_operator_wins() {
        Map<String, String> props = new HashMap<>();
        props.put(StatementSpans.RATIO, "0");
        props.put(StatementSpans.STATEMENTS, "true");
        assertEquals(true, statementSpans(props));
        props.put(StatementSpans.RATIO, "1");
        props.put(StatementSpans.STATEMENTS, "false");
        assertEquals(false, statementSpans(props));
    }

    @Test
    void a_ratio_that_is_not_a_number_leaves_the_default() {
        assertEquals(true, statementSpans(Map.of(StatementSpans.RATIO, "half")));
    }

    /** The setting as Quarkus reads it: its own default (true) below the sources, the interceptor discovered as in a service. */
    private static boolean statementSpans(Map<String, String> props) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredInterceptors()
                .addDefaultInterceptors()
                .withDefaultValue(StatementSpans.STATEMENTS, "true")
                .withSources(new PropertiesConfigSource(props, "application.properties", 250))
                .build();
        return config.getValue(StatementSpans.STATEMENTS, Boolean.class);
    }
}
