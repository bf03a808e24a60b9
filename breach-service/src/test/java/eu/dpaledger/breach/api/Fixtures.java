package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Agreements fed as agreement-service publishes them, annex-2 bodies, and the calls the tests repeat. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTROLLER = Tokens.OPWIJK;
    static final String PROCESSOR = Tokens.ESN;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEMS = "https://dpa-ledger.eu/problems/";

    private Fixtures() {
    }

    static String controllerToken() {
        return Tokens.controller(CONTROLLER);
    }

    static String processorToken() {
        return Tokens.processor(PROCESSOR);
    }

    /** A new active Opwijk ↔ ESN agreement (authority VTC), once this service has taken it in. */
    static String activeAgreement() {
        String id = AgreementEvents.activated(CONTROLLER, PROCESSOR, "VTC", TestClock.now().toString());
        awaitAgreement(id);
        return id;
    }

    /** Waits until the service knows the agreement: an empty report is then refused by the rules (400/409), not 404. */
    static void awaitAgreement(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(processorToken()).contentType(ContentType.JSON)
                .body("{}").post("/agreements/{id}/breaches", id).statusCode() != 404);
    }

    /** The minimum annex 2: awareness (an hour ago) and a description. */
    static ObjectNode minimal(Instant processorAwareAt) {
        return JSON.createObjectNode().put("processorAwareAt", processorAwareAt.toString())
                .put("description", "A staff member's mailbox was accessed from an unknown address");
    }

    /** A complete annex 2: every field filled. */
    static ObjectNode complete(Instant processorAwareAt) {
        ObjectNode body = minimal(processorAwareAt);
        body.putObject("internalContact").put("name", "Piet Proef").put("email", "security@esn.example.com").put("phone", "+32 000 00 00 02");
        body.putObject("company").put("name", "European Service Network").put("address", "Kunstlaan 47, 1000 Brussel")
                .put("vatNumber", "BE0428304785");
        body.putObject("foundBy").put("name", "SOC analyst").put("jobTitle", "Security engineer");
        body.put("detectedAt", processorAwareAt.minusSeconds(1800).toString());
        body.putObject("occurrence").put("kind", "BETWEEN").put("from", processorAwareAt.minusSeconds(86400).toString())
                .put("to", processorAwareAt.minusSeconds(3600).toString()).putNull("at");
        body.putArray("dataClasses").add("B").add("D").add("K");
        body.putNull("otherData");
        body.putObject("personsAffected").put("kind", "RANGE").put("min", 120).put("max", 300);
        body.put("groupDescription", "Residents who booked an appointment at the social service");
        body.putArray("circumstances").add("B");
        body.putObject("unintelligible").put("answer", "NO").putNull("how");
        body.putNull("encryption");
        body.put("measures", "Passwords reset, MFA enforced, mailbox rules removed");
        return body;
    }

    static ValidatableResponse report(String token, String agreementId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/agreements/{id}/breaches", agreementId).then();
    }

    static String reported(String agreementId, Object body) {
        return report(processorToken(), agreementId, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse act(String token, String breachId, String action, long version, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body.toString()).post("/breaches/{id}/" + action, breachId).then();
    }

    static ValidatableResponse breach(String token, String breachId) {
        return given().auth().oauth2(token).get("/breaches/{id}", breachId).then();
    }
}
