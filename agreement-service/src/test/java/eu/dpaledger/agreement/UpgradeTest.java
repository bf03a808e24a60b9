package eu.dpaledger.agreement;

import eu.dpaledger.testing.FlywayHistory;
import eu.dpaledger.testing.ReleasedDatabaseProfile;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Upgrade from 0.1.0: the service boots on a database the released version left behind with its demo data
 * ({@code upgrade/0.1.0.sql}, a pg_dump after {@code ./dpa up}), migrates it, reads the old data through the
 * API as before and appends to an old stream.
 */
@QuarkusTest
@TestProfile(ReleasedDatabaseProfile.From010.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeTest {

    /** The demo data in the dump: the ACTIVE Opwijk ↔ ESN agreement (version 4) and what hangs off it. */
    static final String AGREEMENT = "c81905fe-8563-47ec-85ff-c6d4a06a8e69";
    static final String FLAGGED_INSTRUCTION = "0db3dde3-905f-416e-9c0d-285b3d1ce1db";
    static final String FORWARDED_REQUEST = "ce95d8a9-48ef-4234-83c5-7dec5ab66993";
    static final String VOORBEELD_DRAFT = "956f624c-925e-4cfb-898a-1e6008df97da";

    @Inject
    Pool pool;

    @Test
    @Order(1)
    void every_migration_on_the_classpath_is_recorded_as_applied() {
        FlywayHistory.assertEveryScriptApplied();
    }

    @Test
    @Order(2)
    void the_released_demo_data_reads_as_before() {
        String opwijk = Tokens.controller(Tokens.OPWIJK);
        get(opwijk, "/agreements?limit=200").statusCode(200)
                .body("items.find { it.agreementId == '" + AGREEMENT + "' }.status", equalTo("ACTIVE"))
                .body("items.find { it.agreementId == '" + AGREEMENT + "' }.processorName", equalTo("European Service Network"))
                .body("items.agreementId", not(hasItem(VOORBEELD_DRAFT)));
        get(Tokens.processor(Tokens.ESN), "/agreements/{id}", AGREEMENT).statusCode(200)
                .header("ETag", "\"4\"")
                .body("status", equalTo("ACTIVE"))
                .body("content.controller.name", equalTo("Lokaal bestuur Opwijk"))
                .body("content.subprocessors.name", contains("Level 27"))
                .body("signatures.party", contains("CONTROLLER", "PROCESSOR"));
        get(opwijk, "/agreements/{id}/evidence", AGREEMENT).statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(4));
        get(opwijk, "/instructions?agreement={a}", AGREEMENT).statusCode(200)
                .body("items.find { it.id == '" + FLAGGED_INSTRUCTION + "' }.status", equalTo("FLAGGED"));
        get(opwijk, "/data-subject-requests?agreement={a}", AGREEMENT).statusCode(200)
                .body("items.find { it.id == '" + FORWARDED_REQUEST + "' }.status", equalTo("AWAITING_APPROVAL"));
        get(Tokens.controller(Tokens.VOORBEELD), "/agreements/{id}", VOORBEELD_DRAFT).statusCode(200).body("status", equalTo("DRAFT"));
        get(opwijk, "/agreements/{id}", VOORBEELD_DRAFT).statusCode(404);
    }

    @Test
    @Order(3)
    void a_new_event_on_a_released_stream_extends_its_chain_and_reaches_kafka() {
        given().auth().oauth2(Tokens.processor(Tokens.ESN)).contentType(ContentType.JSON).header("If-Match", "\"4\"")
                .body(Map.of("title", "Addendum 1", "reason", "Web analytics added", "changes", Map.of("purposes", List.of("Web analytics"))))
                .post("/agreements/{id}/addenda", AGREEMENT).then().statusCode(201)
                .header("ETag", "\"5\"")
                .body("addenda[0].status", equalTo("PROPOSED"));
        var events = get(Tokens.controller(Tokens.OPWIJK), "/agreements/{id}/events", AGREEMENT).statusCode(200)
                .body("items.version", contains(1, 2, 3, 4, 5))
                .body("items[4].type", equalTo("AddendumProposed"));
        List<String> hashes = events.extract().path("items.hash");
        assertEquals(hashes.get(3), events.extract().path("items[4].previousHash"), "the new event links to the released head");
        get(Tokens.controller(Tokens.OPWIJK), "/agreements/{id}/evidence", AGREEMENT).statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(5))
                .body("headHash", equalTo(hashes.get(4)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of("eu.dpaledger.agreement.AddendumProposed.v1"),
                TopicReader.readAll("dpa.agreements", r -> AGREEMENT.equals(r.key())).stream().map(TopicReader.Received::ceType).toList()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(0L,
                pool.query("SELECT count(*) FROM outbox").execute().await().indefinitely().iterator().next().getLong(0), "outbox rows"));
        // The agreement list is a projection of dpa.agreements: the event made the round trip into the upgraded read model.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(Tokens.controller(Tokens.OPWIJK), "/agreements?limit=200")
                .body("items.find { it.agreementId == '" + AGREEMENT + "' }.version", equalTo(5)));
    }

    private static ValidatableResponse get(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then();
    }
}
