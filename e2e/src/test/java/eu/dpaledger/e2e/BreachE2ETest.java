package eu.dpaledger.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breaches across the real stack: the demo data holds one breach reported in time and one late; ESN
 * reports a new one through a real Keycloak token, Opwijk assesses and notifies its authority (VTC),
 * ESN is refused notifying (art. 7.3), and the events land on {@code dpa.breaches}.
 */
@ExtendWith(Stack.class)
class BreachE2ETest {

    @Test
    void the_processor_reports_the_controller_assesses_and_notifies_and_the_processor_cannot_notify() {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        String agreement = Stack.demoAgreement(opwijk);

        // The demo data: one report in time, one late, both still open.
        String demo = "items.findAll { it.description.startsWith('Phishing') || it.description.startsWith('A backup') }.collect { it.lateBySeconds > 0 }";
        await().atMost(Duration.ofSeconds(30)).until(() -> as(opwijk).queryParam("agreement", agreement).get("/breaches")
                .then().extract().<List<Boolean>>path(demo).size() == 2);
        List<Boolean> late = as(opwijk).queryParam("agreement", agreement).get("/breaches").then().statusCode(200).extract().path(demo);
        assertTrue(late.contains(true) && late.contains(false), "one demo breach late, one in time: " + late);

        Instant aware = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String breach = as(esn).contentType(ContentType.JSON)
                .body("{\"processorAwareAt\":\"" + aware + "\",\"description\":\"Laptop with a copy of the appointment list stolen\","
                        + "\"dataClasses\":[\"B\",\"C\"],\"circumstances\":[\"E\"],\"unintelligible\":{\"answer\":\"NO\",\"how\":null}}")
                .post("/agreements/{id}/breaches", agreement).then().statusCode(201)
                .body("clocks.reportLate", equalTo(false)).body("authority", equalTo("VTC"))
                .extract().path("id");

        as(esn).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"notifiedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"reference\":\"VTC-X\"}")
                .post("/breaches/{id}/authority-notification", breach).then().statusCode(403)
                .body("detail", containsString("Art. 7.3"));
        as(opwijk).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"risk\":\"RISK\",\"justification\":\"Names and phone numbers on an unencrypted laptop\"}")
                .post("/breaches/{id}/assessment", breach).then().statusCode(200)
                .body("assessment.proposedLevel", org.hamcrest.Matchers.notNullValue());
        as(opwijk).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body("{\"notifiedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"reference\":\"VTC-2026-0101\",\"phase\":\"FINAL\"}")
                .post("/breaches/{id}/authority-notification", breach).then().statusCode(200)
                .body("status", equalTo("NOTIFIED")).body("notifications[0].authority", equalTo("VTC"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Topics.read("dpa.breaches", breach).size() == 3);
        as(esn).get("/breaches/{id}/timeline", breach).then().statusCode(200)
                .body("items.type", equalTo(List.of("BreachReported", "RiskAssessed", "AuthorityNotified")));
        as(Keycloak.user("voorbeeld-dpo")).get("/breaches/{id}", breach).then().statusCode(404);
        as(opwijk).accept("text/html").get("/breaches/{id}/form", breach).then().statusCode(200)
                .body(containsString("Laptop with a copy of the appointment list stolen"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(opwijk).queryParam("status", "NOTIFIED").get("/breaches")
                .then().body("items.breachId", hasItem(breach)));
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Stack.BREACHES).auth().oauth2(token);
    }
}
