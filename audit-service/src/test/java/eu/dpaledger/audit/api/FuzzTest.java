package eu.dpaledger.audit.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.fuzz.ApiFuzzer;
import eu.dpaledger.testing.fuzz.FuzzReport;
import eu.dpaledger.testing.fuzz.NothingLeftBehind;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static eu.dpaledger.audit.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Bad input cannot hurt: every operation of the service's OpenAPI document, sent malformed JSON, wrong
 * types, missing and unknown fields, huge and unicode-edge strings, bad ids, query values and headers,
 * as each role and on real agreements, audits (scheduled, and with an approved plan), information
 * requests and calendars, answers a 4xx problem document, never a 5xx; afterwards the outbox is empty
 * and every event is on {@code dpa.audits} once.
 */
@QuarkusTest
// Last in the module (eu.dpaledger.testing.ByOrderThenName): while a kernel cause is open, the fuzz can leave the service harmed.
@Order(Integer.MAX_VALUE)
class FuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @AfterEach
    void realTimeAndPlainCalendars() {
        TestClock.reset();
        // The fuzz sets the parties' own calendars; other tests expect none.
        Map.of(CONTROLLER, controllerToken(), PROCESSOR, processorToken()).forEach((org, token) ->
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"flemishPublicBody\":false,\"closingDays\":[]}")
                        .put("/organisations/{org}/calendar", org).then().statusCode(200));
    }

    @Test
    void bad_input_gets_a_4xx_problem_never_a_5xx_and_every_event_is_published_once() {
        String agreement = activeAgreement();
        String other = activeAgreement();
        String scheduled = schedule(controllerToken(), agreement, audit()).statusCode(201).extract().path("id");
        var created = schedule(controllerToken(), other, audit()).statusCode(201);
        String withPlan = created.extract().path("id");
        TestClock.setNow(Instant.parse(created.extract().path("schedule.start")).plusSeconds(3600));
        String finding = act(auditorToken(), withPlan, "findings", 1, JSON.createObjectNode().put("title", "No MFA")
                .put("severity", "MAJOR")).statusCode(200).extract().path("findings[0].findingId");
        act(controllerToken(), withPlan, "completion", 2, JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                .put("nonCompliance", true)).statusCode(200);
        act(processorToken(), withPlan, "plans", 3, plan(finding)).statusCode(200);
        String planId = audit(controllerToken(), withPlan).extract().path("plans[0].planId");
        act(controllerToken(), withPlan, "plans/" + planId + "/decision", 4, JSON.createObjectNode().put("approved", true))
                .statusCode(200);
        TestClock.reset();
        String question = "{\"question\":\"List the staff with access\",\"dueDate\":\"" + LocalDate.now(BRUSSELS).plusDays(7) + "\"}";
        String request = given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body(question)
                .post("/agreements/{id}/information-requests", agreement).then().statusCode(201).extract().path("id");
        Instant start = workingDayAfter(14, 10);

        FuzzReport report = ApiFuzzer.against(base.toString())
                .role("controller", controllerToken())
                .role("processor", processorToken())
                .role("auditor", auditorToken())
                .role("other-controller", Tokens.controller(Tokens.VOORBEELD))
                .role("admin", Tokens.admin())
                .ids("/agreements/{agreementId}", agreement, other)
                .ids("/audits/{id}", scheduled, withPlan)
                .ids("/audits/{id}/plans/{planId}", planId)
                .ids("/audits/{id}/plans/{planId}/measures/{measureId}", "m1")
                .ids("/information-requests/{id}", request)
                .ids("/organisations/{organisation}", CONTROLLER, PROCESSOR)
                // Valid bodies dated from now (the document's examples have fixed dates).
                .body("POST /agreements/{agreementId}/audits", audit().toString())
                .body("POST /audits/{id}/reschedule", JSON.createObjectNode().put("noticeGivenAt", TestClock.now().toString())
                        .put("start", start.toString()).put("end", start.plusSeconds(3600).toString()).put("reason", "Auditor ill").toString())
                .body("POST /audits/{id}/completion", JSON.createObjectNode().put("completedAt", TestClock.now().toString())
                        .put("nonCompliance", true).toString())
                .body("POST /audits/{id}/plans", plan(finding).toString())
                .body("POST /agreements/{agreementId}/information-requests", question)
                .body("POST /information-requests/{id}/answer",
                        "{\"text\":\"See the list\",\"attachments\":[{\"name\":\"staff.pdf\",\"sha256\":\"" + "ab".repeat(32) + "\"}]}")
                .budget(Duration.ofSeconds(40))
                .run();
        System.out.println(report.summary());

        assertAll(report::assertNoFailures,
                () -> NothingLeftBehind.outboxEmpties(this::outboxRows),
                () -> NothingLeftBehind.eachEventIdOnce("dpa.audits"));
    }

    private static ObjectNode plan(String finding) {
        ObjectNode plan = JSON.createObjectNode();
        plan.putArray("measures").addObject().put("description", "Enforce MFA").put("dueDate",
                LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(10).toString()).putArray("findingIds").add(finding);
        return plan;
    }

    private long outboxRows() {
        return pool.query("SELECT count(*) AS n FROM outbox").execute().await().indefinitely().iterator().next().getLong("n");
    }
}
