package eu.dpaledger.platform.kernel;

import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace shows a command from the request to the read model (real Kafka and PostgreSQL, spans in memory): the
 * caller's W3C trace context is continued by the request's span, carried with the event's outbox row onto the Kafka
 * record (CloudEvents extension {@code traceparent}) and continued by the span of the projection that applies it.
 */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void a_command_is_one_trace_from_the_request_through_kafka_to_the_projection() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String id = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .post("/counters").then().statusCode(201).extract().path("id");

        // The record on the topic carries the trace: its traceparent names the trace and the request's span.
        TopicReader.Received record = await().atMost(Duration.ofSeconds(15)).until(
                () -> TopicReader.readAll("dpa.kerneltest", r -> id.equals(r.key())).stream().findFirst().orElse(null),
                r -> r != null);
        String traceparent = String.valueOf(record.header("ce_traceparent"));
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), traceparent);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            SpanData request = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow(
                    () -> new AssertionError("no server span in " + names(trace)));
            assertEquals(callerSpan, request.getParentSpanId(), "the request continues the caller's trace");
            SpanData applied = trace.stream().filter(s -> s.getName().equals("apply counter-totals")).findFirst().orElseThrow(
                    () -> new AssertionError("no projection span in " + names(trace)));
            assertEquals(SpanKind.CONSUMER, applied.getKind());
            assertEquals(traceparent.split("-")[2], applied.getParentSpanId(), "the projection continues the published context");
            assertTrue(applied.getStartEpochNanos() >= request.getStartEpochNanos());
            assertFalse(applied.getAttributes().isEmpty());
            // Traces are kept here (sampler ratio 1), so the statements have their spans too (StatementSpans).
            assertTrue(trace.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT
                            && s.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db."))),
                    "no statement span in " + names(trace));
        });
    }

    private static List<String> names(List<SpanData> trace) {
        return trace.stream().map(s -> s.getKind() + " " + s.getName()).toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero (an invalid id)
        return bytes;
    }
}
