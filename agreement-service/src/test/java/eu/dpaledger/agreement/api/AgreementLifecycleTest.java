package eu.dpaledger.agreement.api;

import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agreement lifecycle end to end through HTTP, Kafka and the read model. */
@QuarkusTest
class AgreementLifecycleTest {

    @Test
    void drafted_and_signed_by_both_parties_the_agreement_is_active() {
        String id = createDraft();
        given().auth().oauth2(controllerToken()).get("/agreements/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("DRAFT"))
                .body("content.controller.enterpriseNumber", equalTo("0207511803"))
                .body("content.processor.enterpriseNumber", equalTo("0428304785"))
                .body("highestInformationClass", equalTo(3));
        sign(controllerToken(), id, 1).statusCode(200).body("status", equalTo("DRAFT"))
                .body("signatures[0].party", equalTo("CONTROLLER"));
        sign(processorToken(), id, 2).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("ACTIVE"))
                .body("signatures.party", containsInAnyOrder("CONTROLLER", "PROCESSOR"));
        given().auth().oauth2(processorToken()).get("/agreements/{id}/evidence", id).then().statusCode(200)
                .body("intact", equalTo(true)).body("eventsChecked", equalTo(4));
    }

    @Test
    void every_event_reaches_the_topic_as_a_cloud_event_that_matches_its_published_contract() {
        String id = activeAgreement();
        await().atMost(Duration.ofSeconds(15)).until(() -> TopicReader.readAll("dpa.agreements", r -> id.equals(r.key())).size() == 4);
        List<TopicReader.Received> records = TopicReader.readAll("dpa.agreements", r -> id.equals(r.key()));
        assertEquals(List.of("eu.dpaledger.agreement.DraftCreated.v1", "eu.dpaledger.agreement.AgreementSigned.v1",
                "eu.dpaledger.agreement.AgreementSigned.v1", "eu.dpaledger.agreement.AgreementActivated.v1"),
                records.stream().map(TopicReader.Received::ceType).toList());
        for (TopicReader.Received r : records) {
            assertEquals("/dpa-ledger/agreement-service", r.header("ce_source"));
            assertTrue(Contracts.violations(r.ceType(), r.value()).isEmpty(),
                    r.ceType() + " violates its contract: " + Contracts.violations(r.ceType(), r.value()));
        }
    }

    @Test
    void the_list_is_fed_through_kafka_and_scoped_to_the_callers_organisation() {
        String id = activeAgreement();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(controllerToken()).queryParam("status", "ACTIVE").get("/agreements")
                        .then().statusCode(200).body("items.agreementId", hasItem(id)));
        given().auth().oauth2(processorToken()).queryParam("party", "BE0207.511.803").get("/agreements")
                .then().statusCode(200).body("items.agreementId", hasItem(id));
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/agreements")
                .then().statusCode(200).body("items.agreementId", not(hasItem(id)));
        // Newest first: the agreement just made leads the first page, however many the organisation has.
        given().auth().oauth2(controllerToken()).queryParam("limit", 1).get("/agreements")
                .then().statusCode(200).body("items.agreementId", contains(id)).body("nextCursor", notNullValue());
    }

    @Test
    void termination_data_return_and_destruction_close_the_agreement() {
        String id = activeAgreement();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(controllerToken(), "/agreements/{id}/termination", 4,
                Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", now.minusSeconds(60).toString()), id)
                .statusCode(200).body("status", equalTo("TERMINATED"))
                .body("openExitSteps[0].step", equalTo("DATA_RETURN"));
        post(processorToken(), "/agreements/{id}/destruction-confirmation", 5,
                Map.of("confirmedAt", now.toString(), "statement", "destroyed"), id)
                .statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/destruction-before-data-return"));
        post(processorToken(), "/agreements/{id}/data-return", 5, Map.of("format", "application/json",
                "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "deliveredAt", now.toString()), id)
                .statusCode(200).body("openExitSteps[0].step", equalTo("DESTRUCTION_CONFIRMATION"))
                .body("openExitSteps[0].overdue", equalTo(false));
        post(processorToken(), "/agreements/{id}/destruction-confirmation", 6,
                Map.of("confirmedAt", now.toString(), "statement", "All copies and backups destroyed"), id)
                .statusCode(200).body("status", equalTo("CLOSED")).body("openExitSteps", empty());
        given().auth().oauth2(controllerToken()).get("/agreements/{id}/export", id).then().statusCode(200)
                .body("format", equalTo("https://dpa-ledger.eu/formats/agreement-export/v1"))
                .body("history.size()", equalTo(8))
                .body("evidence.intact", equalTo(true))
                .body("dataCategories[0].dpv", not(empty()));
    }

    @Test
    void the_openapi_example_of_a_draft_is_accepted_as_it_stands() {
        Object example = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath().get("paths.'/agreements'.post.requestBody.content.'application/json'.examples.values()[0].value");
        org.junit.jupiter.api.Assertions.assertNotNull(example, "the create operation documents an example");
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(example).post("/agreements")
                .then().statusCode(201).body("content.processor.enterpriseNumber", equalTo("0428304785"));
    }

    @Test
    void a_foreign_organisation_gets_404_on_every_agreement_endpoint() {
        String id = createDraft();
        String outsider = Tokens.controller(Tokens.VOORBEELD);
        for (String path : List.of("/agreements/{id}", "/agreements/{id}/events", "/agreements/{id}/evidence", "/agreements/{id}/export")) {
            given().auth().oauth2(outsider).get(path, id).then().statusCode(404).contentType("application/problem+json");
        }
        post(outsider, "/agreements/{id}/signatures", 1, Map.of("signerName", "X", "signerTitle", "Y", "place", "Z"), id)
                .statusCode(404);
        given().auth().oauth2(outsider).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(seed().toString())
                .put("/agreements/{id}", id).then().statusCode(404);
    }
}
