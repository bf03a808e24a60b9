package eu.dpaledger.audit.api;

import eu.dpaledger.testing.ApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's OpenAPI document is the committed contract (docs/api/audit-service.yaml) and passes the lint. */
@QuarkusTest
class ApiContractTest {

    private static String document() {
        return given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void theDocumentIsTheCommittedContract() {
        assertEquals("", String.join("\n", ApiContract.differences("audit-service", document())));
    }

    @Test
    void everyOperationIsTypedEveryRefusalAProblemEveryListPaged() {
        assertEquals("", String.join("\n", ApiContract.lint(document())));
    }
}
