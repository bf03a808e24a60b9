package eu.dpaledger.platform.ops;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Statement spans only where traces are kept (docs/ARCHITECTURE.md "Traces"). With {@code DPA_OTEL_SAMPLE_RATIO} at 0,
 * the default, no trace is recorded, yet the reactive PostgreSQL client's tracer still started a span for every
 * statement, its name and attributes taken from the statement's text: 3.8% of agreement-service's CPU at its peak, for
 * nothing (bench/RESULTS.md). Unless {@code quarkus.otel.instrument.vertx-sql-client} is set explicitly, it now follows
 * the sampler: off when the ratio is 0, on (Quarkus' default) when any trace is kept. Requests, applied events and
 * webhook attempts keep their spans either way: their ids travel with the events and into the logs.
 */
@Priority(Priorities.APPLICATION)
public class StatementSpans implements ConfigSourceInterceptor {

    static final String STATEMENTS = "quarkus.otel.instrument.vertx-sql-client";
    static final String RATIO = "quarkus.otel.traces.sampler.arg";
    /** The lowest ordinal of a source someone wrote (a jar's microprofile-config.properties); below are built-in defaults. */
    private static final int SET_EXPLICITLY = 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!STATEMENTS.equals(name) || (value != null && value.getConfigSourceOrdinal() >= SET_EXPLICITLY)) {
            return value;
        }
        if (!nothingSampled(context.proceed(RATIO))) {
            return value;
        }
        return value == null
                ? ConfigValue.builder().withName(name).withValue("false").withConfigSourceName(getClass().getSimpleName()).build()
                : value.withValue("false");
    }

    /** True when the sampler's ratio is 0 (or below); a ratio that is not a number is left to the sampler to refuse. */
    static boolean nothingSampled(ConfigValue ratio) {
        if (ratio == null || ratio.getValue() == null) {
            return false; // no ratio: Quarkus samples everything by default
        }
        try {
            return Double.parseDouble(ratio.getValue().trim()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
