package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iCalendar deadlines feed and the personal feed tokens that open it (made, listed, revoked, expired). */
@QuarkusTest
class CalendarFeedTest extends TestInfrastructure {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    Pool pool;

    Seed seed;

    @BeforeEach
    void seed() {
        seed = new Seed(pool);
    }

    @AfterEach
    void unseedAndRealTime() {
        seed.clear();
        TestClock.reset();
    }

    @Test
    void the_feed_is_rfc_5545_one_event_per_deadline_with_an_alarm_for_the_open_ones() throws Exception {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        String open = seed.obligation(controller, processor, Instant.parse("2026-12-03T09:30:00Z")).kind(ObligationKind.AUTHORITY_NOTIFICATION)
                .title("Ransomware at the Sociaal Huis; backups, payroll and the CPAS register — éèà, 数据 " + "x".repeat(80)).insert();
        String met = seed.obligation(controller, processor, NOW.minus(Duration.ofDays(2))).met(NOW.minus(Duration.ofDays(3))).insert();
        seed.obligation(Seed.org(), processor, NOW.plus(Duration.ofDays(2))).insert();

        JsonPath created = createToken(Tokens.controller(controller), "{\"label\":\"Outlook\"}");
        String ics = given().get(URI.create(created.getString("feedUrl")).getRawPath() + "?" + URI.create(created.getString("feedUrl")).getRawQuery())
                .then().statusCode(200).contentType("text/calendar").extract().asString();

        for (String line : ics.split("\r\n", -1)) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
            assertFalse(line.contains("\n"), "lines end in CRLF only");
        }
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        VEvent first = events.get(0);
        assertEquals(open + "@dpa-ledger", first.getProperty("UID").orElseThrow().getValue());
        assertEquals("20261203T093000Z", first.getProperty("DTSTART").orElseThrow().getValue());
        assertTrue(first.getProperty("DTSTAMP").orElseThrow().getValue().startsWith("20261201T100"), "stamped now (the test clock runs on)");
        String summary = first.getProperty("SUMMARY").orElseThrow().getValue();
        assertTrue(summary.startsWith("Authority notification: Ransomware at the Sociaal Huis; backups, payroll and the CPAS register — éèà, 数据 xxx"), summary);
        assertTrue(first.getProperty("DESCRIPTION").orElseThrow().getValue().startsWith("GDPR art. 33(1)."));
        assertEquals("http://127.0.0.1:8084/things/" + open.substring(0, open.indexOf(':')), first.getProperty("URL").orElseThrow().getValue());
        assertEquals(1, first.getAlarms().size());
        VEvent second = events.get(1);
        assertEquals(met + "@dpa-ledger", second.getProperty("UID").orElseThrow().getValue());
        assertTrue(second.getAlarms().isEmpty(), "no alarm for what is met");
    }

    @Test
    void a_token_is_shown_once_listed_without_its_secret_and_only_to_its_owner() {
        String org = Seed.org();
        String dpo = Tokens.token("dpo-1", org, "controller");
        String colleague = Tokens.token("dpo-2", org, "controller");
        TestClock.setNow(NOW);
        JsonPath created = createToken(dpo, "{\"label\":\"Outlook\",\"expiresInDays\":30}");
        assertEquals(43, created.getString("token").length());
        assertTrue(created.getString("feedUrl").endsWith("/obligations.ics?token=" + created.getString("token")));
        assertTrue(created.getString("expiresAt").startsWith("2026-12-31T10:0"), created.getString("expiresAt"));
        String id = created.getString("id");

        given().auth().oauth2(dpo).get("/feed-tokens").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].state", equalTo("ACTIVE"))
                .body("items[0]", not(hasKey("token")));
        given().auth().oauth2(colleague).get("/feed-tokens").then().statusCode(200).body("items", empty());
        given().auth().oauth2(colleague).delete("/feed-tokens/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.controller(Seed.org())).delete("/feed-tokens/{id}", id).then().statusCode(404);
        String stored = pool.preparedQuery("SELECT token_sha256 FROM feed_tokens WHERE token_id = $1::uuid")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next().getString("token_sha256");
        assertEquals(64, stored.length());
        assertFalse(stored.contains(created.getString("token")));
    }

    @Test
    void a_revoked_an_expired_and_an_unknown_token_are_the_same_404_and_a_bearer_token_opens_nothing() {
        String controller = Seed.org();
        TestClock.setNow(NOW);
        seed.obligation(controller, Seed.org(), NOW.plus(Duration.ofDays(20))).insert();
        String dpo = Tokens.controller(controller);
        JsonPath revoked = createToken(dpo, "{\"label\":\"Phone\"}");
        JsonPath expiring = createToken(dpo, "{\"label\":\"Laptop\",\"expiresInDays\":1}");
        feed(revoked.getString("token")).statusCode(200);
        feed(expiring.getString("token")).statusCode(200);

        given().auth().oauth2(dpo).delete("/feed-tokens/{id}", revoked.getString("id")).then().statusCode(204);
        given().auth().oauth2(dpo).delete("/feed-tokens/{id}", revoked.getString("id")).then().statusCode(204);
        TestClock.setNow(NOW.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));

        Map<String, Object> unknown = problem(feed("A".repeat(43)));
        assertEquals(404, unknown.get("status"));
        assertEquals(unknown, problem(feed(revoked.getString("token"))));
        assertEquals(unknown, problem(feed(expiring.getString("token"))));
        assertEquals(unknown, problem(feed("short")));
        assertEquals(unknown, problem(given().auth().oauth2(dpo).get("/obligations.ics").then().statusCode(404)));
        given().auth().oauth2(dpo).get("/feed-tokens").then().statusCode(200)
                .body("items.state", contains("EXPIRED", "REVOKED"));
    }

    @Test
    void a_token_request_out_of_range_is_a_400_naming_the_field() {
        String dpo = Tokens.controller(Seed.org());
        Map.of("{\"label\":\"x\",\"expiresInDays\":0}", "expiresInDays",
                        "{\"label\":\"x\",\"expiresInDays\":366}", "expiresInDays",
                        "{\"expiresInDays\":30}", "label",
                        "{\"label\":\"   \"}", "label",
                        "{\"label\":\"" + "l".repeat(101) + "\"}", "label",
                        "{\"label\":\"x\",\"secret\":\"y\"}", "secret")
                .forEach((body, field) -> given().auth().oauth2(dpo).contentType(ContentType.JSON).body(body).post("/feed-tokens")
                        .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field)));
        given().auth().oauth2(dpo).get("/feed-tokens").then().statusCode(200).body("items", empty());
    }

    private static JsonPath createToken(String bearer, String body) {
        return given().auth().oauth2(bearer).contentType(ContentType.JSON).body(body).post("/feed-tokens")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/feed-tokens/"))
                .body("feedUrl", org.hamcrest.Matchers.containsString("/obligations.ics?token="))
                .extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse feed(String token) {
        return given().queryParam("token", token).get("/obligations.ics").then();
    }

    private static Map<String, Object> problem(io.restassured.response.ValidatableResponse response) {
        Map<String, Object> body = new java.util.HashMap<>(response.statusCode(404).contentType("application/problem+json").extract().jsonPath().getMap(""));
        body.remove("instance");
        return body;
    }
}
