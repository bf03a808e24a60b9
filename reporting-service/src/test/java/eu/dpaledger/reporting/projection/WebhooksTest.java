package eu.dpaledger.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import eu.dpaledger.reporting.TestInfrastructure;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static eu.dpaledger.reporting.projection.Feed.JSON;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks for every event an organisation may see: subscriptions at reporting-service with patterns over the four
 * topics' types, each delivery signed and filtered to the parties of the event's agreement (role AND organisation), a
 * gagged disclosure request withheld from the controller. Real Kafka, real PostgreSQL, a real HTTP receiver.
 */
@QuarkusTest
class WebhooksTest extends TestInfrastructure {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** One request the receiver got. */
    record Received(String path, Map<String, String> headers, String body) {

        JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiverAndUnsubscribe() {
        receiver.stop(0);
        for (String token : List.of(Tokens.controller(Tokens.OPWIJK), Tokens.processor(Tokens.ESN), Tokens.controller(Tokens.VOORBEELD))) {
            List<String> ids = given().auth().oauth2(token).get("/webhook-subscriptions").then().statusCode(200).extract().path("items.id");
            ids.forEach(id -> given().auth().oauth2(token).delete("/webhook-subscriptions/{id}", id).then().statusCode(204));
        }
    }

    /** A change notice (ADD Level 27, ANNOUNCED) on Opwijk and ESN's agreement, published on dpa.subprocessors; its id. */
    private static String announceLevel27(String agreement, String now) {
        String change = UUID.randomUUID().toString();
        ObjectNode c = Feed.change("ADD", "Level 27", "BE", null, "ANNOUNCED", now);
        ObjectNode changeData = JSON.createObjectNode().put("changeId", change).put("agreementId", agreement).put("streamVersion", 1);
        changeData.set("event", Feed.announced(change, agreement, c));
        changeData.set("change", c);
        Feed.publishAt("dpa.subprocessors", "eu.dpaledger.subprocessor.ChangeAnnounced.v1", change, changeData, now);
        return change;
    }

    @Test
    void an_organisation_subscribed_to_everything_receives_signed_events_of_every_service_for_its_own_agreements_only() throws Exception {
        String opwijk = subscribe(Tokens.controller(Tokens.OPWIJK), "/opwijk", List.of("*"));
        subscribe(Tokens.processor(Tokens.ESN), "/esn", List.of("eu.dpaledger.breach.*"));
        subscribe(Tokens.controller(Tokens.VOORBEELD), "/voorbeeld", List.of("*"));
        String agreement = "agr-" + UUID.randomUUID();
        String now = Instant.now().toString();

        String breach = UUID.randomUUID().toString();
        ObjectNode summary = Feed.breach(now, now, now, now);
        ObjectNode breachData = JSON.createObjectNode().put("breachId", breach).put("agreementId", agreement).put("streamVersion", 1);
        breachData.set("event", Feed.reported(breach, agreement, summary));
        breachData.set("breach", summary);
        Feed.publishAt("dpa.breaches", "eu.dpaledger.breach.BreachReported.v1", breach, breachData, now);

        String change = announceLevel27(agreement, now);

        // audit-service's newest family too: the processor's evidence register (DPA art. 4.2, 7.1).
        String item = UUID.randomUUID().toString();
        ObjectNode evidence = JSON.createObjectNode().put("itemId", item).put("agreementId", agreement).put("streamVersion", 2);
        evidence.putObject("event").put("expiresAfter", "2027-01-14").put("at", now);
        evidence.putObject("item").put("controllerOrg", Tokens.OPWIJK).put("processorOrg", Tokens.ESN).put("kind", "CERTIFICATION")
                .put("title", "ISO/IEC 27001").put("revision", 1).put("review", "ACKNOWLEDGED").put("expiresAfter", "2027-01-14")
                .put("timeZone", "Europe/Brussels").put("expiring", true).put("expired", false).put("recordedAt", now).put("updatedAt", now);
        Feed.publishAt("dpa.audits", "eu.dpaledger.evidence.EvidenceExpiring.v1", item, evidence, now);

        await().atMost(Duration.ofSeconds(30)).until(() -> at("/opwijk").size() == 3 && at("/esn").size() == 1);
        assertEquals(Set.of("eu.dpaledger.breach.BreachReported.v1", "eu.dpaledger.subprocessor.ChangeAnnounced.v1",
                        "eu.dpaledger.evidence.EvidenceExpiring.v1"),
                at("/opwijk").stream().map(r -> r.event().path("type").asText()).collect(Collectors.toSet()));
        for (Received r : at("/opwijk")) {
            long timestamp = Long.parseLong(r.headers().get("webhook-timestamp"));
            assertEquals(sign(opwijk, r.headers().get("webhook-id"), timestamp, r.body()), r.headers().get("webhook-signature"),
                    "HMAC-SHA256 per Standard Webhooks with the secret shown once");
            assertEquals(agreement, r.event().path("data").path("agreementId").asText());
            assertTrue(r.event().path("data").path("streamVersion").asInt() >= 1, "the ordering key travels with the event");
        }
        Received esn = at("/esn").get(0);
        assertEquals("eu.dpaledger.breach.BreachReported.v1", esn.event().path("type").asText(), "the processor's pattern: breaches only");
        assertEquals(breach, esn.event().path("subject").asText());
        assertTrue(at("/voorbeeld").isEmpty(), "another organisation's subscription gets nothing of Opwijk's agreements");
    }

    @Test
    void a_processor_wide_announcement_reaches_its_processor_only_and_each_controller_gets_its_own_notice() throws Exception {
        subscribe(Tokens.controller(Tokens.OPWIJK), "/controller", List.of("*"));
        subscribe(Tokens.processor(Tokens.ESN), "/processor", List.of("eu.dpaledger.subprocessorannouncement.AnnouncementMade.v1"));
        String agreement = "agr-" + UUID.randomUUID();
        String now = Instant.now().toString();
        String announcement = UUID.randomUUID().toString();
        ObjectNode made = JSON.createObjectNode().put("announcementId", announcement).put("processorOrg", Tokens.ESN)
                .put("streamVersion", 1);
        ObjectNode event = made.putObject("event").put("announcementId", announcement).put("processorOrg", Tokens.ESN)
                .put("selection", "ALL_ACTIVE").put("agreementCount", 1).put("agreementsSha256", "0".repeat(64)).put("kind", "ADD")
                .putNull("replaces").put("intendedFrom", "2027-03-01").put("reason", "CDN in front of every website")
                .put("announcedBy", "dpo-esn").put("at", now);
        event.putObject("subprocessor").put("name", "Cloudflare, Inc.").put("headOffice", "San Francisco").put("country", "US")
                .put("transferMechanism", "ADEQUACY_DECISION");
        Feed.publishAt("dpa.subprocessors", "eu.dpaledger.subprocessorannouncement.AnnouncementMade.v1", announcement, made, now);
        // The controller's notice, after the announcement: "nothing of the announcement for the controller" is not "not yet".
        String change = announceLevel27(agreement, now);

        await().atMost(Duration.ofSeconds(30)).until(() -> at("/processor").size() == 1 && !at("/controller").isEmpty());
        JsonNode delivered = at("/processor").get(0).event();
        assertEquals("eu.dpaledger.subprocessorannouncement.AnnouncementMade.v1", delivered.path("type").asText());
        assertEquals(announcement, delivered.path("subject").asText());
        assertEquals(Tokens.ESN, delivered.path("data").path("processorOrg").asText());
        assertFalse(at("/controller").stream().anyMatch(r -> r.event().path("subject").asText().equals(announcement)),
                "the announcement is the processor's; the controller gets its notice");
        assertTrue(at("/controller").stream().anyMatch(r -> r.event().path("subject").asText().equals(change)));
    }

    @Test
    void a_gagged_disclosure_request_reaches_the_processor_withheld_and_never_the_controller() throws Exception {
        subscribe(Tokens.controller(Tokens.OPWIJK), "/controller", List.of("*"));
        subscribe(Tokens.processor(Tokens.ESN), "/processor", List.of("eu.dpaledger.disclosurerequest.*"));
        String agreement = "agr-" + UUID.randomUUID();
        String now = Instant.now().toString();
        String request = UUID.randomUUID().toString();
        ObjectNode item = JSON.createObjectNode().put("kind", "DISCLOSURE_REQUEST").put("controllerOrg", Tokens.OPWIJK)
                .put("processorOrg", Tokens.ESN).put("status", "GAGGED").put("open", true).put("controllerVisible", false)
                .put("title", "Disclosure request (details withheld)").put("dueAt", now).putNull("answerDueOn");
        ObjectNode data = JSON.createObjectNode().put("itemId", request).put("agreementId", agreement).put("streamVersion", 2)
                .put("withheld", true);
        data.set("item", item);
        Feed.publishAt("dpa.agreements", "eu.dpaledger.disclosurerequest.InformingForbidden.v1", request, data, now);
        // A later event of the controller's own, so that "nothing for the controller" is not just "not yet".
        String change = announceLevel27(agreement, now);

        await().atMost(Duration.ofSeconds(30)).until(() -> at("/processor").size() == 1 && !at("/controller").isEmpty());
        JsonNode gagged = at("/processor").get(0).event();
        assertEquals("eu.dpaledger.disclosurerequest.InformingForbidden.v1", gagged.path("type").asText());
        assertTrue(gagged.path("data").path("withheld").asBoolean(), "as on the topic: withheld");
        assertTrue(gagged.path("data").path("event").isMissingNode(), "no details");
        assertFalse(at("/controller").stream().anyMatch(r -> r.event().path("subject").asText().equals(request)),
                "the controller's subscription never learns of a gagged request (DPA art. 2.2)");
    }

    @Test
    void unknown_types_and_patterns_and_private_urls_are_refused_naming_the_field_and_foreign_subscriptions_are_404() {
        String token = Tokens.controller(Tokens.OPWIJK);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url("/x"), "eventTypes", List.of("eu.dpaledger.audit.*", "eu.dpaledger.nope.*")))
                .post("/webhook-subscriptions").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-event-types")).body("violations[0].field", equalTo("eventTypes[1]"))
                .body("knownEventTypes", hasItem("eu.dpaledger.breach.BreachReported.v1"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://10.0.0.1/hook", "eventTypes", List.of("*")))
                .post("/webhook-subscriptions").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-webhook-url")).body("violations[0].field", equalTo("url"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url("/x"), "eventTypes", java.util.Collections.nCopies(101, "*")))
                .post("/webhook-subscriptions").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("eventTypes"));
        given().auth().oauth2(token).get("/webhook-subscriptions").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()); // nothing was subscribed by the refused requests
        String id = subscribeId(token, "/mine", List.of("eu.dpaledger.audit.*"));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/webhook-subscriptions/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.processor(Tokens.OPWIJK)).get("/webhook-subscriptions/{id}", id).then().statusCode(404);
        given().auth().oauth2(token).get("/webhook-subscriptions").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0].status", equalTo("ACTIVE"));
    }

    @Test
    void a_subscription_made_in_both_roles_is_seen_and_changed_only_by_a_caller_holding_both() {
        String both = Tokens.token("it-" + Tokens.ESN, Tokens.ESN, "controller", "processor");
        String id = subscribeId(both, "/both", List.of("*"));
        given().auth().oauth2(Tokens.processor(Tokens.ESN)).get("/webhook-subscriptions/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.processor(Tokens.ESN)).get("/webhook-subscriptions/{id}/deliveries", id).then().statusCode(404);
        given().auth().oauth2(Tokens.processor(Tokens.ESN)).delete("/webhook-subscriptions/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.processor(Tokens.ESN)).get("/webhook-subscriptions").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(both).get("/webhook-subscriptions/{id}", id).then().statusCode(200);
        given().auth().oauth2(both).delete("/webhook-subscriptions/{id}", id).then().statusCode(204);
    }

    private String subscribe(String token, String path, List<String> types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url(path), "eventTypes", types))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("secret");
    }

    private String subscribeId(String token, String path, List<String> types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url(path), "eventTypes", types))
                .post("/webhook-subscriptions").then().statusCode(201).extract().path("id");
    }

    private List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** Verification as a receiver would do it, independently of the service's code. */
    private static String sign(String secret, String id, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
