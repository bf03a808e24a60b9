package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API's HTTP conventions: ETag/If-Match, Idempotency-Key, correlation ids, problem details, operations endpoints. */
@QuarkusTest
class HttpConventionsTest {

    @Test
    void a_command_on_an_existing_agreement_needs_if_match() {
        String id = createDraft();
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(signature())
                .post("/agreements/{id}/signatures", id).then(), 428, "if-match-required");
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(seed().toString())
                .put("/agreements/{id}", id).then(), 428, "if-match-required");
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"1\"").body("signatures", empty());
    }

    @Test
    void a_stale_if_match_is_refused_with_the_current_version() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        ObjectNode body = seed();
        ((ArrayNode) body.get("purposes")).add("Newsletter");
        problem(put(processorToken(), id, 1, body), 412, "stale-version")
                .body("currentVersion", equalTo(2))
                .body("currentETag", equalTo("\"2\""));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"2\"")
                .body("signatures[0].voided", equalTo(false))
                .body("content.purposes", not(hasItem("Newsletter")));
    }

    @Test
    void of_two_concurrent_commands_on_the_same_version_one_wins_and_the_other_is_stale() throws Exception {
        String id = createDraft();
        List<Integer> statuses = concurrently(
                () -> sign(controllerToken(), id, 1).extract().statusCode(),
                () -> sign(processorToken(), id, 1).extract().statusCode());
        assertThat(statuses, containsInAnyOrder(200, 412));
        get(controllerToken(), "/agreements/{id}", id).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("DRAFT")).body("signatures", hasSize(1));
    }

    @Test
    void concurrent_retries_with_one_idempotency_key_create_one_agreement() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = seed().toString();
        List<String> ids = concurrently(
                () -> createWithKey(controllerToken(), key, body).statusCode(201).extract().<String>path("id"),
                () -> createWithKey(controllerToken(), key, body).statusCode(201).extract().<String>path("id"));
        assertEquals(ids.get(0), ids.get(1));
    }

    @Test
    void an_if_match_that_is_no_etag_is_refused() {
        String id = createDraft();
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "latest")
                .body(signature()).post("/agreements/{id}/signatures", id).then(), 400, "invalid-if-match");
    }

    @Test
    void a_weak_etag_is_accepted_as_if_match() {
        String id = createDraft();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "W/\"1\"")
                .body(signature()).post("/agreements/{id}/signatures", id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void a_retried_creation_returns_the_first_response_and_creates_nothing() {
        String org = newEnterpriseNumber();
        String token = Tokens.controller(org);
        String key = UUID.randomUUID().toString();
        String body = seedWithController(org).toString();
        String id = createWithKey(token, key, body).statusCode(201).header("ETag", "\"1\"")
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        createWithKey(token, key, body).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"")
                .header("Location", endsWith("/agreements/" + id))
                .body("id", equalTo(id));
        get(token, "/agreements/{id}/events", id).statusCode(200).body("items.type", contains("DraftCreated"));
        // A later agreement of the same organisation, to know the list has caught up.
        String later = createDraft(token, seedWithController(org));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(token, "/agreements").statusCode(200)
                .body("items.agreementId", hasItems(id, later)));
        get(token, "/agreements").statusCode(200).body("items", hasSize(2));
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused() {
        String key = UUID.randomUUID().toString();
        createWithKey(controllerToken(), key, seed().toString()).statusCode(201);
        ObjectNode other = seed();
        ((ArrayNode) other.get("purposes")).add("Newsletter");
        problem(createWithKey(controllerToken(), key, other.toString()), 422, "idempotency-key-reused");
    }

    @Test
    void idempotency_keys_belong_to_the_caller() {
        String key = UUID.randomUUID().toString();
        String first = createWithKey(controllerToken(), key, seed().toString()).statusCode(201).extract().path("id");
        String second = createWithKey(processorToken(), key, seed().toString()).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void a_retried_command_is_applied_once() {
        String id = createDraft();
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .header("Idempotency-Key", key).body(signature()).post("/agreements/{id}/signatures", id)
                .then().statusCode(200).header("ETag", "\"2\"");
        // The retry carries the same If-Match; it is answered from the first response, not refused as stale.
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .header("Idempotency-Key", key).body(signature()).post("/agreements/{id}/signatures", id)
                .then().statusCode(200).header("ETag", "\"2\"").header("Idempotent-Replayed", "true")
                .body("signatures", hasSize(1));
        get(controllerToken(), "/agreements/{id}/events", id).statusCode(200).body("items", hasSize(2));
    }

    @Test
    void an_idempotency_key_longer_than_200_characters_is_refused() {
        problem(createWithKey(controllerToken(), "k".repeat(201), seed().toString()), 400, "invalid-idempotency-key");
    }

    @Test
    void a_refused_command_is_not_replayed_as_a_success() {
        String id = activeAgreement();
        String key = UUID.randomUUID().toString();
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .header("Idempotency-Key", key).body(signature()).post("/agreements/{id}/signatures", id).then(),
                409, "agreement-not-draft");
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .header("Idempotency-Key", key).body(signature()).post("/agreements/{id}/signatures", id).then(),
                409, "agreement-not-draft");
    }

    @Test
    void the_correlation_id_and_the_caller_are_kept_with_the_event() {
        String correlation = "corr-" + UUID.randomUUID();
        String id = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .header("X-Correlation-Id", correlation).body(seed().toString()).post("/agreements")
                .then().statusCode(201).extract().path("id");
        get(processorToken(), "/agreements/{id}/events", id).statusCode(200)
                .body("items[0].metadata.correlationId", equalTo(correlation))
                .body("items[0].metadata.actorOrganisation", equalTo(CONTROLLER))
                .body("items[0].metadata.actorSubject", equalTo("dpo-" + CONTROLLER))
                .body("items[0].metadata.actorRoles", contains("controller"));
    }

    @Test
    void a_body_that_is_not_json_is_unsupported() {
        given().auth().oauth2(controllerToken()).contentType(ContentType.TEXT).body("hello").post("/agreements")
                .then().statusCode(415).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "unsupported-media-type"));
    }

    @Test
    void an_unknown_path_is_a_not_found_problem() {
        problem(get(controllerToken(), "/agreements/{id}/nothing-here", UUID.randomUUID().toString()), 404, "not-found");
    }

    @Test
    void the_openapi_document_describes_the_agreement_api() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/agreements"))
                .body("paths", hasKey("/agreements/{id}/signatures"))
                .body("paths", hasKey("/agreements/{id}/destruction-confirmation"));
    }

    @Test
    void the_service_reports_ready() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Runs both calls at the same moment and returns their results in order. */
    @SafeVarargs
    private static <T> List<T> concurrently(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ValidatableResponse createWithKey(String token, String key, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/agreements").then();
    }
}
