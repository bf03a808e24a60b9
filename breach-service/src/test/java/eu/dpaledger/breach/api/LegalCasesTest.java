package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static eu.dpaledger.breach.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * What a user sees of the legal second pass: a corrected awareness keeps the lateness (DPA art. 7.3), an
 * incomplete report is proposed as a risk (EDPB Guidelines 9/2022), the GDPR art. 34(3) exemptions rest on
 * what they name, and a serious attempt (DPA art. 7.3) runs the 24-hour clock only until assessed as a breach.
 */
@QuarkusTest
class LegalCasesTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void awareness_cannot_be_moved_after_receipt_and_the_lateness_on_receipt_stays() {
        String agreement = activeAgreement();
        Instant aware = TestClock.now().minus(Duration.ofHours(35));
        var created = report(processorToken(), agreement, minimal(aware)).statusCode(201)
                .body("clocks.reportLateBy", startsWith("PT11H"));
        String id = created.extract().path("id");
        Instant received = Instant.parse(created.extract().path("clocks.receivedAt"));
        TestClock.setNow(received.plus(Duration.ofHours(2)));
        act(processorToken(), id, "supplements", 1, JSON.createObjectNode()
                .put("processorAwareAt", received.plus(Duration.ofMinutes(30)).toString())).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "inconsistent-report"))
                .body("violations[0].field", equalTo("processorAwareAt"))
                .body("detail", containsString("DPA art. 7.3"));
        act(processorToken(), id, "supplements", 1, JSON.createObjectNode().put("processorAwareAt", received.toString()))
                .statusCode(200)
                .body("clocks.reportLate", equalTo(false))
                .body("clocks.reportLateOnReceipt", equalTo(true))
                .body("clocks.reportLateByOnReceipt", startsWith("PT11H"))
                .body("history.processorAwareAt", hasSize(2));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/breaches").then()
                .body("items[0].lateBySeconds", equalTo(0))
                .body("items[0].lateBySecondsOnReceipt", both(greaterThanOrEqualTo(11 * 3600)).and(lessThan(11 * 3600 + 60))));
    }

    @Test
    void a_report_with_little_known_is_proposed_as_a_risk_and_says_what_is_missing() {
        String agreement = activeAgreement();
        report(processorToken(), agreement, minimal(TestClock.now().minusSeconds(3600))).statusCode(201)
                .body("proposedSeverity.level", equalTo("LOW"))
                .body("proposedSeverity.proposedRisk", equalTo("RISK"))
                .body("proposedSeverity.notYetKnown", equalTo(List.of("dataClasses", "unintelligible", "circumstances")));
    }

    @Test
    void exemptions_rest_on_what_they_name_and_a_later_communication_is_still_recorded() {
        String agreement = activeAgreement();
        String id = reported(agreement, complete(TestClock.now().minusSeconds(3600)));
        act(controllerToken(), id, "assessment", 1, JSON.createObjectNode().put("risk", "HIGH_RISK")
                .put("justification", "Health data, copied, not encrypted")).statusCode(200);
        act(controllerToken(), id, "data-subject-communication", 2, JSON.createObjectNode().put("exemption", "UNINTELLIGIBLE")
                .put("exemptionReason", "Encrypted")).statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "exemption-conditions-not-met"))
                .body("violations[0].field", equalTo("exemption"))
                .body("detail", containsString("GDPR art. 34(3)(a)"));
        act(controllerToken(), id, "data-subject-communication", 2, JSON.createObjectNode().put("exemption", "DISPROPORTIONATE_EFFORT")
                .put("exemptionReason", "Addresses unknown")).statusCode(400)
                .body("type", equalTo(PROBLEMS + "exemption-conditions-not-met"))
                .body("violations[0].field", equalTo("at"));
        Instant now = TestClock.now();
        act(controllerToken(), id, "data-subject-communication", 2, JSON.createObjectNode().put("exemption", "DISPROPORTIONATE_EFFORT")
                .put("exemptionReason", "Addresses unknown").put("at", now.toString()).put("channel", "Notice on opwijk.be"))
                .statusCode(200)
                .body("dataSubjects.exemption", equalTo("DISPROPORTIONATE_EFFORT"))
                .body("dataSubjects.publicChannel", equalTo("Notice on opwijk.be"))
                .body("openObligations", equalTo(List.of("AUTHORITY_NOTIFICATION")));
        // GDPR art. 34(4): the authority may still require a communication.
        act(controllerToken(), id, "data-subject-communication", 3, JSON.createObjectNode().put("at", now.toString())
                .put("channel", "Letter, as the VTC required")).statusCode(200)
                .body("dataSubjects.channel", equalTo("Letter, as the VTC required"))
                .body("dataSubjects.exemption", equalTo("DISPROPORTIONATE_EFFORT"));
        act(controllerToken(), id, "data-subject-communication", 4, JSON.createObjectNode().put("at", now.toString())
                .put("channel", "Again")).statusCode(409).body("type", equalTo(PROBLEMS + "data-subjects-already-decided"));
    }

    @Test
    void a_serious_attempt_runs_the_24_hours_only_until_the_controller_assesses_it_as_a_breach() {
        String agreement = activeAgreement();
        ObjectNode attempt = minimal(TestClock.now().minusSeconds(3600)).put("kind", "SERIOUS_ATTEMPT");
        var created = report(processorToken(), agreement, attempt).statusCode(201)
                .body("kind", equalTo("SERIOUS_ATTEMPT"))
                .body("status", equalTo("ATTEMPT_REPORTED"))
                .body("clocks.reportLate", equalTo(false))
                .body("clocks.notificationDueAt", nullValue())
                .body("clocks.notificationOverdue", equalTo(false))
                .body("openObligations", equalTo(List.of("ASSESSMENT")));
        String id = created.extract().path("id");
        act(controllerToken(), id, "assessment", 1, JSON.createObjectNode().put("risk", "RISK").put("justification", "x"))
                .statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "attempt-not-assessed-as-breach"))
                .body("detail", containsString("DPA art. 7.3"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("status", "ATTEMPT_REPORTED").queryParam("agreement", agreement).get("/breaches").then()
                .statusCode(200).body("items.breachId", equalTo(List.of(id))).body("items[0].kind", equalTo("SERIOUS_ATTEMPT"))
                .body("items[0].notificationDueAt", nullValue()));
        given().auth().oauth2(processorToken()).accept("text/html").get("/breaches/{id}/form", id).then().statusCode(200)
                .body(containsString("Ernstige poging tot onrechtmatige of ongeautoriseerde verwerking of toegang"));

        act(processorToken(), id, "attempt-assessment", 1, JSON.createObjectNode().put("breach", true)
                .put("justification", "x")).statusCode(403);
        Instant assessedAt = TestClock.now();
        act(controllerToken(), id, "attempt-assessment", 1, JSON.createObjectNode().put("breach", true)
                .put("controllerAwareAt", assessedAt.toString())
                .put("justification", "The attacker's session reached the residents' files")).statusCode(200)
                .body("kind", equalTo("BREACH"))
                .body("status", equalTo("REPORTED"))
                .body("attemptAssessment.breach", equalTo(true))
                .body("clocks.controllerAwareAt", equalTo(assessedAt.toString()))
                .body("clocks.notificationDueAt", equalTo(assessedAt.plus(Duration.ofHours(72)).toString()))
                .body("openObligations", equalTo(List.of("ASSESSMENT", "AUTHORITY_NOTIFICATION")));
        act(controllerToken(), id, "attempt-assessment", 2, JSON.createObjectNode().put("breach", false)
                .put("justification", "x")).statusCode(409).body("type", equalTo(PROBLEMS + "not-a-serious-attempt"));
        await().atMost(Duration.ofSeconds(15)).until(() -> TopicReader.readAll("dpa.breaches",
                r -> id.equals(r.key()) && "eu.dpaledger.breach.AttemptAssessed.v1".equals(r.ceType())).size() == 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/breaches").then()
                .body("items[0].status", equalTo("REPORTED")).body("items[0].kind", equalTo("BREACH")));
    }
}
