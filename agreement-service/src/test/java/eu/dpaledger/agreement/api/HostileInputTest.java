package eu.dpaledger.agreement.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static eu.dpaledger.agreement.api.Fixtures.controllerToken;
import static eu.dpaledger.agreement.api.Fixtures.create;
import static eu.dpaledger.agreement.api.Fixtures.problem;
import static eu.dpaledger.agreement.api.Fixtures.seed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Inputs that answered 500 before (issue "Bad input cannot hurt"): a NUL in a path id, a key twice in a
 * command's optional body, a 1 MB text; each is now a problem naming the parameter or field.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void a_nul_character_in_an_agreement_id_is_a_400_naming_the_id() {
        problem(given().auth().oauth2(controllerToken()).urlEncodingEnabled(false).get("/agreements/abc%00def").then(),
                400, "unstorable-character")
                .body("violations[0].field", equalTo("path parameter id"));
    }

    @Test
    void a_key_twice_in_an_optional_body_is_a_400_naming_the_key() {
        problem(given().auth().oauth2(controllerToken()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/instructions/{id}/withdrawal", "no-such-instruction").then(),
                400, "duplicate-key")
                .body("violations[0].field", equalTo("reason"));
    }

    @Test
    void a_one_megabyte_text_in_a_draft_is_refused_naming_the_field() {
        var body = seed();
        body.withArray("purposes").set(0, "p".repeat(1024 * 1024));
        problem(create(controllerToken(), body), 400, "field-too-long")
                .body("violations[0].field", equalTo("purposes[0]"));
    }
}
