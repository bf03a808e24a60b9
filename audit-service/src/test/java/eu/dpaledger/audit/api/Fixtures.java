package eu.dpaledger.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.time.WorkingCalendar;
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

/** Agreements fed as agreement-service publishes them, audit bodies, and the calls the tests repeat. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
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

    static String auditorToken() {
        return Tokens.auditor(Tokens.AUDIT_FIRM);
    }

    /** A new active Opwijk ↔ ESN agreement, once this service has taken it in. */
    static String activeAgreement() {
        String id = AgreementEvents.activated(CONTROLLER, PROCESSOR, "VTC", TestClock.now().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body("{}").post("/agreements/{id}/audits", id).statusCode() != 404);
        return id;
    }

    /** The first working day (Belgian calendar) at least {@code days} days from now, at {@code hour}:00 in Brussels. */
    static Instant workingDayAfter(int days, int hour) {
        LocalDate date = WorkingCalendar.belgium(BRUSSELS).nextWorkingDayOnOrAfter(LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(days));
        return date.atTime(hour, 0).atZone(BRUSSELS).toInstant();
    }

    /** An audit with notice now, on a working day about two weeks later, 10:00–15:00, by the audit firm. */
    static ObjectNode audit() {
        Instant start = workingDayAfter(14, 10);
        return JSON.createObjectNode().put("noticeGivenAt", TestClock.now().minusSeconds(60).toString()).put("start", start.toString())
                .put("end", start.plusSeconds(5 * 3600).toString()).put("scope", "Hosting of the municipal website")
                .put("location", "ESN, Kunstlaan 47, Brussel").put("auditorOrg", Tokens.AUDIT_FIRM);
    }

    static ValidatableResponse schedule(String token, String agreementId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/agreements/{id}/audits", agreementId).then();
    }

    static ValidatableResponse act(String token, String auditId, String action, long version, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body.toString()).post("/audits/{id}/" + action, auditId).then();
    }

    static ValidatableResponse audit(String token, String auditId) {
        return given().auth().oauth2(token).get("/audits/{id}", auditId).then();
    }
}
