package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input meant to hurt: it is refused naming what was wrong, or it reaches the DPO's files as plain text. */
@QuarkusTest
class HostileInputTest extends TestInfrastructure {

    static final String PROBLEMS = "https://dpa-ledger.eu/problems/";
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
    void a_title_that_smuggles_calendar_lines_stays_one_event_with_that_text() throws Exception {
        String controller = Seed.org();
        TestClock.setNow(NOW);
        String smuggled = "Breach\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nSUMMARY:Pay here;,\\";
        seed.obligation(controller, Seed.org(), NOW.plus(Duration.ofDays(3))).title(smuggled).insert();
        String token = given().auth().oauth2(Tokens.controller(controller)).contentType(ContentType.JSON).body("{\"label\":\"x\"}")
                .post("/feed-tokens").then().statusCode(201).extract().path("token");
        String ics = given().queryParam("token", token).get("/obligations.ics").then().statusCode(200).extract().asString();

        var events = new CalendarBuilder().build(new StringReader(ics)).<net.fortuna.ical4j.model.component.VEvent>getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        String summary = events.get(0).getProperty("SUMMARY").orElseThrow().getValue();
        assertEquals(true, summary.contains("Breach\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@x\nSUMMARY:Pay here;,\\"), summary);
    }

    @Test
    void a_one_megabyte_label_is_refused_naming_it_and_nothing_is_stored() {
        String dpo = Tokens.controller(Seed.org());
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body("{\"label\":\"" + "l".repeat(1024 * 1024) + "\"}")
                .post("/feed-tokens").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "field-too-long")).body("violations[0].field", equalTo("label"));
        given().auth().oauth2(dpo).get("/feed-tokens").then().statusCode(200).body("items", empty());
    }

    @Test
    void a_cursor_of_another_list_is_a_400_not_a_500() {
        String controller = Seed.org();
        String processor = Seed.org();
        seed.agreement(Seed.uuid(), controller, processor, "ACTIVE", NOW.minus(Duration.ofDays(2)));
        seed.agreement(Seed.uuid(), controller, processor, "ACTIVE", NOW.minus(Duration.ofDays(1)));
        seed.obligation(controller, processor, NOW).insert();
        seed.obligation(controller, processor, NOW.plus(Duration.ofDays(1))).insert();
        String dpo = Tokens.controller(controller);
        String portfolioCursor = given().auth().oauth2(dpo).queryParam("limit", 1).get("/portfolio").then().statusCode(200)
                .extract().path("nextCursor");
        String obligationCursor = given().auth().oauth2(dpo).queryParam("limit", 1).get("/obligations").then().statusCode(200)
                .extract().path("nextCursor");
        given().auth().oauth2(dpo).queryParam("cursor", portfolioCursor).get("/obligations").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-cursor"));
        given().auth().oauth2(dpo).queryParam("cursor", obligationCursor).get("/portfolio").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-cursor"));
        given().auth().oauth2(dpo).queryParam("cursor", obligationCursor).get("/feed-tokens").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-cursor"));
    }

    @Test
    void a_nul_character_or_four_hundred_states_in_the_query_are_refused_or_answered_never_a_500() {
        String dpo = Tokens.controller(Seed.org());
        given().auth().oauth2(dpo).urlEncodingEnabled(false).get("/obligations?agreement=a%00b").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "unstorable-character"));
        given().auth().oauth2(dpo).queryParam("state", String.join(",", java.util.Collections.nCopies(400, "OVERDUE")))
                .get("/obligations").then().statusCode(200).body("filters.state", equalTo("OVERDUE"));
        given().auth().oauth2(dpo).urlEncodingEnabled(false).delete("/feed-tokens/%00").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "unstorable-character"));
    }
}
