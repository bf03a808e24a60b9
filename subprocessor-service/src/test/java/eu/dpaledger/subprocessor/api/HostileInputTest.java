package eu.dpaledger.subprocessor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static eu.dpaledger.subprocessor.api.Fixtures.PROBLEMS;
import static eu.dpaledger.subprocessor.api.Fixtures.PROBLEM_JSON;
import static eu.dpaledger.subprocessor.api.Fixtures.activeAgreement;
import static eu.dpaledger.subprocessor.api.Fixtures.addCloudflare;
import static eu.dpaledger.subprocessor.api.Fixtures.announce;
import static eu.dpaledger.subprocessor.api.Fixtures.controllerToken;
import static eu.dpaledger.subprocessor.api.Fixtures.processorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Inputs that answered 500 or were accepted at any size before (issue "Bad input cannot hurt"): each is
 * a problem naming the field, and no change is stored.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void a_one_megabyte_reason_is_refused_naming_it_and_no_change_is_stored() {
        String agreement = activeAgreement();
        announce(processorToken(), agreement, addCloudflare().put("reason", "r".repeat(1024 * 1024)))
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "field-too-long"))
                .body("violations[0].field", equalTo("reason"));
        announce(processorToken(), agreement, addCloudflare().put("reason", "r\u0000r"))
                .statusCode(400).body("type", equalTo(PROBLEMS + "unstorable-character"))
                .body("violations[0].field", equalTo("reason"));
        given().auth().oauth2(controllerToken()).get("/agreements/{id}/subprocessor-changes", agreement)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void duplicate_keys_on_a_command_with_an_optional_body_are_a_400_not_a_500() {
        String agreement = activeAgreement();
        given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).body("{\"note\":\"a\",\"note\":\"b\"}")
                .post("/agreements/{id}/subprocessors/{name}/proof-requests", agreement, "Level 27")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "duplicate-key"))
                .body("violations[0].field", equalTo("note"));
    }
}
