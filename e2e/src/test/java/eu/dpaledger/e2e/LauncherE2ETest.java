package eu.dpaledger.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher itself: a second `up` changes nothing, `status` and `token` answer. */
@ExtendWith(Stack.class)
class LauncherE2ETest {

    @Test
    void a_second_up_loads_no_duplicate_demo_data() throws Exception {
        String opwijk = Keycloak.user("opwijk-dpo");
        int before = given().baseUri(Stack.AGREEMENTS).auth().oauth2(opwijk).queryParam("party", "0428304785")
                .queryParam("limit", 200).get("/agreements").then().statusCode(200).body("nextCursor", nullValue())
                .extract().path("items.size()");
        String output = Stack.run(Duration.ofMinutes(3), "up");
        assertTrue(output.contains("already running"), output);
        given().baseUri(Stack.AGREEMENTS).auth().oauth2(opwijk).queryParam("party", "0428304785")
                .queryParam("limit", 200).get("/agreements").then().statusCode(200).body("items.size()", equalTo(before));
    }

    @Test
    void status_lists_every_process_and_token_prints_a_usable_token() throws Exception {
        String status = Stack.run(Duration.ofSeconds(30), "status");
        assertTrue(status.matches("(?s).*kafka\\s+running.*keycloak\\s+running.*agreement\\s+running \\(pid \\d+\\) ready.*"), status);
        String token = Stack.run(Duration.ofSeconds(30), "token", "esn-staff").trim();
        given().baseUri(Stack.AGREEMENTS).auth().oauth2(token).get("/agreements").then().statusCode(200);
    }
}
