package eu.dpaledger.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Instructions and data subject requests across the real stack: the demo's flagged instruction and
 * forwarded data subject request; Opwijk answers both with a real token, ESN cannot approve.
 */
@ExtendWith(Stack.class)
class AssistanceE2ETest {

    @Test
    void the_controller_sees_the_flag_and_approves_the_forwarded_request_which_the_processor_cannot() {
        String opwijk = Keycloak.user("opwijk-dpo");
        String esn = Keycloak.user("esn-staff");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(opwijk).queryParam("open", true).get("/instructions")
                .then().statusCode(200).body("items.find { it.status == 'FLAGGED' }", org.hamcrest.Matchers.notNullValue()));
        String instruction = as(opwijk).get("/instructions").then().extract().path("items.find { it.status == 'FLAGGED' }.id");
        var flagged = as(opwijk).get("/instructions/{id}", instruction).then().statusCode(200).body("lawfulBasis", equalTo(false));
        as(opwijk).contentType(ContentType.JSON).header("If-Match", flagged.extract().header("ETag"))
                .body("{\"text\":\"Send monthly aggregated visitor statistics\",\"effectiveFrom\":\"2026-12-01\",\"reason\":\"Following ESN's flag\"}")
                .post("/instructions/{id}/amendment", instruction).then().statusCode(200).body("status", equalTo("ISSUED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(opwijk).get("/data-subject-requests").then().statusCode(200)
                .body("items.find { it.status == 'AWAITING_APPROVAL' }", org.hamcrest.Matchers.notNullValue()));
        String request = as(opwijk).get("/data-subject-requests").then().extract().path("items.find { it.status == 'AWAITING_APPROVAL' }.id");
        String etag = as(opwijk).get("/data-subject-requests/{id}", request).then().statusCode(200).extract().header("ETag");
        as(esn).contentType(ContentType.JSON).header("If-Match", etag).body("{\"approved\":true,\"instructions\":\"x\"}")
                .post("/data-subject-requests/{id}/decision", request).then().statusCode(403);
        as(opwijk).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"approved\":true,\"instructions\":\"Send the access export to the DPO, not to the person\"}")
                .post("/data-subject-requests/{id}/decision", request).then().statusCode(200).body("status", equalTo("APPROVED"));
        as(Keycloak.user("voorbeeld-dpo")).get("/data-subject-requests/{id}", request).then().statusCode(404);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Stack.AGREEMENTS).auth().oauth2(token);
    }
}
