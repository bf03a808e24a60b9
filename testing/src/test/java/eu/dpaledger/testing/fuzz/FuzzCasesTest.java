package eu.dpaledger.testing.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuzzer's own guarantees: reproducible plans, every hostile value sent, exact bytes, and the rule it checks. */
class FuzzCasesTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{
              "/things/{id}/notes":{"post":{
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},
                              {"name":"If-Match","in":"header","schema":{"type":"string"}},
                              {"name":"limit","in":"query","schema":{"type":"integer"}}],
                "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Note"}}}}}},
              "/things/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]}}},
             "components":{"schemas":{"Note":{"type":"object",
                "examples":[{"text":"hello","at":"2027-01-10T10:00:00Z","count":3,"tags":["a"]}],
                "properties":{"text":{"type":"string"},"at":{"type":"string","format":"date-time"},
                              "count":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}}}}}}
            """;

    private static final List<ApiOperation> OPERATIONS = ApiOperation.parse(DOCUMENT);
    private static final List<String> ROLES = List.of("controller", "processor");

    @Test
    void the_example_of_an_openapi_3_1_schema_is_the_valid_body() {
        ApiOperation post = operation("POST /things/{id}/notes");
        assertEquals("example", post.bodySource());
        assertEquals("hello", post.baseBody().path("text").asText());
    }

    @Test
    void the_same_seed_gives_the_same_requests_and_another_seed_other_ones() {
        assertEquals(render(plan(7)), render(plan(7)));
        assertFalse(render(plan(7)).equals(render(plan(8))));
    }

    @Test
    void every_hostile_string_number_instant_and_path_id_is_sent_in_one_pass() {
        Set<String> kinds = plan(7).values().stream().flatMap(List::stream).map(FuzzCase::kind).collect(Collectors.toSet());
        for (EdgeValues.Edge e : EdgeValues.strings()) {
            assertTrue(kinds.contains("string:" + e.name()), "string:" + e.name());
        }
        for (EdgeValues.Edge e : EdgeValues.numbers()) {
            assertTrue(kinds.contains("number:" + e.name()), "number:" + e.name());
        }
        for (EdgeValues.Edge e : EdgeValues.instants()) {
            assertTrue(kinds.contains("instant:" + e.name()), "instant:" + e.name());
        }
        for (EdgeValues.Edge e : EdgeValues.pathIds()) {
            assertTrue(kinds.contains("path-id:" + e.name()), "path-id:" + e.name());
        }
    }

    @Test
    void a_lone_surrogate_goes_on_the_wire_as_the_escape_no_json_library_would_write() {
        FuzzCase lone = plan(7).get(operation("POST /things/{id}/notes")).stream()
                .filter(c -> c.kind().equals("string:lone-high-surrogate")).findFirst().orElseThrow();
        String body = new String(lone.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"x\\ud800\""), body);
    }

    @Test
    void a_duplicate_key_is_sent_twice_in_one_object() {
        FuzzCase dup = plan(7).get(operation("POST /things/{id}/notes")).stream()
                .filter(c -> c.kind().equals("object:duplicate-key")).findFirst().orElseThrow();
        String body = new String(dup.body(), StandardCharsets.UTF_8);
        assertEquals(2, body.split("\"text\":", -1).length - 1, body);
    }

    @Test
    void a_5xx_or_a_4xx_that_is_no_problem_document_breaks_the_rule() {
        FuzzCase plain = FuzzCase.body("field:null", "/text", null);
        assertNotNull(ApiFuzzer.broken(plain, response(500, "application/problem+json", "{\"type\":\"t\",\"title\":\"x\",\"status\":500}")));
        assertNotNull(ApiFuzzer.broken(plain, response(400, "application/json", "{\"type\":\"t\",\"title\":\"x\",\"status\":400}")));
        assertNotNull(ApiFuzzer.broken(plain, response(400, "application/problem+json", "{\"title\":\"x\",\"status\":400}")));
        assertNotNull(ApiFuzzer.broken(plain, response(404, "application/problem+json", "{\"type\":\"t\",\"title\":\"x\",\"status\":400}")));
        assertNotNull(ApiFuzzer.broken(plain, new RawHttp.Response(-1, Map.of(), new byte[0], "connection reset")));
        assertNull(ApiFuzzer.broken(plain, response(400, "application/problem+json", "{\"type\":\"t\",\"title\":\"x\",\"status\":400}")));
        assertNull(ApiFuzzer.broken(plain, response(201, "application/json", "{}")));
    }

    @Test
    void a_message_beyond_http_limits_may_be_refused_without_a_document_but_not_accepted() {
        FuzzCase tooLong = FuzzCase.path("http:path-id-10000-chars", "id", "a".repeat(10_000));
        assertNull(ApiFuzzer.broken(tooLong, response(414, null, "")));
        assertNotNull(ApiFuzzer.broken(tooLong, response(200, "application/json", "{}")));
        assertNotNull(ApiFuzzer.broken(tooLong, response(500, null, "")));
    }

    private static RawHttp.Response response(int status, String contentType, String body) {
        return new RawHttp.Response(status, contentType == null ? Map.of() : Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static Map<ApiOperation, List<FuzzCase>> plan(long seed) {
        return FuzzCases.plan(OPERATIONS, seed, ROLES, op -> List.of("t-1"));
    }

    private static List<String> render(Map<ApiOperation, List<FuzzCase>> plan) {
        return plan.values().stream().flatMap(List::stream)
                .map(c -> c.kind() + " " + c.detail() + " " + c.pathValues() + " " + c.query() + " "
                        + (c.body() == null ? "" : Arrays.toString(c.body())))
                .toList();
    }

    private static ApiOperation operation(String key) {
        return OPERATIONS.stream().filter(op -> op.key().equals(key)).findFirst().orElseThrow();
    }
}
