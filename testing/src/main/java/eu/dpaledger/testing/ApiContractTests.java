package eu.dpaledger.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service's contract tests (docs/ARCHITECTURE.md, "The API contract"): the OpenAPI document it serves is the one
 * committed under docs/api, and it passes the lint. A service's {@code ApiContractTest} is a {@code @QuarkusTest} that
 * extends this and names the service.
 */
public abstract class ApiContractTests {

    /** The service's name, as in docs/api/&lt;service&gt;.yaml. */
    protected abstract String service();

    private static String document() {
        return given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void the_document_is_the_committed_contract() {
        assertEquals("", String.join("\n", ApiContract.differences(service(), document())));
    }

    @Test
    void every_operation_is_typed_every_refusal_a_problem_every_list_paged() {
        assertEquals("", String.join("\n", ApiContract.lint(document())));
    }
}
