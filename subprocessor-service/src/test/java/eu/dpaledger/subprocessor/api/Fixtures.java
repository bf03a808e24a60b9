package eu.dpaledger.subprocessor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.subprocessor.TestClock;
import eu.dpaledger.testing.Contracts;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    static final String ACTIVATED = "eu.dpaledger.agreement.AgreementActivated.v1";

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
        String id = UUID.randomUUID().toString();
        publishAgreementEvent(id, 4, ACTIVATED, "ACTIVE", controllerOrg, processorOrg,
                JSON.createObjectNode().put("contentSha256", "a".repeat(64)).put("at", TestClock.now().toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.controller(controllerOrg))
                .get("/agreements/{id}/subprocessors", id).statusCode() == 200);
        return id;
    }

    static void publishAgreementEvent(String id, long version, String type, String status, String controllerOrg,
                                      String processorOrg, ObjectNode event) {
        ObjectNode data = JSON.createObjectNode();
        data.put("agreementId", id);
        data.put("streamVersion", version);
        data.set("event", event);
        ObjectNode summary = data.putObject("agreement");
        summary.put("status", status);
        summary.putObject("controller").put("name", "Lokaal bestuur Opwijk").put("enterpriseNumber", controllerOrg);
        summary.putObject("processor").put("name", "European Service Network").put("enterpriseNumber", processorOrg);
        summary.put("assignment", "Opbouw en hosting website + hosting Matomo");
        summary.putObject("settings").put("supervisoryAuthority", "VTC").put("timeZone", "Europe/Brussels")
                .put("subprocessorObjectionDays", 30).put("destructionConfirmationDays", 30);
        summary.put("highestInformationClass", 2);
        ArrayNode subprocessors = summary.putArray("subprocessors");
        subprocessors.addObject().put("name", "Level 27").put("headOffice", "Hasselt").put("country", "BE")
                .putNull("transferMechanism");
        summary.putArray("processingLocations").addObject().put("country", "BE").putNull("transferMechanism");
        String value = data.toString();
        // Consumer-side contract check: what we feed the service is what agreement-service promises to publish.
        Set<String> violations = Contracts.violations(type, value);
        assertTrue(violations.isEmpty(), "fixture violates agreement-service's contract: " + violations);
        TopicReader.write("dpa.agreements", id, value, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", "/dpa-ledger/agreement-service", "ce_subject", id,
                "ce_time", TestClock.now().toString(), "content-type", "application/json"));
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
