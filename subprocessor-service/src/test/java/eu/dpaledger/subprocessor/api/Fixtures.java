package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Agreements as agreement-service publishes them on {@code dpa.agreements} (checked against its published
 * contract), and the calls the tests repeat.
 */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTROLLER = Tokens.OPWIJK;
    static final String PROCESSOR = Tokens.ESN;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEMS = "https://dpa-ledger.eu/problems/";
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private Fixtures() {
    }

    static String controllerToken() {
        return Tokens.controller(CONTROLLER);
    }

    static String processorToken() {
        return Tokens.processor(PROCESSOR);
    }

    /**
     * Publishes the activation of a fresh Opwijk ↔ ESN agreement (annex 1: Level 27, BE; 30-day objection
     * window) the way agreement-service does, and waits until this service has taken it in.
     */
    static String activeAgreement() {
        return activeAgreement(CONTROLLER, PROCESSOR);
    }

    static String activeAgreement(String controllerOrg, String processorOrg) {
        String id = AgreementEvents.activated(controllerOrg, processorOrg, "VTC", TestClock.now().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.controller(controllerOrg))
                .get("/agreements/{id}/subprocessors", id).statusCode() == 200);
        return id;
    }

    /** An ADD of Cloudflare (US, adequacy decision) intended the day after the 30-day window. */
    static ObjectNode addCloudflare() {
        LocalDate from = LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(45);
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", "ADD");
        body.putObject("subprocessor").put("name", "Cloudflare, Inc.").put("headOffice", "San Francisco").put("country", "US")
                .put("transferMechanism", "ADEQUACY_DECISION");
        body.put("intendedFrom", from.toString());
        body.put("reason", "Content delivery network for the municipal website");
        return body;
    }

    static ValidatableResponse announce(String token, String agreementId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/agreements/{id}/subprocessor-changes", agreementId).then();
    }

    static String announced(String agreementId) {
        return announce(processorToken(), agreementId, addCloudflare()).statusCode(201).extract().path("id");
    }

    static ValidatableResponse act(String token, String changeId, String action, long version, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body.toString()).post("/subprocessor-changes/{id}/" + action, changeId).then();
    }

    static ValidatableResponse object(String changeId, long version) {
        return act(controllerToken(), changeId, "objection", version, JSON.createObjectNode()
                .put("grounds", "Transfers to the United States are not acceptable for this data"));
    }

    static ValidatableResponse change(String token, String changeId) {
        return given().auth().oauth2(token).get("/subprocessor-changes/{id}", changeId).then();
    }

    static Instant instant(String text) {
        return Instant.parse(text);
    }
}
