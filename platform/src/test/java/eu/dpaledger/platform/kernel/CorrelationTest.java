package eu.dpaledger.platform.kernel;

import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * X-Correlation-Id end to end (docs/ARCHITECTURE.md "HTTP conventions"): echoed on every response, kept when
 * usable and made when not, in the request's log lines, in the stored event's metadata, on the Kafka record
 * ({@code ce_correlationid}) and in the log lines of the projection that applies the event.
 */
@QuarkusTest
class CorrelationTest {

    private static final String TOPIC = "dpa.kerneltest";
    private static final String HEADER = "X-Correlation-Id";

    @Inject
    Pool pool;

    /** Log records with the correlation id they were written under (the MDC at the time of the call). */
    private record Line(String category, String message, String correlationId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    /** Each record's message with the whole MDC it was written under (what a JSON log line's "mdc" member holds). */
    private final List<Map.Entry<String, Map<String, String>>> contexts = new CopyOnWriteArrayList<>();
    private final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            lines.add(new Line(record.getLoggerName(), record.getFormattedMessage(), record.getMdc("correlationId")));
            Map<String, String> mdc = new java.util.HashMap<>();
            record.getMdcCopy().forEach((k, v) -> mdc.put(k, String.valueOf(v)));
            contexts.add(Map.entry(record.getFormattedMessage(), mdc));
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("eu.dpaledger").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("eu.dpaledger").removeHandler(capture);
    }

    @Test
    void the_caller_s_id_is_echoed_logged_stored_with_the_event_and_sent_to_kafka_and_the_projection_logs_it() {
        String correlation = "portal-" + UUID.randomUUID();
        Response created = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).header(HEADER, correlation).post("/counters");
        created.then().statusCode(201).header(HEADER, correlation);
        String id = created.path("id");

        assertEquals(correlation, storedCorrelation(id));
        assertTrue(lines.contains(new Line(CounterResource.class.getName(), "opening counter " + id, correlation)),
                "the resource's log line carries the id: " + lines);
        await().atMost(Duration.ofSeconds(15)).until(() -> !TopicReader.readAll(TOPIC, r -> id.equals(r.key())).isEmpty());
        assertEquals(correlation, TopicReader.readAll(TOPIC, r -> id.equals(r.key())).get(0).header("ce_correlationid"));
        // The projection's line about this event, whether the event came alone or in a batch with others (the fetch
        // waits up to 100 ms for company: another test's event often shares it).
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l ->
                l.category().equals(CounterTotals.class.getName()) && l.message().endsWith(" of " + id)));
        Line applied = lines.stream().filter(l -> l.category().equals(CounterTotals.class.getName())
                && l.message().endsWith(" of " + id)).findFirst().orElseThrow();
        assertEquals(correlation, applied.correlationId(), "the projection's log line carries the event's correlation id");
    }

    @Test
    void events_applied_in_one_batch_are_each_logged_under_their_own_correlation_id() {
        String counter = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).post("/counters")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l ->
                l.message().startsWith("counter-totals applies ") && l.message().contains(counter)));
        // Then three increments appended together: the runner fetches and applies them as one batch.
        Map<String, String> correlations = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, Map<String, String>>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String eventId = UUID.randomUUID().toString();
            String correlation = "portal-" + UUID.randomUUID();
            correlations.put(eventId, correlation);
            records.add(Map.entry("{\"event\":{\"by\":1}}", Map.of("ce_specversion", "1.0", "ce_id", eventId,
                    "ce_type", "eu.dpaledger.counter.Incremented.v1", "ce_source", "/test", "ce_subject", counter,
                    "ce_correlationid", correlation)));
        }
        TopicReader.writeAll(TOPIC, counter, records);
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l ->
                l.message().equals("counter-totals applies 3 events to " + counter)));
        correlations.forEach((eventId, correlation) -> assertEquals(correlation, lines.stream()
                .filter(l -> l.message().equals("counter-totals prepares event " + eventId + " of " + counter))
                .findFirst().orElseThrow(() -> new AssertionError("no line about " + eventId + ": " + lines))
                .correlationId(), "the projection's line about " + eventId + " carries that event's correlation id"));
    }

    @Test
    void a_request_s_log_lines_carry_its_correlation_id_and_its_trace_id() {
        String correlation = "portal-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).header(HEADER, correlation)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").post("/counters")
                .then().statusCode(201).extract().path("id");
        Map<String, String> mdc = contexts.stream().filter(c -> c.getKey().equals("opening counter " + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line of the request")).getValue();
        assertEquals(correlation, mdc.get("correlationId"), mdc.toString());
        assertEquals(traceId, mdc.get("traceId"), mdc.toString());
    }

    @Test
    void without_a_usable_id_the_server_makes_one_and_the_event_carries_the_one_echoed() {
        for (String sent : new String[] {null, "", "has spaces", "c".repeat(129), "line\u0085break"}) {
            var request = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK));
            if (sent != null) {
                request = request.header(HEADER, sent);
            }
            Response created = request.post("/counters");
            created.then().statusCode(201);
            String echoed = created.header(HEADER);
            assertEquals(echoed, UUID.fromString(echoed).toString(), "a UUID is made for " + sent);
            assertNotEquals(sent, echoed);
            assertEquals(echoed, storedCorrelation(created.path("id")), "the stored event has the id the caller saw");
        }
        String first = given().get("/no-such-path").header(HEADER);
        String second = given().get("/no-such-path").header(HEADER);
        assertNotEquals(first, second, "one per request");
    }

    @Test
    void problems_401_404_and_the_early_413_carry_the_id() throws Exception {
        String correlation = UUID.randomUUID().toString();
        given().header(HEADER, correlation).get("/counters/{id}", UUID.randomUUID().toString())
                .then().statusCode(401).header(HEADER, correlation);
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).header(HEADER, correlation)
                .get("/counters/{id}", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json").header(HEADER, correlation);
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).header(HEADER, correlation).get("/no-such-path")
                .then().statusCode(404).header(HEADER, correlation);
        // Announced over the server's hard limit: refused from the headers alone, before any resource sees it.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /counters/" + UUID.randomUUID() + "/increments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n" + HEADER + ": " + correlation + "\r\nContent-Length: "
                    + (5 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", response.readLine());
            List<String> headers = new ArrayList<>();
            for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertTrue(headers.contains("x-correlation-id: " + correlation), "the early 413 carries the id: " + headers);
        }
        given().header(HEADER, correlation).get("/q/health/live").then().header(HEADER, correlation);
    }

    @Test
    void a_dead_lettered_record_is_logged_under_its_correlation_id() {
        String correlation = "dlq-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TopicReader.write(TOPIC, eventId, "{not json", Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", "eu.dpaledger.counter.Incremented.v1", "ce_source", "/test", "ce_subject", eventId,
                "ce_correlationid", correlation));
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l -> l.message().contains("dead-letter")
                && correlation.equals(l.correlationId())));
    }

    private String storedCorrelation(String streamId) {
        return pool.preparedQuery("SELECT metadata ->> 'correlationId' AS c FROM events WHERE stream_id = $1 AND version = 1")
                .execute(Tuple.of(streamId)).await().indefinitely().iterator().next().getString("c");
    }
}
