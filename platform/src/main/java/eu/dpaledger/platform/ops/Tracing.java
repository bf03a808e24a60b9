package eu.dpaledger.platform.ops;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Carries a command's trace past the places OpenTelemetry's instrumentation cannot see (docs/ARCHITECTURE.md "Traces"):
 * the request's W3C {@code traceparent} is stored with the event's outbox row, published as the CloudEvents extension
 * {@code traceparent}, and continued by a span per projection that applies the event and per webhook delivery of it.
 */
@ApplicationScoped
public class Tracing {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    /** The current span's context as a W3C {@code traceparent}, or null outside a trace. */
    public static String currentTraceparent() {
        return traceparent(Span.current());
    }

    /** The span's context as a W3C {@code traceparent}, or null when it has none. */
    public static String traceparent(Span span) {
        SpanContext context = span.getSpanContext();
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex()
                : null;
    }

    /** A span named {@code name} continuing the trace of {@code traceparent} (a new trace when it is null or malformed). */
    public Span start(String name, String traceparent, SpanKind kind, Map<String, String> attributes) {
        Context parent = traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent), GETTER);
        var builder = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind);
        attributes.forEach(builder::setAttribute);
        return builder.startSpan();
    }

    /** Ends the spans (after the work they describe, whether it succeeded or not). */
    public static void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
            }
            span.end();
        }
    }
}
