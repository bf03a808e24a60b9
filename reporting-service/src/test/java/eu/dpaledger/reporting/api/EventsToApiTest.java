package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole way: agreement-service's events, as published (contract-checked), on the real topic, through the
 * projections into the read models, out of the API for the right people only.
 */
@QuarkusTest
class EventsToApiTest extends TestInfrastructure {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void a_termination_on_the_topic_is_the_processors_data_return_due_soon_in_the_list_of_both_parties() {
        String controller = Seed.org();
        String processor = Seed.org();
        Instant effective = Instant.parse("2027-02-01T09:00:00Z");
        String agreement = AgreementEvents.activated(controller, processor, "GBA", "2026-11-01T09:00:00Z");
        AgreementEvents.terminated(agreement, controller, processor, "GBA", effective.toString());
        TestClock.setNow(effective.minus(Duration.ofDays(3)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.controller(controller)).get("/obligations").then().statusCode(200)
                        .body("items.id", contains(agreement + ":DATA_RETURN")));
        given().auth().oauth2(Tokens.controller(controller)).get("/obligations").then()
                .body("items[0].kind", equalTo("DATA_RETURN"))
                .body("items[0].actingParty", equalTo("PROCESSOR"))
                .body("items[0].article", equalTo("DPA art. 11.2"))
                .body("items[0].dueAt", equalTo("2027-02-01T09:00:00Z"))
                .body("items[0].state", equalTo("DUE_SOON"))
                .body("items[0].url", equalTo("http://127.0.0.1:8081/agreements/" + agreement));
        given().auth().oauth2(Tokens.processor(processor)).queryParam("state", "DUE_SOON").get("/obligations").then().statusCode(200)
                .body("items.id", contains(agreement + ":DATA_RETURN"));
        given().auth().oauth2(Tokens.controller(Seed.org())).queryParam("agreement", agreement).get("/obligations").then()
                .statusCode(200).body("items", empty());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.controller(controller)).get("/portfolio").then().statusCode(200)
                        .body("items.agreementId", contains(agreement))
                        .body("items[0].status", equalTo("TERMINATED"))
                        .body("items[0].terminatedAt", equalTo("2027-02-01T09:00:00Z"))
                        .body("items[0].openObligations", equalTo(1)));
    }
}
