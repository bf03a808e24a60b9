package eu.dpaledger.breach.api;

import eu.dpaledger.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static eu.dpaledger.breach.api.Fixtures.PROBLEMS;
import static eu.dpaledger.breach.api.Fixtures.PROBLEM_JSON;
import static eu.dpaledger.breach.api.Fixtures.activeAgreement;
import static eu.dpaledger.breach.api.Fixtures.minimal;
import static eu.dpaledger.breach.api.Fixtures.processorToken;
import static eu.dpaledger.breach.api.Fixtures.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The inputs that answered 500 or hurt the event stream before (issue "Bad input cannot hurt"), as a
 * processor reporting a breach meets them: each is a 400 problem naming the field, and no breach is stored.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void a_description_with_a_nul_character_is_a_400_naming_the_description_not_a_500() {
        String agreement = activeAgreement();
        report(processorToken(), agreement, minimal(TestClock.now().minus(Duration.ofHours(1))).put("description", "mailbox\u0000accessed"))
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "unstorable-character"))
                .body("violations[0].field", equalTo("description"));
        noBreachesUnder(agreement);
    }

    @Test
    void a_one_megabyte_description_is_refused_naming_it() {
        String agreement = activeAgreement();
        report(processorToken(), agreement, minimal(TestClock.now().minus(Duration.ofHours(1))).put("description", "x".repeat(1024 * 1024)))
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "field-too-long"))
                .body("violations[0].field", equalTo("description"));
        noBreachesUnder(agreement);
    }

    @Test
    void a_body_with_a_key_twice_is_refused_naming_the_key() {
        String agreement = activeAgreement();
        String aware = TestClock.now().minus(Duration.ofHours(1)).toString();
        report(processorToken(), agreement, "{\"processorAwareAt\":\"" + aware + "\",\"description\":\"a\",\"description\":\"b\"}")
                .statusCode(400).body("type", equalTo(PROBLEMS + "duplicate-key")).body("violations[0].field", equalTo("description"));
        noBreachesUnder(agreement);
    }

    private static void noBreachesUnder(String agreement) {
        given().auth().oauth2(processorToken()).queryParam("agreement", agreement).get("/breaches").then().statusCode(200)
                .body("items", hasSize(0));
    }
}
