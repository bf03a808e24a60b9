package eu.dpaledger.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Audits across the real stack: the demo data holds an audit of ESN scheduled with proper notice and a
 * completed one whose plan awaits approval; Opwijk approves it with a real token, ESN cannot schedule,
 * the appointed audit firm sees its audits and another organisation sees nothing.
 */
@ExtendWith(Stack.class)
class AuditE2ETest {

    @Test
    void the_demo_audits_are_there_the_controller_approves_the_plan_and_roles_are_enforced() {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String agreement = Stack.demoAgreement(opwijk);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(opwijk).queryParam("agreement", agreement).get("/audits")
                .then().statusCode(200).body("items.status", containsInAnyOrder("SCHEDULED", "PLAN_SUBMITTED")));
        String held = as(opwijk).queryParam("agreement", agreement).queryParam("status", "PLAN_SUBMITTED").get("/audits")
                .then().extract().path("items[0].auditId");

        var audit = as(opwijk).get("/audits/{id}", held).then().statusCode(200).body("cost.borneBy", equalTo("PROCESSOR"));
        String planId = audit.extract().path("plans[0].planId");
        String etag = audit.extract().header("ETag");
        as(opwijk).contentType(ContentType.JSON).header("If-Match", etag).body("{\"approved\":true}")
                .post("/audits/{id}/plans/{plan}/decision", held, planId).then().statusCode(200).body("status", equalTo("PLAN_APPROVED"));

        as(esn).contentType(ContentType.JSON).body("{\"noticeGivenAt\":\"2026-01-05T09:00:00Z\",\"start\":\"2026-02-02T09:00:00Z\","
                        + "\"end\":\"2026-02-02T12:00:00Z\",\"scope\":\"x\"}")
                .post("/agreements/{id}/audits", agreement).then().statusCode(403);
        List<String> firm = as(Keycloak.user("auditor")).get("/audits").then().statusCode(200).extract().path("items.auditId");
        org.junit.jupiter.api.Assertions.assertTrue(firm.contains(held), "the appointed audit firm sees the audit");
        as(Keycloak.user("voorbeeld-dpo")).get("/audits/{id}", held).then().statusCode(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.audits", held).stream()
                .anyMatch(e -> "eu.dpaledger.audit.PlanDecided.v1".equals(e.headers().get("ce_type"))));
    }

    @Test
    void opwijk_asks_esn_for_dpia_input_esn_answers_with_an_attachment_and_the_obligation_is_met() {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String agreement = Stack.demoAgreement(opwijk);
        // The demo data: a DPIA request answered with an attachment.
        as(opwijk).queryParam("agreement", agreement).queryParam("kind", "DPIA").get("/assistance-requests").then().statusCode(200)
                .body("items.status", hasItem("ANSWERED"));

        String due = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).plusDays(21).toString();
        String id = as(opwijk).contentType(ContentType.JSON).body("{\"kind\":\"DPIA\",\"processing\":\"Digital citizen counter\","
                        + "\"questions\":[\"Which subprocessors see the appointments?\"],\"dueDate\":\"" + due + "\"}")
                .post("/agreements/{id}/assistance-requests", agreement).then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
        as(opwijk).contentType(ContentType.JSON).body("{\"kind\":\"DPIA\",\"processing\":\"x\",\"questions\":[\"q\"],\"dueDate\":\""
                        + java.time.LocalDate.now().plusDays(1) + "\"}")
                .post("/agreements/{id}/assistance-requests", agreement).then().statusCode(400)
                .body("type", equalTo("https://dpa-ledger.eu/problems/due-date-too-soon"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(Stack.REPORTING).auth().oauth2(esn)
                .queryParam("kind", "ASSISTANCE_REQUEST").get("/obligations").then().statusCode(200)
                .body("items.findAll { it.url.endsWith('" + id + "') }.state", hasItem("ON_TIME")));

        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        as(esn).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"text\":\"Only Level 27 (CDN) sees them; details attached.\",\"attachments\":[{\"name\":\"subprocessors.pdf\","
                        + "\"sha256\":\"" + sha + "\"}],\"costBasis\":\"PROCESSOR_RESPONSIBILITY\"}")
                .post("/assistance-requests/{id}/answer", id).then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("turns[1].attachments[0].sha256", equalTo(sha));
        as(Keycloak.user("voorbeeld-dpo")).get("/assistance-requests/{id}", id).then().statusCode(404);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(Stack.REPORTING).auth().oauth2(opwijk)
                .queryParam("kind", "ASSISTANCE_REQUEST").get("/obligations").then().statusCode(200)
                .body("items.findAll { it.url.endsWith('" + id + "') }.state", hasItem("DONE")));
    }

    @Test
    void esns_certificate_that_runs_out_in_twenty_days_is_its_obligation_and_opwijk_sees_the_register() {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String agreement = Stack.demoAgreement(opwijk);
        String certificate = as(opwijk).queryParam("agreement", agreement).queryParam("kind", "CERTIFICATION").get("/evidence").then()
                .statusCode(200).body("items[0].title", equalTo("ISO/IEC 27001")).body("items[0].expired", equalTo(false))
                .extract().path("items[0].itemId");
        as(opwijk).queryParam("agreement", agreement).queryParam("kind", "SECURITY_POLICY").get("/evidence").then()
                .body("items.size()", equalTo(1));
        as(Keycloak.user("voorbeeld-dpo")).get("/evidence/{id}", certificate).then().statusCode(404);
        // The scheduler (every minute) warns of it: renewing it is ESN's obligation, due within the 30-day warning.
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> given().baseUri(Stack.REPORTING).auth().oauth2(esn)
                .queryParam("kind", "EVIDENCE_RENEWAL").get("/obligations").then().statusCode(200)
                .body("items.findAll { it.url.endsWith('" + certificate + "') }.actingParty", hasItem("PROCESSOR")));
        // Opwijk acknowledges the register's certificate.
        String etag = as(opwijk).get("/evidence/{id}", certificate).then().statusCode(200).extract().header("ETag");
        as(opwijk).header("If-Match", etag).post("/evidence/{id}/acknowledgement", certificate).then().statusCode(200)
                .body("review", equalTo("ACKNOWLEDGED"));
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Stack.AUDITS).auth().oauth2(token);
    }
}
