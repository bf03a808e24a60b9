package eu.dpaledger.platform.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.eventstore.EventMetadata;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.PendingEvent;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input is a 4xx problem naming what is wrong, never a 5xx, and changes nothing: characters
 * PostgreSQL cannot store in bodies, path and query parameters and headers; duplicate keys; fields
 * and bodies over their limits; and, as the last guard, an event the broker would refuse.
 */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEMS = "https://dpa-ledger.eu/problems/";

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Test
    void a_nul_character_in_a_json_string_is_refused_naming_the_field_and_nothing_is_stored() {
        String id = openCounter();
        increment(id, "{\"by\":1,\"note\":\"abc\\u0000def\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unstorable-character"))
                .body("violations[0].field", equalTo("note"));
        assertEquals(1, events(id));
    }

    @Test
    void an_unpaired_surrogate_is_refused_rather_than_stored_as_a_question_mark() {
        String id = openCounter();
        increment(id, "{\"by\":1,\"note\":\"x\\ud800y\"}")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "unstorable-character"))
                .body("violations[0].field", equalTo("note"));
        // A proper pair (an emoji) is a character like any other.
        increment(id, "{\"by\":1,\"note\":\"\\ud83d\\ude00\"}").then().statusCode(200);
        assertEquals(2, events(id));
    }

    @Test
    void a_nul_character_or_bytes_that_are_not_utf8_in_a_path_id_or_a_query_value_are_a_400_naming_it() {
        String id = openCounter();
        given().auth().oauth2(token()).urlEncodingEnabled(false).get("/counters/abc%00def")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unstorable-character"))
                .body("violations[0].field", equalTo("path parameter id"));
        given().auth().oauth2(token()).urlEncodingEnabled(false).get("/counters/" + id + "?view=a%00b")
                .then().statusCode(400).body("violations[0].field", equalTo("query parameter view"));
        given().auth().oauth2(token()).urlEncodingEnabled(false).get("/counters/%ED%A0%80")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-encoding"))
                .body("violations[0].field", equalTo("path parameter id"));
        assertEquals(1, events(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "\"+99999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"2026-12-01T10:00:00\"",
            "\"2026-02-30T10:00:00Z\""})
    void an_instant_outside_rfc_3339_with_a_four_digit_year_is_refused_naming_the_field(String at) {
        String id = openCounter();
        increment(id, "{\"by\":1,\"at\":" + at + "}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("at"));
        increment(id, "{\"by\":1,\"at\":\"2026-12-01T11:00:00+01:00\"}").then().statusCode(200);
    }

    @Test
    void duplicate_keys_are_refused_naming_the_key() {
        String id = openCounter();
        increment(id, "{\"by\":1,\"by\":2}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "duplicate-key"))
                .body("violations[0].field", equalTo("by"));
        assertEquals(1, events(id));
    }

    @Test
    void a_one_megabyte_field_is_refused_naming_it_and_a_field_over_the_limit_too() {
        String id = openCounter();
        increment(id, "{\"by\":1,\"note\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "field-too-long"))
                .body("violations[0].field", equalTo("note"))
                .body("detail", containsString("at most 20000"));
        increment(id, "{\"by\":1,\"note\":\"" + "x".repeat(20_001) + "\"}")
                .then().statusCode(400).body("violations[0].field", equalTo("note"));
        increment(id, "{\"by\":1,\"note\":\"" + "x".repeat(20_000) + "\"}").then().statusCode(200);
        assertEquals(2, events(id));
    }

    @Test
    void a_body_over_its_limit_is_a_413_problem() {
        String id = openCounter();
        // No single field is too long, the body as a whole is (256 KiB): whitespace padding.
        increment(id, "{\"by\":1," + " ".repeat(300_000) + "\"note\":\"ok\"}")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "body-too-large"));
        assertEquals(1, events(id));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 11})
    void a_request_announced_over_the_servers_hard_limit_is_a_413_problem_before_it_is_read(int mebibytes) throws Exception {
        String id = openCounter();
        // Headers only: the server answers from the Content-Length, without reading the body.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /counters/" + id + "/increments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token()
                    + "\r\nContent-Type: application/json\r\nIf-Match: \"1\"\r\nContent-Length: " + (mebibytes * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", response.readLine());
            List<String> headers = new java.util.ArrayList<>();
            for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
            assertTrue(headers.contains("content-type: application/problem+json"), "a problem document: " + headers);
        }
        assertEquals(1, events(id));
    }

    @Test
    void the_id_of_another_kind_of_stream_is_404_as_an_unknown_id_not_a_500() {
        String other = "other-" + UUID.randomUUID();
        ObjectNode payload = mapper.createObjectNode().put("owner", Tokens.OPWIJK);
        pool.withTransaction(tx -> store.append(tx, other, "not-a-counter", 0, List.of(new PendingEvent("SomethingElse", 1, payload,
                        mapper.createObjectNode())), new EventMetadata("tester", Tokens.OPWIJK, List.of("controller"), "c", null, null),
                Instant.now())).await().indefinitely();
        given().auth().oauth2(token()).get("/counters/{id}", other)
                .then().statusCode(404).contentType("application/problem+json");
        increment(other, "{\"by\":1}").then().statusCode(404).contentType("application/problem+json");
        assertEquals(1, events(other));
    }

    @Test
    void a_missing_body_on_a_command_that_needs_one_is_a_400() {
        String id = openCounter();
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .post("/counters/{id}/increments", id)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "body-required"));
    }

    @Test
    void an_event_the_broker_would_refuse_is_not_appended() {
        String stream = "guard-" + UUID.randomUUID();
        ObjectNode payload = mapper.createObjectNode().put("owner", Tokens.OPWIJK);
        ObjectNode published = mapper.createObjectNode().put("text", "x".repeat(1_100_000));
        HttpProblem refused = assertThrows(HttpProblem.class, () -> pool.withTransaction(tx -> store.append(tx, stream,
                        "counter", 0, List.of(new PendingEvent("Opened", 1, payload, published)),
                        new EventMetadata("tester", Tokens.OPWIJK, List.of("controller"), "c", null, null), Instant.now()))
                .await().indefinitely());
        assertEquals(413, refused.status());
        assertEquals("event-too-large", refused.rule());
        assertEquals(0, events(stream));
    }

    private static String token() {
        return Tokens.controller(Tokens.OPWIJK);
    }

    private static String openCounter() {
        return given().auth().oauth2(token()).post("/counters").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response increment(String id, String body) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                .post("/counters/{id}/increments", id);
    }

    private int events(String stream) {
        return store.load(pool, stream).await().indefinitely().size();
    }
}
