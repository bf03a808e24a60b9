package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import eu.dpaledger.subprocessor.StubHostResolver;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook deliveries to a real HTTP receiver on this machine: Standard Webhooks signature verified with
 * the subscription's secret, retries after the receiver fails, the delivery log, and organisation scoping.
 */
@QuarkusTest
class WebhookTest {

    private static final String ANNOUNCED = "eu.dpaledger.subprocessor.ChangeAnnounced.v1";
    private static final String OBJECTED = "eu.dpaledger.subprocessor.ObjectionRaised.v1";

    /** One request the receiver got. */
    record Received(String path, Map<String, String> headers, String body) {
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @jakarta.inject.Inject
    java.time.Clock clock;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch slowStarted = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch slowRelease = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", url("/target"));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            if (exchange.getRequestURI().getPath().equals("/slow") && slowStarted.getCount() > 0) {
                slowStarted.countDown(); // the first request to /slow waits; later ones are answered at once
                try {
                    slowRelease.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (exchange.getRequestURI().getPath().equals("/trickle") || exchange.getRequestURI().getPath().equals("/huge")) {
                boolean trickle = exchange.getRequestURI().getPath().equals("/trickle");
                exchange.sendResponseHeaders(200, 0); // chunked
                try (var out = exchange.getResponseBody()) {
                    byte[] chunk = new byte[trickle ? 1 : 1 << 20];
                    for (int i = 0; i < (trickle ? 40 : 64); i++) { // a byte every 250 ms for 10 s, or 64 MiB at once
                        out.write(chunk);
                        out.flush();
                        if (trickle) {
                            Thread.sleep(250);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the sender hung up
                }
                exchange.close();
                return;
            }
            int status = exchange.getRequestURI().getPath().equals("/down") || failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a slow answer holds one thread only
        receiver.start();
    }

    @AfterEach
    void stopReceiverAndUnsubscribe() {
        slowRelease.countDown();
        receiver.stop(0);
        for (String token : List.of(controllerToken(), Tokens.controller(Tokens.VOORBEELD), Tokens.processor(CONTROLLER))) {
            List<String> ids = given().auth().oauth2(token).get("/webhook-subscriptions").then().extract().path("items.id");
            ids.forEach(id -> given().auth().oauth2(token).delete("/webhook-subscriptions/{id}", id).then().statusCode(204));
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void the_controller_receives_signed_events_of_its_agreement_and_can_verify_them() throws Exception {
        String agreement = activeAgreement();
        var created = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/opwijk"), "eventTypes", List.of(ANNOUNCED, OBJECTED)))
                .post("/webhook-subscriptions").then().statusCode(201).body("secret", startsWith("whsec_"));
        String subscription = created.extract().path("id");
        String secret = created.extract().path("secret");
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}", subscription).then().statusCode(200)
                .body("url", equalTo(url("/opwijk"))).body("secret", org.hamcrest.Matchers.nullValue());

        String change = announced(agreement);
        object(change, 1).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 2);
        for (Received r : forChange(change)) {
            String id = r.headers().get("webhook-id");
            long timestamp = Long.parseLong(r.headers().get("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "timestamp is now");
            assertEquals(sign(secret, id, timestamp, r.body()), r.headers().get("webhook-signature"), "HMAC-SHA256 per Standard Webhooks");
            assertEquals("application/json", r.headers().get("content-type"));
            JsonNode ce = JSON.readTree(r.body());
            assertEquals("1.0", ce.path("specversion").asText());
            assertEquals(agreement, ce.path("data").path("agreementId").asText());
        }
        // Deliveries are not ordered (a batch is sent concurrently, retries reorder anyway): both arrived, once each.
        assertEquals(java.util.Set.of(ANNOUNCED, OBJECTED), forChange(change).stream().map(r -> type(r.body()))
                .collect(java.util.stream.Collectors.toSet()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(200)
                .body("items.findAll { it.status == 'DELIVERED' }", hasSize(2))
                .body("items[0].log[0].statusCode", equalTo(204)));
    }

    @Test
    void a_delivery_carries_the_correlation_id_of_the_request_that_caused_its_event() throws Exception {
        String agreement = activeAgreement();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/correlated"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201);
        String correlation = "portal-" + java.util.UUID.randomUUID();
        String change = given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .header("X-Correlation-Id", correlation).body(addCloudflare().toString())
                .post("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(201).header("X-Correlation-Id", correlation).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 1);
        Received delivery = forChange(change).get(0);
        assertEquals(correlation, delivery.headers().get("x-correlation-id"));
        assertEquals(correlation, JSON.readTree(delivery.body()).path("correlationid").asText(),
                "the CloudEvent's extension attribute, covered by the signature");
        // The receipt (docs/EVIDENCE.md "Receipts"): the stream's head after the event, as on the topic.
        eu.dpaledger.testing.TopicReader.Received published = eu.dpaledger.testing.TopicReader.readAll("dpa.subprocessors",
                r -> change.equals(r.key())).get(0);
        assertEquals("1", JSON.readTree(delivery.body()).path("streamversion").asText());
        assertEquals(published.header("ce_chainhash"), JSON.readTree(delivery.body()).path("chainhash").asText());
        assertEquals(64, published.header("ce_chainhash").length());
    }

    @Test
    void a_failing_receiver_gets_the_delivery_again_with_the_same_webhook_id() {
        String agreement = activeAgreement();
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/flaky"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        failuresLeft.set(2);
        String change = announced(agreement);
        // Polled quietly (no assertion dumps while the retries are pending), then checked.
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items[0].status")));
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", subscription).then()
                .statusCode(200)
                .body("items[0].attempts", equalTo(3))
                .body("items[0].log.statusCode", equalTo(List.of(503, 503, 204)));
        List<Received> attempts = forChange(change);
        assertEquals(3, attempts.size());
        assertEquals(1, attempts.stream().map(r -> r.headers().get("webhook-id")).distinct().count(), "one webhook-id across retries");
    }

    @Test
    void a_delivered_attempt_ends_the_failing_period_so_a_later_failure_does_not_disable_the_subscription() {
        String agreement = activeAgreement();
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/flaky"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        // Its receiver had failed for six days (dpa.webhooks.disable-after is five), and now answers again.
        pool.preparedQuery("UPDATE webhook_subscriptions SET failing_since = $2 WHERE subscription_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(subscription),
                        clock.instant().minus(Duration.ofDays(6)).atOffset(java.time.ZoneOffset.UTC))).await().indefinitely();
        String first = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(first).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items[0].status")));

        // The next delivery fails once: a new failing period starts, the subscription is not disabled, the retry delivers.
        failuresLeft.set(1);
        String second = announced(agreement);
        await().atMost(Duration.ofSeconds(30)).until(() -> forChange(second).size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(503, 204).equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items.find { it.attempts == 2 }.log.statusCode")));
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}", subscription).then()
                .body("status", equalTo("ACTIVE")).body("disabledAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void a_redirect_is_not_followed_and_counts_as_a_failed_attempt() {
        String agreement = activeAgreement();
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/redirect"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> !forChange(change).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items[0].log[0].statusCode") != null);
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", subscription).then()
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].log[0].statusCode", equalTo(302))
                .body("items[0].nextAttemptAt", org.hamcrest.Matchers.notNullValue());
        assertTrue(received.stream().noneMatch(r -> r.path().equals("/target")), "the redirect target was never called");
    }

    @Test
    void a_delivery_persisted_before_a_crash_is_sent_from_the_database_after_the_restart() {
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/after-restart"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        // The state a crash leaves: the fan-out committed the delivery row, the instance died while it held
        // the lease, the lease has run out. Nothing in memory knows of it.
        String eventId = java.util.UUID.randomUUID().toString();
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"type\":\"" + ANNOUNCED
                + "\",\"data\":{\"changeId\":\"" + eventId + "\"}}";
        pool.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, agreement_id, "
                        + "payload, status, next_attempt_at, created_at) VALUES (gen_random_uuid(), $1, $2, $3, 'a-1', $4, "
                        + "'PENDING', now() - interval '1 minute', now() - interval '2 minutes')")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(subscription),
                        java.util.UUID.fromString(eventId), ANNOUNCED, body))
                .await().indefinitely();
        await().atMost(Duration.ofSeconds(15)).until(() -> forChange(eventId).size() == 1);
        assertEquals(body, forChange(eventId).get(0).body());
    }

    @Test
    void subscriptions_only_see_their_own_organisations_agreements() {
        String agreement = activeAgreement();
        String foreign = given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).contentType(ContentType.JSON)
                .body(Map.of("url", url("/voorbeeld"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/opwijk-2"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201);
        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 1);
        assertEquals("/opwijk-2", forChange(change).get(0).path());
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}", foreign).then().statusCode(404);
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", foreign).then().statusCode(404);
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/webhook-subscriptions/{id}/deliveries", foreign)
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(controllerToken()).delete("/webhook-subscriptions/{id}", foreign).then().statusCode(404);
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).delete("/webhook-subscriptions/{id}", foreign).then().statusCode(204);
    }

    @Test
    void a_subscription_only_gets_the_agreements_its_organisation_is_party_to_in_the_role_it_was_made_in() {
        String agreement = activeAgreement();
        // Opwijk is the controller of the agreement: a subscription made by one of its staff as processor is not a party's.
        String opwijkAsProcessor = Tokens.processor(CONTROLLER);
        String asProcessor = given().auth().oauth2(opwijkAsProcessor).contentType(ContentType.JSON)
                .body(Map.of("url", url("/opwijk-as-processor"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        String asController = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/opwijk-as-controller"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 1);
        assertEquals("/opwijk-as-controller", forChange(change).get(0).path());
        // Both deliveries would have been queued in one statement: the processor's subscription has none.
        given().auth().oauth2(opwijkAsProcessor).get("/webhook-subscriptions/{id}/deliveries", asProcessor).then()
                .statusCode(200).body("items", hasSize(0));
        // Each is seen and managed only in the role it was made in.
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}", asProcessor).then().statusCode(404);
        given().auth().oauth2(opwijkAsProcessor).get("/webhook-subscriptions/{id}", asController).then().statusCode(404);
        given().auth().oauth2(opwijkAsProcessor).get("/webhook-subscriptions").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(asProcessor));
        given().auth().oauth2(controllerToken()).delete("/webhook-subscriptions/{id}", asProcessor).then().statusCode(404);
    }

    @Test
    void webhook_urls_must_be_https_or_loopback_http_and_event_types_must_exist() {
        for (String bad : List.of("ftp://hooks.example/x", "http://hooks.example/x", "https://user:pw@hooks.example/x", "/relative", "")) {
            given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                    .body(Map.of("url", bad, "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions")
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "invalid-webhook-url"));
        }
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example/x", "eventTypes", List.of("eu.dpaledger.subprocessor.Nope.v1")))
                .post("/webhook-subscriptions").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-event-types"));
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example/x\",\"eventTypes\":[null]}")
                .post("/webhook-subscriptions").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "invalid-event-types"));
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example/x", "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201);
    }

    @Test
    void a_url_whose_host_resolves_to_a_private_loopback_or_metadata_address_is_refused_and_nothing_is_subscribed() {
        Map<String, String> refused = Map.of(
                "https://intranet.example/hook", "resolves to 10.0.0.1, a private address",
                "https://metadata.example/latest/meta-data", "resolves to 169.254.169.254, a link-local address",
                "https://172.16.0.9/hook", "resolves to 172.16.0.9, a private address",
                "https://[fd00:ec2::254]/hook", "a private address (unique local)",
                "https://[::ffff:10.0.0.1]/hook", "a private address",
                "https://100.64.0.1/hook", "carrier-grade NAT",
                "https://unknown-host.example/hook", "does not resolve");
        refused.forEach((url, reason) -> given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "invalid-webhook-url"))
                .body("violations[0].field", equalTo("url"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString(reason)));
        List<String> urls = given().auth().oauth2(controllerToken()).get("/webhook-subscriptions").then().statusCode(200)
                .extract().path("items.url");
        assertTrue(urls.stream().noneMatch(refused::containsKey), "nothing was subscribed: " + urls);
    }

    @Test
    void a_host_that_resolves_to_a_private_address_by_the_time_of_delivery_gets_no_request() {
        String agreement = activeAgreement();
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example/moved", "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        // The name now points into the operator's network (DNS rebinding): the delivery must not go there.
        StubHostResolver.NAMES.put("hooks.example", "10.0.0.1");
        try {
            announced(agreement);
            await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(controllerToken())
                    .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items[0].log[0]") != null);
            given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", subscription).then()
                    .body("items[0].status", equalTo("PENDING"))
                    .body("items[0].log[0].statusCode", org.hamcrest.Matchers.nullValue())
                    .body("items[0].log[0].error", equalTo("refused: url host hooks.example resolves to 10.0.0.1, a private address"));
        } finally {
            StubHostResolver.NAMES.put("hooks.example", "203.0.113.10");
        }
    }

    @Test
    void a_receiver_that_answers_slowly_does_not_hold_up_the_deliveries_to_others() throws Exception {
        String agreement = activeAgreement();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/slow"), "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions").then().statusCode(201);
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/prompt"), "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions").then().statusCode(201);
        String firstChange = announced(agreement);
        assertTrue(slowStarted.await(20, java.util.concurrent.TimeUnit.SECONDS), "the slow receiver got the first event");
        Instant slowSince = Instant.now();
        // While the slow receiver sits on the first event (until the 3-second timeout of the tests), the next event
        // reaches the prompt receiver.
        String second = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(second).stream().anyMatch(r -> r.path().equals("/prompt")));
        Duration waited = Duration.between(slowSince, Instant.now());
        assertTrue(waited.compareTo(Duration.ofMillis(2500)) < 0, "delivered " + waited + " after the slow answer began, "
                + "before its timeout: nobody waited for it; first change " + firstChange);
        slowRelease.countDown();
    }

    @Test
    void a_rotated_secret_signs_beside_the_previous_one_during_the_overlap_and_alone_after_it() throws Exception {
        String agreement = activeAgreement();
        var created = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/rotating"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201);
        String subscription = created.extract().path("id");
        String before = created.extract().path("secret");
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).post("/webhook-subscriptions/{id}/secret", subscription)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        Instant rotatedFrom = eu.dpaledger.testing.TestClock.now().minusMillis(1);
        var rotated = given().auth().oauth2(controllerToken()).post("/webhook-subscriptions/{id}/secret", subscription)
                .then().statusCode(200).body("id", equalTo(subscription)).body("secret", startsWith("whsec_"));
        String after = rotated.extract().path("secret");
        assertFalse(after.equals(before));
        Instant until = Instant.parse(rotated.extract().path("previousSecretValidUntil"));
        assertTrue(!until.isBefore(rotatedFrom.plus(Duration.ofHours(24)))
                && !until.isAfter(eu.dpaledger.testing.TestClock.now().plus(Duration.ofHours(24))), "24 hours of overlap: " + until);

        String during = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(during).size() == 1);
        List<String> signatures = signatures(forChange(during).get(0));
        assertEquals(2, signatures.size(), "both secrets sign during the overlap: " + signatures);
        assertTrue(signatures.contains(expected(after, forChange(during).get(0))), "one verifies with the new secret");
        assertTrue(signatures.contains(expected(before, forChange(during).get(0))), "one verifies with the previous secret");

        pool.preparedQuery("UPDATE webhook_subscriptions SET previous_valid_until = $2 WHERE subscription_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(subscription),
                        eu.dpaledger.testing.TestClock.now().minusSeconds(1).atOffset(java.time.ZoneOffset.UTC)))
                .await().indefinitely();
        String afterwards = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(afterwards).size() == 1);
        assertEquals(List.of(expected(after, forChange(afterwards).get(0))), signatures(forChange(afterwards).get(0)),
                "after the overlap the new secret signs alone");
    }

    private static List<String> signatures(Received delivery) {
        return List.of(delivery.headers().get("webhook-signature").split(" "));
    }

    private static String expected(String secret, Received delivery) throws Exception {
        return sign(secret, delivery.headers().get("webhook-id"), Long.parseLong(delivery.headers().get("webhook-timestamp")),
                delivery.body());
    }

    @Test
    void a_delivery_being_sent_is_not_sent_again_on_demand_until_its_attempt_is_recorded() throws Exception {
        String agreement = activeAgreement();
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/slow"), "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions").then()
                .statusCode(201).extract().path("id");
        announced(agreement);
        assertTrue(slowStarted.await(20, java.util.concurrent.TimeUnit.SECONDS), "the slow receiver got the event");
        String delivery = given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", subscription)
                .then().extract().path("items[0].deliveryId");
        given().auth().oauth2(controllerToken())
                .post("/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, delivery).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "delivery-in-flight"));
        slowRelease.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items[0].status")));
        given().auth().oauth2(controllerToken())
                .post("/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, delivery).then().statusCode(202);
    }

    @Test
    void a_delivery_is_sent_again_on_demand_with_the_same_webhook_id_and_only_by_its_subscriber() {
        String agreement = activeAgreement();
        String subscription = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/again"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then().extract().path("items[0].status")));
        String delivery = given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", subscription)
                .then().extract().path("items[0].deliveryId");

        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD))
                .post("/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, delivery).then().statusCode(404);
        given().auth().oauth2(controllerToken())
                .post("/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        given().auth().oauth2(controllerToken())
                .post("/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, delivery).then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 2);
        assertEquals(1, forChange(change).stream().map(r -> r.headers().get("webhook-id")).distinct().count(), "the same webhook-id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then()
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(2))
                .body("items[0].log.statusCode", equalTo(List.of(204, 204))));
    }

    @Test
    void an_answer_trickled_byte_by_byte_is_cut_off_at_the_timeout_and_a_huge_one_is_not_kept() {
        String agreement = activeAgreement();
        String trickle = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/trickle"), "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions")
                .then().statusCode(201).extract().path("id");
        String huge = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/huge"), "eventTypes", List.of(ANNOUNCED))).post("/webhook-subscriptions")
                .then().statusCode(201).extract().path("id");
        announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", trickle).then().extract().path("items[0].log[0]") != null);
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", trickle).then()
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].log[0].statusCode", org.hamcrest.Matchers.nullValue())
                .body("items[0].log[0].error", org.hamcrest.Matchers.containsString("no complete answer within 3000 ms"))
                .body("items[0].log[0].durationMs", org.hamcrest.Matchers.lessThan(5000));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", huge).then().extract().path("items[0].status")));
    }

    @Test
    void a_ping_sends_a_signed_test_delivery_now_and_logs_it() throws Exception {
        var created = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/ping"), "eventTypes", List.of(OBJECTED))).post("/webhook-subscriptions").then().statusCode(201);
        String subscription = created.extract().path("id");
        String secret = created.extract().path("secret");
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).post("/webhook-subscriptions/{id}/ping", subscription)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        String delivery = given().auth().oauth2(controllerToken()).post("/webhook-subscriptions/{id}/ping", subscription)
                .then().statusCode(202).body("status", equalTo("PENDING")).extract().path("deliveryId");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.path().equals("/ping")));
        Received ping = received.stream().filter(r -> r.path().equals("/ping")).findFirst().orElseThrow();
        JsonNode ce = JSON.readTree(ping.body());
        assertEquals("eu.dpaledger.webhook.Ping.v1", ce.path("type").asText(), "sent whatever the subscription's event types");
        assertEquals(subscription, ce.path("data").path("subscriptionId").asText());
        assertEquals(List.of(expected(secret, ping)), signatures(ping), "signed like every delivery");
        assertEquals("msg_" + delivery, ping.headers().get("webhook-id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}/deliveries", subscription).then()
                .body("items[0].deliveryId", equalTo(delivery)).body("items[0].eventType", equalTo("eu.dpaledger.webhook.Ping.v1"))
                .body("items[0].agreementId", org.hamcrest.Matchers.nullValue()).body("items[0].status", equalTo("DELIVERED")));
    }

    @jakarta.inject.Inject
    eu.dpaledger.platform.webhooks.WebhookSecretSealer sealer;

    @Test
    void the_signing_secret_is_stored_sealed_and_one_stored_in_clear_is_sealed_at_start_and_still_signs() throws Exception {
        String agreement = activeAgreement();
        var created = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/sealed"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201);
        UUID subscription = UUID.fromString(created.extract().path("id"));
        String secret = created.extract().path("secret");
        io.vertx.mutiny.sqlclient.Row stored = storedSecret(subscription);
        assertEquals("test-1", stored.getString("secret_key_id"), "sealed with the first configured key");
        assertFalse(stored.getString("secret").contains(secret.substring("whsec_".length())), "the database never holds the secret");

        // A row from before sealing (the secret in clear, no key id) is sealed when the service starts.
        pool.preparedQuery("UPDATE webhook_subscriptions SET secret = $2, secret_key_id = NULL WHERE subscription_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(subscription, secret)).await().indefinitely();
        assertTrue(sealer.sealAll().await().indefinitely() >= 1);
        stored = storedSecret(subscription);
        assertEquals("test-1", stored.getString("secret_key_id"));
        assertFalse(stored.getString("secret").contains(secret.substring("whsec_".length())));

        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 1);
        Received delivery = forChange(change).get(0);
        assertEquals(sign(secret, delivery.headers().get("webhook-id"), Long.parseLong(delivery.headers().get("webhook-timestamp")),
                delivery.body()), delivery.headers().get("webhook-signature"), "the re-sealed secret signs as the one shown once");
    }

    @Test
    void a_subscription_may_name_patterns_over_this_services_types_and_others_are_refused_naming_the_item() {
        String agreement = activeAgreement();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/patterns"), "eventTypes", List.of("eu.dpaledger.subprocessor.*")))
                .post("/webhook-subscriptions").then().statusCode(201);
        for (String refused : List.of("eu.dpaledger.breach.*", "eu.dpaledger.sub*", "**", "eu.dpaledger.subprocessor.Nope.v1")) {
            given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                    .body(Map.of("url", url("/refused"), "eventTypes", List.of(ANNOUNCED, refused)))
                    .post("/webhook-subscriptions").then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(PROBLEMS + "invalid-event-types"))
                    .body("violations[0].field", equalTo("eventTypes[1]"));
        }
        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(change).size() == 1);
        assertEquals(ANNOUNCED, type(forChange(change).get(0).body()));
        assertTrue(received.stream().noneMatch(r -> r.path().equals("/refused")), "a refused subscription was not made");
    }

    @Test
    void a_subscription_whose_receiver_failed_for_the_disable_period_is_disabled_and_its_organisation_told() throws Exception {
        String agreement = activeAgreement();
        String down = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/down"), "eventTypes", List.of(ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        String watcher = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/watch"), "eventTypes", List.of("eu.dpaledger.webhook.*", ANNOUNCED)))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
        // Its deliveries have failed for six days already (dpa.webhooks.disable-after is five).
        pool.preparedQuery("UPDATE webhook_subscriptions SET failing_since = $2 WHERE subscription_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(down),
                        clock.instant().minus(Duration.ofDays(6)).atOffset(java.time.ZoneOffset.UTC))).await().indefinitely();

        String change = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISABLED".equals(given().auth().oauth2(controllerToken())
                .get("/webhook-subscriptions/{id}", down).then().extract().path("status")));
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}", down).then()
                .body("disabledReason", org.hamcrest.Matchers.containsString("5 days"))
                .body("disabledAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}/deliveries", down).then()
                .body("items[0].status", equalTo("CANCELLED")).body("items[0].attempts", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.path().equals("/watch")
                && type(r.body()).endsWith("SubscriptionDisabled.v1")));
        JsonNode told = JSON.readTree(received.stream().filter(r -> r.path().equals("/watch") && type(r.body()).endsWith("SubscriptionDisabled.v1"))
                .findFirst().orElseThrow().body());
        assertEquals("eu.dpaledger.webhook.SubscriptionDisabled.v1", told.path("type").asText());
        assertEquals(down, told.path("data").path("subscriptionId").asText());
        assertEquals(url("/down"), told.path("data").path("url").asText());

        // Disabled: a new event is not queued for it (the watcher got it, so it was fanned out); enabled again, the next one is.
        String next = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(next).stream().anyMatch(r -> r.path().equals("/watch")));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).post("/webhook-subscriptions/{id}/enable", down).then().statusCode(404);
        given().auth().oauth2(controllerToken()).post("/webhook-subscriptions/{id}/enable", down).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("disabledAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(controllerToken()).post("/webhook-subscriptions/{id}/enable", down).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("type", equalTo(PROBLEMS + "subscription-not-disabled"));
        String after = announced(agreement);
        await().atMost(Duration.ofSeconds(20)).until(() -> forChange(after).stream().anyMatch(r -> r.path().equals("/down")));
        assertEquals(List.of(), forChange(next).stream().filter(r -> r.path().equals("/down")).toList(),
                "nothing was queued while it was disabled");
        assertEquals(1, forChange(change).stream().filter(r -> r.path().equals("/down")).count(), "the one failed attempt before it was disabled");
        given().auth().oauth2(controllerToken()).get("/webhook-subscriptions/{id}", watcher).then().body("status", equalTo("ACTIVE"));
    }

    private io.vertx.mutiny.sqlclient.Row storedSecret(UUID subscription) {
        return pool.preparedQuery("SELECT secret, secret_key_id FROM webhook_subscriptions WHERE subscription_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(subscription)).await().indefinitely().iterator().next();
    }

    private List<Received> forChange(String changeId) {
        return received.stream().filter(r -> {
            try {
                return changeId.equals(JSON.readTree(r.body()).path("data").path("changeId").asText());
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    private static String type(String body) {
        try {
            return JSON.readTree(body).path("type").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verification as a receiver would do it, independently of the service's code. */
    private static String sign(String secret, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
