package eu.dpaledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sub-processor changes across the real stack: the agreement activated through agreement-service seeds
 * subprocessor-service's registry over Kafka; ESN's pending change from the demo data; the controller
 * objects with a real Keycloak token, the processor cannot; the event reaches a webhook receiver signed
 * and lands on the {@code dpa.subprocessors} topic.
 */
@ExtendWith(Stack.class)
class SubprocessorE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECTED = "eu.dpaledger.subprocessor.ObjectionRaised.v1";
    private static final String ANNOUNCED = "eu.dpaledger.subprocessor.ChangeAnnounced.v1";

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            Map<String, String> request = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> request.put(k.toLowerCase(), v.get(0)));
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void the_controller_objects_to_the_pending_demo_change_and_its_webhook_receives_the_signed_event() throws Exception {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String agreement = demoAgreement(opwijk);

        // Cross-service: the activation went agreement-service → Kafka → subprocessor-service (annex-1 baseline).
        as(opwijk).get("/agreements/{id}/subprocessors", agreement).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("subprocessors.find { it.name == 'Level 27' }.basis", equalTo("BASELINE"));

        var subscribed = as(opwijk).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/opwijk",
                        "eventTypes", List.of(ANNOUNCED, OBJECTED)))
                .post("/webhook-subscriptions").then().statusCode(201);
        String secret = subscribed.extract().path("secret");

        // The demo data holds ESN's announced change (Cloudflare, US) with the objection window open.
        var pending = as(opwijk).get("/agreements/{id}/subprocessor-changes", agreement).then().statusCode(200)
                .body("items.find { it.subprocessorName == 'Cloudflare, Inc.' }.status", notNullValue());
        String change = pending.extract().path("items.find { it.subprocessorName == 'Cloudflare, Inc.' }.changeId");
        var notice = as(opwijk).get("/subprocessor-changes/{id}", change).then().statusCode(200)
                .body("deadlines.objectionWindowOpen", equalTo(true)).body("announcementId", notNullValue());
        String etag = notice.extract().header("ETag");
        // It is Opwijk's notice of ESN's processor-wide announcement: ESN sees the announcement and its notices, Opwijk does not.
        String announcement = notice.extract().path("announcementId");
        as(esn).get("/subprocessor-announcements/{id}", announcement).then().statusCode(200)
                .body("counts.created", org.hamcrest.Matchers.greaterThanOrEqualTo(1)).body("completedAt", notNullValue());
        as(esn).get("/subprocessor-announcements/{id}/notices", announcement).then().statusCode(200)
                .body("items.find { it.agreementId == '" + agreement + "' }.changeId", equalTo(change));
        as(opwijk).get("/subprocessor-announcements/{id}", announcement).then().statusCode(404);

        as(esn).contentType(ContentType.JSON).header("If-Match", etag).body("{\"grounds\":\"We object\"}")
                .post("/subprocessor-changes/{id}/objection", change).then().statusCode(403)
                .body("type", equalTo("https://dpa-ledger.eu/problems/only-controller-objects"));
        as(opwijk).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"grounds\":\"Population register data must stay in the EEA\"}")
                .post("/subprocessor-changes/{id}/objection", change).then().statusCode(200)
                .body("status", equalTo("OBJECTED")).body("deadlines.terminationRightFrom", notNullValue());

        await().atMost(Duration.ofSeconds(30)).until(() -> of(change, OBJECTED) != null);
        Map<String, String> delivery = of(change, OBJECTED);
        assertEquals(sign(secret, delivery.get("webhook-id"), delivery.get("webhook-timestamp"), delivery.get("body")),
                delivery.get("webhook-signature"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.subprocessors", change).stream()
                .anyMatch(e -> OBJECTED.equals(e.headers().get("ce_type"))));

        // A new announcement by ESN through its real token reaches Opwijk's receiver too.
        String body = "{\"kind\":\"ADD\",\"subprocessor\":{\"name\":\"Bunny.net\",\"headOffice\":\"Ljubljana\",\"country\":\"SI\","
                + "\"transferMechanism\":null},\"intendedFrom\":\"" + LocalDate.now().plusDays(60)
                + "\",\"reason\":\"EU content delivery network instead\"}";
        String second = as(esn).contentType(ContentType.JSON).body(body)
                .post("/agreements/{id}/subprocessor-changes", agreement).then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> of(second, ANNOUNCED) != null);
        as(Keycloak.user("voorbeeld-dpo")).get("/subprocessor-changes/{id}", second).then().statusCode(404);
        as(opwijk).get("/subprocessors").then().statusCode(200)
                .body("items.name", hasItem("Level 27"));
    }

    /** The demo's Opwijk ↔ ESN agreement (ACTIVE), as Opwijk finds it in agreement-service. */
    private static String demoAgreement(String opwijk) {
        List<String> ids = given().baseUri(Stack.AGREEMENTS).auth().oauth2(opwijk).queryParam("status", "ACTIVE")
                .queryParam("party", "0428304785").queryParam("limit", 100).get("/agreements").then().statusCode(200)
                .extract().path("items.agreementId");
        for (String id : ids) {
            var changes = as(opwijk).get("/agreements/{id}/subprocessor-changes", id);
            if (changes.statusCode() == 200 && changes.jsonPath().getList("items").size() > 0) {
                return id;
            }
        }
        throw new AssertionError("the demo agreement with a pending change was not found among " + ids);
    }

    private Map<String, String> of(String changeId, String type) {
        for (Map<String, String> r : received) {
            try {
                JsonNode ce = JSON.readTree(r.get("body"));
                if (type.equals(ce.path("type").asText()) && changeId.equals(ce.path("data").path("changeId").asText())) {
                    return r;
                }
            } catch (IOException e) {
                // not a CloudEvent: ignore
            }
        }
        return null;
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Stack.SUBPROCESSORS).auth().oauth2(token);
    }

    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        assertTrue(secret.startsWith("whsec_"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
