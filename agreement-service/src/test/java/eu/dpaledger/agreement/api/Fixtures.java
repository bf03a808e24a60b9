package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** The seed agreement (deploy/demo) as a request body, and the calls every test repeats. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTROLLER = Tokens.OPWIJK;
    static final String PROCESSOR = Tokens.ESN;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEMS = "https://dpa-ledger.eu/problems/";
    /** SHA-256 of "test": a well-formed digest of a delivered archive. */
    static final String ARCHIVE_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Fixtures() {
    }

    /** A fresh copy of the seed agreement body (Opwijk ↔ ESN). */
    static ObjectNode seed() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("../deploy/demo/opwijk-esn-agreement.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed with another controller, so a test can own every agreement of that organisation (lists, counts). */
    static ObjectNode seedWithController(String controllerOrg) {
        ObjectNode body = seed();
        ((ObjectNode) body.get("controller")).put("enterpriseNumber", controllerOrg);
        return body;
    }

    /** A valid enterprise number no other test uses: 8 random digits starting with 0, then the mod-97 check. */
    static String newEnterpriseNumber() {
        long base = ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000);
        return String.format("0%07d%02d", base, 97 - base % 97);
    }

    static String controllerToken() {
        return Tokens.controller(CONTROLLER);
    }

    static String processorToken() {
        return Tokens.processor(PROCESSOR);
    }

    static String createDraft() {
        return createDraft(controllerToken(), seed());
    }

    static String createDraft(String token, Object body) {
        return create(token, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse create(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString()).post("/agreements").then();
    }

    static ValidatableResponse sign(String token, String id, long version) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(signature()).post("/agreements/{id}/signatures", id).then();
    }

    static Map<String, String> signature() {
        return Map.of("signerName", "Jan Voorbeeld", "signerTitle", "algemeen directeur", "place", "Opwijk");
    }

    /** A draft signed by both parties: ACTIVE at version 4 (created, signed, signed, activated). */
    static String activeAgreement() {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        sign(processorToken(), id, 2).statusCode(200);
        return id;
    }

    /** An agreement terminated a minute ago because the assignment ended: TERMINATED at version 5. */
    static String terminatedAgreement() {
        String id = activeAgreement();
        post(controllerToken(), "/agreements/{id}/termination", 4,
                Map.of("ground", "ASSIGNMENT_ENDED", "effectiveAt", now().minusSeconds(60).toString()), id)
                .statusCode(200);
        return id;
    }

    static ValidatableResponse post(String token, String path, long version, Object body, Object... params) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body instanceof ObjectNode node ? node.toString() : body).post(path, params).then();
    }

    static ValidatableResponse put(String token, String id, long version, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body.toString()).put("/agreements/{id}", id).then();
    }

    static ValidatableResponse get(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then();
    }

    /** The agreement's current version, read from its ETag (as the controller). */
    static long version(String id) {
        String etag = get(controllerToken(), "/agreements/{id}", id).statusCode(200).extract().header("ETag");
        return Long.parseLong(etag.replace("\"", ""));
    }

    /** Asserts an RFC 9457 problem with the rule's type URI and returns the response for further checks. */
    static ValidatableResponse problem(ValidatableResponse response, int status, String rule) {
        return response.statusCode(status).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + rule))
                .body("status", equalTo(status))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Publishes what subprocessor-service publishes when an objection stayed unresolved for 3 months (art. 6.2):
     * a {@code TerminationRightGranted} CloudEvent on {@code dpa.subprocessors}.
     */
    static String grantSubprocessorTerminationRight(String agreementId) {
        String changeId = UUID.randomUUID().toString();
        grantSubprocessorTerminationRight(agreementId, changeId);
        return changeId;
    }

    /** The same, for the objection to the change {@code changeId}. */
    static void grantSubprocessorTerminationRight(String agreementId, String changeId) {
        publishTerminationRightEvent(agreementId, changeId, false);
    }

    /**
     * Publishes what subprocessor-service publishes when the ground of that change's termination right went away
     * (DPA art. 6.2): a {@code TerminationRightLapsed} CloudEvent on {@code dpa.subprocessors}, here for a withdrawn
     * objection after the right was granted.
     */
    static void lapseSubprocessorTerminationRight(String agreementId, String changeId) {
        publishTerminationRightEvent(agreementId, changeId, true);
    }

    private static void publishTerminationRightEvent(String agreementId, String changeId, boolean lapsed) {
        Instant objected = now().minus(92, ChronoUnit.DAYS);
        Instant right = now().minus(1, ChronoUnit.HOURS);
        ObjectNode data = JSON.createObjectNode().put("changeId", changeId).put("agreementId", agreementId).put("streamVersion", 3);
        ObjectNode event = data.putObject("event").put("agreementId", agreementId).put("ground", "SUBPROCESSOR_OBJECTION")
                .put("objectionReceivedAt", objected.toString());
        if (lapsed) {
            event.put("reason", "OBJECTION_WITHDRAWN").put("wasGranted", true).put("at", now().toString());
        } else {
            event.put("terminationRightFrom", right.toString()).put("at", now().toString());
        }
        ObjectNode change = data.putObject("change").put("controllerOrg", CONTROLLER).put("processorOrg", PROCESSOR)
                .put("timeZone", "Europe/Brussels").put("kind", "ADD");
        change.putObject("subprocessor").put("name", "Cloudflare, Inc.").put("headOffice", "San Francisco").put("country", "US")
                .put("transferMechanism", "ADEQUACY_DECISION");
        change.putNull("replaces").put("intendedFrom", "2027-01-15").put("status", lapsed ? "ACCEPTED" : "OBJECTED")
                .put("announcedAt", objected.minus(5, ChronoUnit.DAYS).toString())
                .put("objectionWindowEndsAt", objected.plus(25, ChronoUnit.DAYS).toString()).put("windowWarned", false)
                .put("objectedAt", objected.toString()).put("terminationRightFrom", right.toString())
                .put("terminationWarned", true).put("terminationRightGranted", true).putNull("supersedes");
        if (lapsed) {
            change.put("acceptanceBasis", "OBJECTION_RESOLVED");
        } else {
            change.putNull("acceptanceBasis");
        }
        String type = "eu.dpaledger.subprocessor." + (lapsed ? "TerminationRightLapsed" : "TerminationRightGranted") + ".v1";
        // Consumer-side contract check: exactly what subprocessor-service promises to publish.
        java.util.Set<String> violations = eu.dpaledger.testing.Contracts.violations(type, data.toString());
        if (!violations.isEmpty()) {
            throw new AssertionError("fixture violates subprocessor-service's contract: " + violations);
        }
        TopicReader.write("dpa.subprocessors", changeId, data.toString(), Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", type,
                "ce_source", "/dpa-ledger/subprocessor-service",
                "ce_subject", changeId,
                "ce_time", now().toString(),
                "content-type", "application/json"));
    }
}
