package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.subprocessor.application.ChangeClockScheduler;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static eu.dpaledger.subprocessor.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The clocks run by themselves: the scheduler (driven here with a controllable clock) closes expired
 * windows, puts accepted changes into effect, warns before deadlines and grants the termination right,
 * each exactly once however often it runs.
 */
@QuarkusTest
class ClocksTest {

    private static final String TYPES = "eu.dpaledger.subprocessor.";

    @Inject
    ChangeClockScheduler scheduler;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void an_expired_window_accepts_the_change_tacitly_and_on_its_date_the_registry_gains_it() {
        String agreement = activeAgreement();
        var created = announce(processorToken(), agreement, addCloudflare()).statusCode(201);
        String id = created.extract().path("id");
        Instant windowEnd = Instant.parse(created.extract().path("deadlines.objectionWindowEndsAt"));
        LocalDate intended = LocalDate.parse(created.extract().path("intendedFrom"));
        awaitListed(agreement, id, "ANNOUNCED");

        TestClock.setNow(windowEnd.minus(Duration.ofDays(1)));
        tickUntil(id, () -> records(id).stream().anyMatch(r -> r.ceType().equals(TYPES + "ObjectionWindowClosingSoon.v1")));
        change(controllerToken(), id).body("status", equalTo("ANNOUNCED")).body("deadlines.objectionWindowOpen", equalTo(true));

        TestClock.setNow(windowEnd.plusSeconds(60));
        object(id, 2).statusCode(409).body("type", equalTo(PROBLEMS + "objection-window-closed"));
        tickUntil(id, () -> statusOf(id).equals("ACCEPTED"));
        change(controllerToken(), id).body("acceptance.basis", equalTo("ACCEPTED_WITHOUT_OBJECTION"));
        awaitListed(agreement, id, "ACCEPTED");

        TestClock.setNow(intended.atStartOfDay(BRUSSELS).toInstant().plusSeconds(60));
        tickUntil(id, () -> statusOf(id).equals("IN_EFFECT"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/agreements/{id}/subprocessors", agreement).then().statusCode(200)
                .body("subprocessors.find { it.name == 'Cloudflare, Inc.' }.basis", equalTo("ACCEPTED_WITHOUT_OBJECTION"))
                .body("subprocessors.find { it.name == 'Cloudflare, Inc.' }.changeId", equalTo(id)));
        // The overview across agreements (art. 6.5) counts it from the entry's own copy of the parties (V109).
        given().auth().oauth2(controllerToken()).get("/subprocessors/{name}/agreements", "cloudflare,  INC.").then().statusCode(200)
                .body("items.agreementId", hasItem(agreement));
        scheduler.tick().await().indefinitely();
        assertEquals(1, count(id, "ChangeAccepted.v1"));
        assertEquals(1, count(id, "ChangeTookEffect.v1"));
        assertEquals(1, count(id, "ObjectionWindowClosingSoon.v1"));
    }

    @Test
    void three_months_after_an_unresolved_objection_the_termination_right_is_granted_once() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        Instant right = Instant.parse(object(id, 1).statusCode(200).extract().path("deadlines.terminationRightFrom"));
        awaitListed(agreement, id, "OBJECTED");

        TestClock.setNow(right.minus(Duration.ofDays(2)));
        tickUntil(id, () -> count(id, "TerminationRightApproaching.v1") == 1);
        TestClock.setNow(right.minusSeconds(1));
        scheduler.tick().await().indefinitely();
        assertEquals(0, count(id, "TerminationRightGranted.v1"), "not one second early");

        TestClock.setNow(right);
        tickUntil(id, () -> count(id, "TerminationRightGranted.v1") == 1);
        var granted = records(id).stream().filter(r -> r.ceType().equals(TYPES + "TerminationRightGranted.v1")).findFirst().orElseThrow();
        var data = read(granted.value());
        assertEquals(agreement, data.path("agreementId").asText(), "agreement-service keys the grant by agreementId");
        assertEquals("SUBPROCESSOR_OBJECTION", data.path("event").path("ground").asText());
        change(controllerToken(), id).body("deadlines.terminationRightGrantedAt", org.hamcrest.Matchers.notNullValue());

        TestClock.setNow(right.plus(Duration.ofDays(3)));
        scheduler.tick().await().indefinitely();
        scheduler.tick().await().indefinitely();
        assertEquals(1, count(id, "TerminationRightGranted.v1"));
        assertEquals(1, count(id, "TerminationRightApproaching.v1"));
    }

    @Test
    void a_superseded_objection_grants_the_right_while_its_alternative_is_pending_and_lapses_once_it_is_accepted() {
        String agreement = activeAgreement();
        String id = announced(agreement);
        Instant right = Instant.parse(object(id, 1).statusCode(200).extract().path("deadlines.terminationRightFrom"));
        ObjectNode bunny = addCloudflare();
        ((ObjectNode) bunny.get("subprocessor")).put("name", "Bunny.net").put("headOffice", "Ljubljana")
                .put("country", "SI").putNull("transferMechanism");
        String alt = act(processorToken(), id, "alternative", 2, bunny).statusCode(201).extract().path("id");
        object(alt, 1).statusCode(200);
        awaitListed(agreement, id, "SUPERSEDED");
        awaitListed(agreement, alt, "OBJECTED");

        // DPA art. 6.2: a proposed alternative is not a change made; 3 months after the objection the right arises.
        TestClock.setNow(right);
        tickUntil(id, () -> count(id, "TerminationRightGranted.v1") == 1);
        change(controllerToken(), id).body("status", equalTo("SUPERSEDED"))
                .body("deadlines.terminationRightGrantedAt", org.hamcrest.Matchers.notNullValue())
                .body("deadlines.terminationRightLapsedAt", org.hamcrest.Matchers.nullValue());

        // The controller accepts the alternative: the objected sub-processor is avoided, the right lapses.
        String altVersion = change(controllerToken(), alt).extract().header("ETag").replace("\"", "");
        act(controllerToken(), alt, "objection-withdrawal", Long.parseLong(altVersion),
                JSON.createObjectNode().put("reason", "An EU CDN is fine")).statusCode(200)
                .body("acceptance.basis", equalTo("OBJECTION_RESOLVED"));
        tickUntil(id, () -> count(id, "TerminationRightLapsed.v1") == 1);
        var lapsed = records(id).stream().filter(r -> r.ceType().equals(TYPES + "TerminationRightLapsed.v1")).findFirst().orElseThrow();
        var event = read(lapsed.value()).path("event");
        assertEquals("ALTERNATIVE_ACCEPTED", event.path("reason").asText());
        assertEquals(true, event.path("wasGranted").asBoolean());
        change(controllerToken(), id).body("objection.terminationRightLapseReason", equalTo("ALTERNATIVE_ACCEPTED"));

        TestClock.setNow(right.plus(Duration.ofDays(3)));
        scheduler.tick().await().indefinitely();
        scheduler.tick().await().indefinitely();
        assertEquals(1, count(id, "TerminationRightLapsed.v1"));
        assertEquals(1, count(id, "TerminationRightGranted.v1"));

        // The change list replayed from the topic (the rebuild writes a polled batch's events in one statement per layer, a
        // change's k-th event in the k-th) ends where the live consumer left it: status, clocks, the lapse kept.
        await().atMost(Duration.ofSeconds(15)).until(() -> changeRows(id, alt).contains("\"termination_lapsed\":true"));
        String live = changeRows(id, alt);
        given().auth().oauth2(Tokens.admin()).post("/admin/projections/subprocessor-changes/rebuild").then().statusCode(200);
        assertEquals(live, changeRows(id, alt));
    }

    /** The change list's rows of these changes, every column, as JSON. */
    private String changeRows(String... changeIds) {
        return pool.preparedQuery("SELECT json_agg(c ORDER BY c.change_id)::text FROM changes c WHERE c.change_id = ANY($1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(changeIds)).await().indefinitely().iterator().next().getString(0);
    }

    @Test
    void a_removal_takes_effect_on_its_date_and_the_registry_keeps_the_removed_subprocessor() {
        String agreement = activeAgreement();
        ObjectNode remove = JSON.createObjectNode().put("kind", "REMOVE").put("reason", "Hosting moves in-house")
                .put("intendedFrom", LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(3).toString());
        remove.putObject("subprocessor").put("name", "Level 27");
        String id = announce(processorToken(), agreement, remove).statusCode(201)
                .body("status", equalTo("ACCEPTED")).body("deadlines.objectionWindowEndsAt", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        object(id, 2).statusCode(409).body("type", equalTo(PROBLEMS + "change-not-objectable"));
        awaitListed(agreement, id, "ACCEPTED");
        TestClock.setNow(LocalDate.ofInstant(Instant.now(), BRUSSELS).plusDays(3).atStartOfDay(BRUSSELS).toInstant().plusSeconds(5));
        tickUntil(id, () -> statusOf(id).equals("IN_EFFECT"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(processorToken())
                .get("/agreements/{id}/subprocessors", agreement).then().statusCode(200)
                .body("subprocessors.find { it.name == 'Level 27' }.removedByChange", equalTo(id))
                .body("subprocessors.find { it.name == 'Level 27' }.basis", equalTo("BASELINE")));
        given().auth().oauth2(processorToken()).queryParam("current", true).get("/agreements/{id}/subprocessors", agreement)
                .then().body("subprocessors.name", org.hamcrest.Matchers.not(hasItem("Level 27")));
        given().auth().oauth2(processorToken()).get("/subprocessors/{name}/agreements", "Level 27").then().statusCode(200)
                .body("items.agreementId", org.hamcrest.Matchers.not(hasItem(agreement)));

        // The registry replayed from the topic (its reset clears only the rows changes touched) ends as the events left it.
        String before = given().auth().oauth2(processorToken()).get("/agreements/{id}/subprocessors", agreement).then()
                .statusCode(200).extract().asString();
        given().auth().oauth2(Tokens.admin()).post("/admin/projections/subprocessor-registry/rebuild").then().statusCode(200);
        given().auth().oauth2(processorToken()).get("/agreements/{id}/subprocessors", agreement).then().statusCode(200)
                .body("subprocessors.find { it.name == 'Level 27' }.removedByChange", equalTo(id));
        assertEquals(before, given().auth().oauth2(processorToken()).get("/agreements/{id}/subprocessors", agreement).then()
                .extract().asString());
    }

    private void tickUntil(String id, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            scheduler.tick().await().indefinitely();
            return condition.call();
        });
    }

    private static void awaitListed(String agreement, String id, String status) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .get("/agreements/{id}/subprocessor-changes", agreement).then().statusCode(200)
                .body("items.find { it.changeId == '" + id + "' }.status", equalTo(status)));
    }

    private static String statusOf(String id) {
        return change(controllerToken(), id).extract().path("status");
    }

    private static List<TopicReader.Received> records(String id) {
        return TopicReader.readAll("dpa.subprocessors", r -> id.equals(r.key()));
    }

    private static long count(String id, String type) {
        return records(id).stream().filter(r -> r.ceType().equals(TYPES + type)).count();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
