package eu.dpaledger.breach.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.dpaledger.breach.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Reporting, supplementing, assessing and notifying over HTTP against the real database and broker. */
@QuarkusTest
class BreachFlowTest {

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void the_processor_reports_with_incomplete_information_and_the_clocks_are_set() {
        String agreement = activeAgreement();
        Instant aware = TestClock.now().minusSeconds(3600);
        var created = report(processorToken(), agreement, minimal(aware)).statusCode(201)
                .header("ETag", "\"1\"").header("Location", org.hamcrest.Matchers.startsWith("/breaches/"))
                .body("status", equalTo("REPORTED"))
                .body("authority", equalTo("VTC"))
                .body("clocks.reportLate", equalTo(false))
                .body("clocks.reportDueAt", equalTo(aware.plusSeconds(24 * 3600).toString()))
                .body("openObligations", equalTo(List.of("ASSESSMENT", "AUTHORITY_NOTIFICATION")))
                .body("proposedSeverity.provisional", equalTo(true));
        String id = created.extract().path("id");
        Instant received = Instant.parse(created.extract().path("clocks.receivedAt"));
        breach(controllerToken(), id).statusCode(200)
                .body("clocks.controllerAwareAt", equalTo(received.toString()))
                .body("clocks.notificationDueAt", equalTo(received.plusSeconds(72 * 3600).toString()));
        await().atMost(Duration.ofSeconds(15)).until(() -> TopicReader.readAll("dpa.breaches",
                r -> id.equals(r.key()) && "eu.dpaledger.breach.BreachReported.v1".equals(r.ceType())).size() == 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/breaches").then().statusCode(200)
                .body("items.breachId", equalTo(List.of(id))).body("items[0].status", equalTo("REPORTED")));
    }

    @Test
    void a_report_more_than_24_hours_after_awareness_is_recorded_as_late() {
        String agreement = activeAgreement();
        Instant aware = TestClock.now().minusSeconds(25 * 3600);
        report(processorToken(), agreement, minimal(aware)).statusCode(201)
                .body("clocks.reportLate", equalTo(true))
                .body("clocks.reportLateBy", org.hamcrest.Matchers.startsWith("PT1H"));
    }

    @Test
    void inconsistent_input_is_a_400_naming_the_field_and_records_nothing() {
        String agreement = activeAgreement();
        Instant aware = TestClock.now().minusSeconds(3600);
        ObjectNode range = minimal(aware);
        range.putObject("personsAffected").put("kind", "RANGE").put("min", 10).put("max", 5);
        report(processorToken(), agreement, range).statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "inconsistent-report"))
                .body("violations[0].field", equalTo("personsAffected.min"));
        ObjectNode future = minimal(TestClock.now().plusSeconds(7200));
        report(processorToken(), agreement, future).statusCode(400).body("violations[0].field", equalTo("processorAwareAt"));
        ObjectNode before = minimal(aware);
        before.put("detectedAt", aware.plusSeconds(60).toString());
        report(processorToken(), agreement, before).statusCode(400).body("violations[0].field", equalTo("processorAwareAt"));
        ObjectNode badClass = minimal(aware);
        badClass.putArray("dataClasses").add("Z");
        report(processorToken(), agreement, badClass).statusCode(400).contentType(PROBLEM_JSON);
        report(processorToken(), agreement, "{\"description\":\"no awareness\"}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "field-required"));
        given().auth().oauth2(processorToken()).queryParam("agreement", agreement).get("/breaches").then().body("items", hasSize(0));
    }

    @Test
    void supplements_change_only_the_fields_sent_and_keep_their_history() {
        String agreement = activeAgreement();
        String id = reported(agreement, minimal(TestClock.now().minusSeconds(3600)));
        ObjectNode more = JSON.createObjectNode();
        more.putArray("dataClasses").add("B").add("K");
        more.putObject("personsAffected").put("kind", "RANGE").put("min", 10).put("max", 40);
        act(processorToken(), id, "supplements", 1, more).statusCode(200).header("ETag", "\"2\"")
                .body("report.dataClasses", org.hamcrest.Matchers.containsInAnyOrder("B", "K"))
                .body("report.description", notNullValue())
                .body("history.dataClasses", hasSize(1))
                .body("history.personsAffected[0].source", equalTo("SUPPLEMENT"))
                .body("history.description[0].source", equalTo("REPORT"))
                .body("proposedSeverity.dpc", equalTo(4));
        ObjectNode corrected = JSON.createObjectNode();
        corrected.putObject("personsAffected").put("kind", "RANGE").put("min", 10).put("max", 60);
        act(processorToken(), id, "supplements", 2, corrected).statusCode(200).body("history.personsAffected", hasSize(2));
        act(controllerToken(), id, "supplements", 3, corrected).statusCode(403);
        act(processorToken(), id, "supplements", 3, corrected).statusCode(400).body("type", equalTo(PROBLEMS + "nothing-to-supplement"));
    }

    @Test
    void the_controller_assesses_notifies_in_phases_and_informs_the_data_subjects() {
        String agreement = activeAgreement();
        String id = reported(agreement, complete(TestClock.now().minusSeconds(3600)));
        act(controllerToken(), id, "assessment", 1, JSON.createObjectNode().put("risk", "HIGH_RISK")
                .put("justification", "Health data of residents, copied, not encrypted")).statusCode(200)
                .body("status", equalTo("AWAITING_NOTIFICATION"))
                .body("assessment.risk", equalTo("HIGH_RISK"))
                .body("assessment.proposedRisk", equalTo("HIGH_RISK"))
                .body("openObligations", equalTo(List.of("AUTHORITY_NOTIFICATION", "DATA_SUBJECT_COMMUNICATION")));
        Instant now = TestClock.now();
        act(controllerToken(), id, "authority-notification", 2, JSON.createObjectNode().put("notifiedAt", now.toString())
                .put("reference", "VTC-2026-0042")).statusCode(200)
                .body("notifications[0].authority", equalTo("VTC"))
                .body("notifications[0].phase", equalTo("INITIAL"))
                .body("notifications[0].late", equalTo(false))
                .body("status", equalTo("NOTIFIED_IN_PHASES"));
        act(controllerToken(), id, "authority-notification", 3, JSON.createObjectNode().put("notifiedAt", now.toString())
                .put("reference", "VTC-2026-0042").put("phase", "FINAL")).statusCode(200).body("status", equalTo("NOTIFIED"));
        act(controllerToken(), id, "data-subject-communication", 4, JSON.createObjectNode().put("at", now.toString())
                .put("channel", "Letter to every affected resident")).statusCode(200)
                .body("openObligations", hasSize(0)).body("dataSubjects.channel", equalTo("Letter to every affected resident"));
        given().auth().oauth2(processorToken()).get("/breaches/{id}/timeline", id).then().statusCode(200)
                .body("items.type", equalTo(List.of("BreachReported", "RiskAssessed", "AuthorityNotified", "AuthorityNotified",
                        "DataSubjectsInformed")))
                .body("items[1].by.organisation", equalTo(CONTROLLER))
                .body("items[0].by.roles", hasItem("processor"));
        String next = given().auth().oauth2(processorToken()).queryParam("limit", 2).get("/breaches/{id}/timeline", id).then()
                .statusCode(200).body("items.version", equalTo(List.of(1, 2))).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(processorToken()).queryParam("limit", 2).queryParam("cursor", next)
                .get("/breaches/{id}/timeline", id).then().statusCode(200)
                .body("items.type", equalTo(List.of("AuthorityNotified", "AuthorityNotified")));
    }

    @Test
    void the_register_pages_by_cursor_with_its_filters_and_never_more_than_the_limit() {
        String agreement = activeAgreement();
        String elsewhere = activeAgreement();
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reported.add(reported(agreement, minimal(TestClock.now().minusSeconds(600))));
        }
        reported(elsewhere, minimal(TestClock.now().minusSeconds(600)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(controllerToken())
                .queryParam("agreement", agreement).get("/breaches").then().body("items", hasSize(5)));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(controllerToken()).queryParam("agreement", agreement).queryParam("status", "REPORTED")
                    .queryParam("limit", 2).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/breaches").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                    .body("filters", equalTo(Map.of("agreement", agreement, "status", "REPORTED")))
                    .extract();
            walked.addAll(page.path("items.breachId"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages, "5 breaches at 2 a page");
        assertEquals(Set.copyOf(reported), Set.copyOf(walked));
        assertEquals(5, walked.size(), "no breach twice: " + walked);

        given().auth().oauth2(controllerToken()).queryParam("limit", 201).get("/breaches").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(controllerToken()).queryParam("cursor", "eyJhIjoxfQ").get("/breaches").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("cursor"));
        given().auth().oauth2(controllerToken()).queryParam("cursor", "WyJub3QtYS10aW1lIiwieCJd").get("/breaches").then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void the_processor_is_refused_notifying_citing_article_7_3_and_other_organisations_see_nothing() {
        String agreement = activeAgreement();
        String id = reported(agreement, minimal(TestClock.now().minusSeconds(3600)));
        act(processorToken(), id, "authority-notification", 1, JSON.createObjectNode().put("notifiedAt", TestClock.now().toString())
                .put("reference", "GBA-1")).statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "only-controller-assesses-and-notifies"))
                .body("detail", org.hamcrest.Matchers.containsString("Art. 7.3"));
        report(controllerToken(), agreement, minimal(TestClock.now().minusSeconds(60))).statusCode(403)
                .body("type", equalTo(PROBLEMS + "only-processor-reports"));
        breach(Tokens.controller(Tokens.VOORBEELD), id).statusCode(404);
        breach(Tokens.processor(Tokens.HOSTING), id).statusCode(404);
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/breaches/{id}/timeline", id).then().statusCode(404);
        act(Tokens.controller(Tokens.VOORBEELD), id, "assessment", 1, JSON.createObjectNode().put("risk", "RISK")
                .put("justification", "x")).statusCode(404);
        report(Tokens.processor(Tokens.HOSTING), agreement, minimal(TestClock.now().minusSeconds(60))).statusCode(404);
        report(processorToken(), UUID.randomUUID().toString(), minimal(TestClock.now().minusSeconds(60))).statusCode(404);
        given().get("/breaches/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/breaches").then().statusCode(200)
                .body("items.breachId", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void a_late_notification_needs_its_reasons_and_an_overridden_awareness_needs_a_justification() {
        String agreement = activeAgreement();
        String id = reported(agreement, minimal(TestClock.now().minusSeconds(3600)));
        act(controllerToken(), id, "controller-awareness", 1, JSON.createObjectNode()
                .put("controllerAwareAt", TestClock.now().minusSeconds(600).toString())).statusCode(400)
                .body("type", equalTo(PROBLEMS + "justification-required"));
        TestClock.setNow(TestClock.now().plus(Duration.ofHours(73)));
        Instant late = TestClock.now();
        act(controllerToken(), id, "authority-notification", 1, JSON.createObjectNode().put("notifiedAt", late.toString())
                .put("reference", "VTC-9")).statusCode(400).body("type", equalTo(PROBLEMS + "delay-reasons-required"))
                .body("notificationDueAt", notNullValue());
        act(controllerToken(), id, "authority-notification", 1, JSON.createObjectNode().put("notifiedAt", late.toString())
                .put("reference", "VTC-9").put("delayReasons", "Forensics needed to confirm personal data was involved"))
                .statusCode(200).body("notifications[0].late", equalTo(true));
    }

    @Test
    void no_report_on_a_draft_but_a_terminated_agreement_still_takes_reports() {
        String draft = UUID.randomUUID().toString();
        AgreementEvents.publish(draft, 1, "eu.dpaledger.agreement.AgreementSigned.v1", signed(),
                AgreementEvents.summary("DRAFT", CONTROLLER, PROCESSOR, "GBA"), TestClock.now().toString());
        awaitAgreement(draft);
        report(processorToken(), draft, minimal(TestClock.now().minusSeconds(60))).statusCode(409)
                .body("type", equalTo(PROBLEMS + "agreement-not-in-force"));
        String ended = activeAgreement();
        AgreementEvents.terminated(ended, CONTROLLER, PROCESSOR, "VTC", TestClock.now().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> report(processorToken(), ended,
                minimal(TestClock.now().minusSeconds(60))).extract().statusCode() == 201);
        report(processorToken(), ended, minimal(TestClock.now().minusSeconds(60))).statusCode(201).body("status", equalTo("REPORTED"))
                .body("dataSubjects", nullValue());
    }

    private static ObjectNode signed() {
        return JSON.createObjectNode().put("party", "CONTROLLER").put("signerName", "Jan Voorbeeld").put("signerTitle", "directeur")
                .put("place", "Opwijk").put("contentSha256", "a".repeat(64)).put("at", TestClock.now().toString());
    }
}
