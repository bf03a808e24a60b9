package eu.dpaledger.audit.api;

import eu.dpaledger.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static eu.dpaledger.audit.api.Fixtures.BRUSSELS;
import static eu.dpaledger.audit.api.Fixtures.PROBLEMS;
import static eu.dpaledger.audit.api.Fixtures.PROBLEM_JSON;
import static eu.dpaledger.audit.api.Fixtures.activeAgreement;
import static eu.dpaledger.audit.api.Fixtures.controllerToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The information request whose 1 MB question once made an event the broker refused, which then
 * stopped the outbox relay for good (issue "Bad input cannot hurt"): now a problem naming the field,
 * nothing stored, nothing to publish.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void a_one_megabyte_question_is_refused_naming_it_and_nothing_is_stored() {
        String agreement = activeAgreement();
        String due = LocalDate.ofInstant(TestClock.now(), BRUSSELS).plusDays(7).toString();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON)
                .body("{\"question\":\"" + "q".repeat(1024 * 1024) + "\",\"dueDate\":\"" + due + "\"}")
                .post("/agreements/{id}/information-requests", agreement)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "field-too-long"))
                .body("violations[0].field", equalTo("question"));
        given().auth().oauth2(controllerToken()).queryParam("agreement", agreement).get("/information-requests")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void a_calendar_closing_every_day_of_the_year_is_refused_not_left_to_break_every_audit_later() {
        StringBuilder days = new StringBuilder();
        for (java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            days.append(days.length() == 0 ? "" : ",").append("{\"name\":\"closed\",\"recurring\":\"")
                    .append(java.time.MonthDay.from(d)).append("\"}");
        }
        given().auth().oauth2(Fixtures.processorToken()).contentType(ContentType.JSON)
                .body("{\"flemishPublicBody\":false,\"closingDays\":[" + days + "]}")
                .put("/organisations/{org}/calendar", Fixtures.PROCESSOR)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "invalid-calendar"))
                .body("violations[0].field", equalTo("closingDays"));
    }

    @Test
    void a_nul_character_in_an_audit_id_is_a_400_not_a_500() {
        given().auth().oauth2(controllerToken()).urlEncodingEnabled(false).get("/audits/abc%00def")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "unstorable-character"))
                .body("violations[0].field", equalTo("path parameter id"));
    }
}
